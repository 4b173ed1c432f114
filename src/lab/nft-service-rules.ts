import type { ClusterService } from '../cluster/model';
import type { NftTable } from '../kube-proxy/nftables';
import type { Protocol } from '../net/packet';
import type { LbLabRules } from './lb-lab-types';

const gotoTarget = (verdict: string | undefined) => /^goto (\S+)$/.exec(verdict ?? '')?.[1] ?? null;

/**
 * nftables mode: the Service port's chain as `table ip kube-proxy` holds it. The service-ips
 * element for the ClusterIP, protocol and port names the service- chain; its `numgen random
 * mod N vmap` gives each endpoint one number of N, so each gets 1/N of new connections
 * (unless an `ip saddr @affinity-…` rule before it sends a known client back). `none` when
 * the map has no element (no ready endpoint: the Service is in no-endpoint-services instead).
 *
 * @example nftServiceRules(table, svc1, 80, 'tcp').kind // 'numgen'
 */
export function nftServiceRules(table: NftTable, service: ClusterService, port: number, protocol: Protocol): LbLabRules {
  const key = `${service.clusterIP} . ${protocol} . ${port}`;
  const element = table.sets.find((s) => s.name === 'service-ips')?.elements.find((e) => e.key.join(' . ') === key);
  const svcChain = gotoTarget(element?.value);
  const chain = svcChain === null ? undefined : table.chains.find((c) => c.name === svcChain);
  const numgen = chain?.rules.find((r) => r.text.startsWith('numgen random mod '));
  if (!svcChain || !chain || !numgen) return { kind: 'none' };
  const endpoints = [...numgen.text.matchAll(/(\d+) : goto (\S+?)(?= ,| \}|,)/g)].map(([, value, epChain]) => {
    const dnat = table.chains.find((c) => c.name === epChain)?.rules.find((r) => r.text.includes(' dnat to '));
    return { value: Number(value), epChain: epChain!, endpoint: dnat ? dnat.text.split(' dnat to ')[1]! : epChain! };
  });
  const affinitySet = /@(\S+) goto /.exec(chain.rules.find((r) => r.text.includes(' saddr @affinity-'))?.text ?? '')?.[1];
  const affinitySeconds = affinitySet ? (table.sets.find((s) => s.name === affinitySet)?.timeoutSeconds ?? null) : null;
  return { kind: 'numgen', svcChain, mod: endpoints.length, endpoints, affinitySeconds };
}
