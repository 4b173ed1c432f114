// The nftables corpus (tests/fidelity/kube-proxy-nftables-cases.json, transcribed from
// kube-proxy's pkg/proxy/nftables/proxier_test.go) and its cases' proxier configurations.
import { readFileSync } from 'node:fs';
import type { EndpointSliceInput, ServiceInput } from '../../../../src/kube-proxy';
import { TEST_NFTABLES_PROXIER_CONFIG, type NftablesProxierConfig } from '../../../../src/kube-proxy/nftables';

export interface NftCorpusCase {
  readonly id: string;
  readonly kind: string;
  readonly config: Record<string, unknown> & { readonly serviceCIDRs: string };
  readonly services?: readonly ServiceInput[];
  readonly endpointSlices?: readonly EndpointSliceInput[];
  readonly expected?: {
    readonly nftDump?: string;
    readonly nftDumpSorted?: string;
    readonly map?: string;
    readonly elementKey?: readonly string[];
    readonly present?: boolean;
  };
}

export interface NftCorpus {
  readonly cases: readonly NftCorpusCase[];
  readonly conventions: { readonly fakeNetworkInterfaces: Readonly<Record<string, readonly string[]>> };
  readonly auxiliary: {
    readonly chainNames: readonly {
      readonly kind: 'servicePort' | 'endpoint';
      readonly namespace: string;
      readonly service: string;
      readonly protocol: string;
      readonly portName: string;
      readonly endpoint: string | null;
      readonly expectedBase: string;
    }[];
    readonly sortNormalizationCases: readonly { readonly name: string; readonly input: string; readonly output: string }[];
  };
}

export const corpus = JSON.parse(
  readFileSync(new URL('../../../fidelity/kube-proxy-nftables-cases.json', import.meta.url), 'utf8'),
) as NftCorpus;

export function corpusCase(id: string): NftCorpusCase {
  const found = corpus.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no corpus case ${id}`);
  return found;
}

/** A case's proxier: its config on the fake node's interfaces (NewFakeProxier). */
export function configOf(c: NftCorpusCase): NftablesProxierConfig {
  const raw = c.config as unknown as NftablesProxierConfig;
  return {
    ...TEST_NFTABLES_PROXIER_CONFIG,
    ipFamily: raw.ipFamily,
    nodeName: raw.nodeName,
    nodeIP: raw.nodeIP,
    localDetector: raw.localDetector,
    masqueradeAll: raw.masqueradeAll,
    masqueradeMark: raw.masqueradeMark,
    nodePortAddresses: raw.nodePortAddresses,
    serviceCIDRs: c.config.serviceCIDRs.split(','),
    interfaceAddresses: Object.values(corpus.conventions.fakeNetworkInterfaces).flat(),
  };
}
