import { sha256 } from '@noble/hashes/sha2.js';
import { base32 } from '@scure/base';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/*
 * Per-service and per-endpoint chain names (pkg/proxy/iptables/proxier.go,
 * portProtoHash and servicePortEndpointChainName):
 *   base32Std(sha256(svcPortName + protocol [+ endpoint]))[:16]
 * 16 base32 characters are exactly the first 10 bytes of the digest, so only those are
 * encoded; the "=" padding of the full encoding never shows.
 */

// Hash inputs are almost always ASCII; encoding them into one reused buffer avoids an
// allocation per hash (a 10,000-service sync hashes ~110,000 strings).
let scratch = new Uint8Array(256);

function asciiBytes(input: string): Uint8Array | null {
  const n = input.length;
  if (n > scratch.length) scratch = new Uint8Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c > 127) return null;
    scratch[i] = c;
  }
  return scratch.subarray(0, n);
}

/** The 16-character hash kube-proxy puts after KUBE-SVC-/KUBE-SEP-/... */
export function chainHash(input: string): string {
  const bytes = asciiBytes(input) ?? utf8ToBytes(input);
  return base32.encode(sha256(bytes).subarray(0, 10));
}

/** portProtoHash(servicePortName, protocol): protocol is lower case ("tcp"). */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return chainHash(servicePortName + protocol);
}

/** The four chain names one service port can own; they share one hash. */
export interface ServicePortChains {
  /** KUBE-SVC-h: every usable endpoint (Cluster policy). */
  readonly clusterPolicy: string;
  /** KUBE-SVL-h: node-local endpoints only (Local policy). */
  readonly localPolicy: string;
  /** KUBE-EXT-h: where NodePort, externalIP and LB traffic goes first. */
  readonly external: string;
  /** KUBE-FW-h: loadBalancerSourceRanges filter. */
  readonly firewall: string;
}

export function servicePortChains(servicePortName: string, protocol: string): ServicePortChains {
  const h = portProtoHash(servicePortName, protocol);
  return {
    clusterPolicy: `KUBE-SVC-${h}`,
    localPolicy: `KUBE-SVL-${h}`,
    external: `KUBE-EXT-${h}`,
    firewall: `KUBE-FW-${h}`,
  };
}

/** KUBE-SEP-h for one endpoint ("10.180.0.1:80"): same pod IP, other service, other chain. */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${chainHash(servicePortName + protocol + endpoint)}`;
}

const SERVICE_CHAIN_PREFIXES = ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-EXT-', 'KUBE-FW-', 'KUBE-SEP-'];

/** isServiceChainName: the chains kube-proxy deletes when no service uses them any more. */
export function isServiceChainName(chain: string): boolean {
  return SERVICE_CHAIN_PREFIXES.some((p) => chain.startsWith(p));
}
