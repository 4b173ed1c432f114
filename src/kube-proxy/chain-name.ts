import { sha256Prefix } from './sha256-prefix';

/*
 * Per-service and per-endpoint chain names (pkg/proxy/iptables/proxier.go,
 * portProtoHash and servicePortEndpointChainName):
 *   base32Std(sha256(svcPortName + protocol [+ endpoint]))[:16]
 * 16 base32 characters are exactly the first 10 bytes (80 bits) of the digest, so only
 * those are encoded; the "=" padding of the full encoding never shows.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The 16-character hash kube-proxy puts after KUBE-SVC-/KUBE-SEP-/... */
export function chainHash(input: string): string {
  const words = sha256Prefix(input);
  let out = '';
  for (let bit = 0; bit < 80; bit += 5) {
    // The 5 bits at `bit` of the big-endian digest, which may straddle two words.
    const word = bit >>> 5;
    const shift = bit & 31;
    const value = shift <= 27 ? words[word]! >>> (27 - shift) : (words[word]! << (shift - 27)) | (words[word + 1]! >>> (59 - shift));
    out += BASE32[value & 31];
  }
  return out;
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
