import type { ProxierConfig } from '../../src/kube-proxy';
import { KUBE_PROXY_IPTABLES, type IptablesGenerator } from './generator';
import type { Corpus } from './schema';

/** What every case shares: the generator under test, the tracer's LOCAL addresses and the fake node's interfaces. */
export interface RunContext {
  readonly generator: IptablesGenerator;
  readonly localIPs: readonly string[];
  readonly interfaceAddresses: readonly string[];
}

const DEFAULT_LOCAL_IPS = ['127.0.0.1', '::1', '192.168.0.2', '192.168.1.2', '192.168.99.11', '2001:db8::1', '2001:db8:1::2'];

export function runContextOf(corpus: Corpus, generator: IptablesGenerator = KUBE_PROXY_IPTABLES): RunContext {
  const conv = corpus.conventions;
  const ifaces = conv?.fakeNetworkInterfaces;
  return {
    generator,
    localIPs: conv?.testNodeIPs_treatedAsLOCAL_byTracer ?? DEFAULT_LOCAL_IPS,
    interfaceAddresses: ifaces ? Object.values(ifaces).flat() : ['127.0.0.1/8', '::1/128', '192.168.0.2/24'],
  };
}

/** The corpus' proxier config, on the fake node's interfaces; a NoOp local detector is the engine's null one. */
export function configOf(raw: object, ctx: RunContext): ProxierConfig {
  const config = raw as ProxierConfig;
  const detector = config.localDetector as { readonly mode: string } | null;
  const localDetector = detector?.mode === 'NoOp' ? null : config.localDetector;
  return { ...config, localDetector, interfaceAddresses: ctx.interfaceAddresses };
}
