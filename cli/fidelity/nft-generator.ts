import type { EndpointSliceInput, ServiceInput } from '../../src/kube-proxy';
import {
  printNftTransaction,
  syncNftablesRules,
  TEST_NFTABLES_PROXIER_CONFIG,
  type NftablesProxierConfig,
  type NftTable,
} from '../../src/kube-proxy/nftables';
import { unwrap } from '../../src/net/result';
import { compileNft, parseNft, type NftProgram } from '../../src/nftables';
import type { NftConfig } from './nft-schema';

/** What the nftables runner checks: the engine's nftables-mode generator (a parameter, so a test can break it). */
export type NftablesGenerator = (
  config: NftablesProxierConfig,
  services: readonly ServiceInput[],
  endpointSlices: readonly EndpointSliceInput[],
) => NftTable;

export const KUBE_PROXY_NFTABLES: NftablesGenerator = syncNftablesRules;

/** What every nftables case shares: the generator, the fake node's interfaces, the tracer's node IPs. */
export interface NftRunContext {
  readonly generator: NftablesGenerator;
  readonly interfaceAddresses: readonly string[];
  readonly tracerNodeIPs: readonly string[];
}

/** The case's proxier config on the fake node's interfaces (NewFakeProxier). */
export function nftConfigOf(c: NftConfig, ctx: NftRunContext): NftablesProxierConfig {
  return {
    ...TEST_NFTABLES_PROXIER_CONFIG,
    ipFamily: c.ipFamily,
    nodeName: c.nodeName,
    nodeIP: c.nodeIP,
    localDetector: c.localDetector,
    masqueradeAll: c.masqueradeAll,
    masqueradeMark: c.masqueradeMark,
    nodePortAddresses: c.nodePortAddresses,
    serviceCIDRs: c.serviceCIDRs.split(',').filter((s) => s !== ''),
    interfaceAddresses: ctx.interfaceAddresses,
  };
}

/**
 * The generated table as the kernel would load it: printed as kube-proxy's `nft -f`
 * transaction, read back by the nftables parser and compiled. The rules flows run through
 * are the parsed ones, so a table the parser or the evaluator cannot take is a FAIL.
 */
export function loadGenerated(table: NftTable): { ok: true; value: NftProgram } | { ok: false; detail: string } {
  const parsed = parseNft(printNftTransaction(table));
  if (!parsed.ok) return { ok: false, detail: `the generated transaction does not parse: ${parsed.error}` };
  const program = compileNft(parsed.value);
  return program.ok ? { ok: true, value: program.value } : { ok: false, detail: `the generated table does not load: ${program.error}` };
}

/** For trusted, engine-built text only (tests). */
export const loadTrusted = (text: string): NftProgram => unwrap(compileNft(unwrap(parseNft(text))));
