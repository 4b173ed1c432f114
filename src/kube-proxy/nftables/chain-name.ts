import { chainHash } from '../chain-name';

/*
 * Chain and set names of kube-proxy's nftables mode (pkg/proxy/nftables/proxier.go,
 * hashAndTruncate, servicePortChainNameBase, servicePortEndpointChainNameBase): a readable
 * base "ns/svc/proto/port" prefixed by 8 base32 characters of its SHA-256, so names that
 * differ in one digit still look different and a truncated name stays unique.
 */

/** knftables.NameLengthMax (256) minus 16 reserved for the longest prefix. */
const CHAIN_NAME_BASE_LENGTH_MAX = 240;

/**
 * `HASH-name`, cut to 237 characters plus "..." when longer than 240. The hash is over the
 * whole name, so two cut names that look alike still differ.
 *
 * @example hashAndTruncate('ns1/svc1/tcp/p80') // 'ULMVA6XW-ns1/svc1/tcp/p80'
 */
export function hashAndTruncate(name: string): string {
  // The first 8 base32 characters are the digest's first 40 bits: chainHash's first half.
  const based = `${chainHash(name).slice(0, 8)}-${name}`;
  return based.length > CHAIN_NAME_BASE_LENGTH_MAX ? `${based.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...` : based;
}

/** "HASH-ns/svc/proto/portName" for a service port; protocol lower case, port name may be ''. */
export function servicePortChainNameBase(serviceKey: string, protocol: string, portName: string): string {
  return hashAndTruncate(`${serviceKey}/${protocol}/${portName}`);
}

/**
 * "HASH-ns/svc/proto/portName__IP/port" for one endpoint ("10.180.0.1:80" or
 * "[fd00::1]:80"): colons are not allowed in chain names, so an IPv6 address's become dots.
 */
export function endpointChainNameBase(serviceKey: string, protocol: string, portName: string, endpoint: string): string {
  const colon = endpoint.lastIndexOf(':');
  const host = endpoint.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = endpoint.slice(colon + 1);
  return hashAndTruncate(`${serviceKey}/${protocol}/${portName}__${host.replaceAll(':', '.')}/${port}`);
}

/** The chains one service port can own; they share one base. */
export interface NftServicePortChains {
  /** service-: every usable endpoint (Cluster policy). */
  readonly clusterPolicy: string;
  /** local-: this node's endpoints (Local policy). */
  readonly localPolicy: string;
  /** external-: where NodePort, externalIP and load-balancer traffic goes first. */
  readonly external: string;
  /** firewall-: loadBalancerSourceRanges. */
  readonly firewall: string;
}

export function nftServicePortChains(serviceKey: string, protocol: string, portName: string): NftServicePortChains {
  const base = servicePortChainNameBase(serviceKey, protocol, portName);
  return { clusterPolicy: `service-${base}`, localPolicy: `local-${base}`, external: `external-${base}`, firewall: `firewall-${base}` };
}

/** An endpoint's chain and its ClientIP affinity set share the endpoint base. */
export interface NftEndpointNames {
  readonly chain: string;
  readonly affinitySet: string;
}

export function nftEndpointNames(serviceKey: string, protocol: string, portName: string, endpoint: string): NftEndpointNames {
  const base = endpointChainNameBase(serviceKey, protocol, portName, endpoint);
  return { chain: `endpoint-${base}`, affinitySet: `affinity-${base}` };
}
