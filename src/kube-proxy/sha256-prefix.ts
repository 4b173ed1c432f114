/*
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, for kube-proxy's chain names. A
 * 10,000-Service sync hashes ~140,000 short strings; a general-purpose hash allocates
 * a hasher, a view and a digest per call, and that was most of the sync's time. This
 * one reuses its buffers and returns only the digest's first three words, which is
 * all a chain name reads (16 base32 characters = the first 80 bits).
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;

const W = new Int32Array(64);
const PREFIX = new Uint32Array(3);
const H = new Int32Array(8);
let message = new Uint8Array(256);

/** Writes the UTF-8 bytes of `input` into `message` (grown as needed); returns their count. Lone surrogates become U+FFFD, as TextEncoder does. */
function encodeUtf8(input: string): number {
  if (message.length < input.length * 3 + 72) message = new Uint8Array(input.length * 3 + 72);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c < 0x80) {
      message[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x800) {
      message[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      message[n++] = 0xe0 | (c >> 12);
      message[n++] = 0x80 | ((c >> 6) & 63);
    } else {
      message[n++] = 0xf0 | (c >> 18);
      message[n++] = 0x80 | ((c >> 12) & 63);
      message[n++] = 0x80 | ((c >> 6) & 63);
    }
    message[n++] = 0x80 | (c & 63);
  }
  return n;
}

/** One 64-byte block at `offset` into H (FIPS 180-4, 6.2.2). */
function compress(offset: number): void {
  for (let t = 0; t < 16; t++) {
    const o = offset + t * 4;
    W[t] = (message[o]! << 24) | (message[o + 1]! << 16) | (message[o + 2]! << 8) | message[o + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H[0]!,
    b = H[1]!,
    c = H[2]!,
    d = H[3]!,
    e = H[4]!,
    f = H[5]!,
    g = H[6]!,
    h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/**
 * The first three 32-bit words of SHA-256(UTF-8 of `input`), big-endian, as unsigned
 * numbers. The returned array is reused by the next call: read it before hashing again.
 *
 * @example sha256Prefix('')[0] // 0xe3b0c442
 */
export function sha256Prefix(input: string): Uint32Array {
  const length = encodeUtf8(input);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
  const blocks = Math.ceil((length + 9) / 64);
  const end = blocks * 64;
  message[length] = 0x80;
  message.fill(0, length + 1, end - 4);
  const bits = length * 8;
  message[end - 4] = bits >>> 24;
  message[end - 3] = bits >>> 16;
  message[end - 2] = bits >>> 8;
  message[end - 1] = bits;
  H.set(H0);
  for (let b = 0; b < blocks; b++) compress(b * 64);
  PREFIX[0] = H[0]!;
  PREFIX[1] = H[1]!;
  PREFIX[2] = H[2]!;
  return PREFIX;
}
