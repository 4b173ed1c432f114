import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { base32 } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainHash } from '../../../src/kube-proxy/chain-name';
import { sha256Prefix } from '../../../src/kube-proxy/sha256-prefix';
import { propertyParams } from '../../fast-check-params';

/** The first 12 bytes of the digest as node's OpenSSL computes it, as three big-endian words. */
function expectedPrefix(input: string): number[] {
  const digest = createHash('sha256').update(input, 'utf8').digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8)];
}

describe('sha256Prefix', () => {
  it.each([
    ['', [0xe3b0c442, 0x98fc1c14, 0x9afbf4c8]],
    ['abc', [0xba7816bf, 0x8f01cfea, 0x414140de]],
  ])('hashes %j as FIPS 180-4 says', (input, words) => {
    expect([...sha256Prefix(input)]).toEqual(words);
  });

  // 55, 56 and 64 bytes are where the padding spills into a second block.
  it.each([55, 56, 63, 64, 119, 120, 1000])('agrees with OpenSSL on a %i-byte input', (n) => {
    const input = 'x'.repeat(n);
    expect([...sha256Prefix(input)]).toEqual(expectedPrefix(input));
  });

  it('agrees with OpenSSL on any text, non-ASCII and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        expect([...sha256Prefix(input)]).toEqual(expectedPrefix(input));
      }),
      propertyParams(500),
    );
  });
});

describe('chainHash', () => {
  it('is base32(sha256(input))[:16], as kube-proxy computes it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (input) => {
        const expected = base32.encode(sha256(new TextEncoder().encode(input)).subarray(0, 10));
        expect(chainHash(input)).toBe(expected);
      }),
      propertyParams(500),
    );
  });
});
