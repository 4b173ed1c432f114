import type { EvaluatedNftRule } from '../nftables';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import { jumpedChain } from '../netfilter/rule-detail';
import type { Note } from '../trace/types';

type Params = Note['params'];

/** The comment of an iptables-save rule (`--comment "default/svc1:http"`), or ''. */
const commentOf = (text: string) => /--comment "([^"]*)"/.exec(text)?.[1] ?? '';

/**
 * A packet to a node port, external IP or load balancer IP that nat PREROUTING sent into its
 * Service's external chain (iptables `KUBE-EXT-…`, nftables `external-…`) and that came out
 * again without a DNAT. kube-proxy ends that chain with the jump to the endpoints, under
 * externalTrafficPolicy Local only on a node with a local endpoint (its Local form also has
 * the "route LOCAL traffic" rule, or `fib saddr type local goto`, for the node's own
 * processes): so a Local-form chain that returns is a node without one. Null when the rules
 * did not enter such a chain: then nothing matched the destination at all.
 */
export function externalChainNote(prefix: 'prerouting', base: Params, evaluated: readonly EvaluatedRule[]): Note | null {
  const entry = evaluated.find((r) => (r.verdict === 'jump' || r.verdict === 'goto') && jumpedChain(r.detail)?.startsWith('KUBE-EXT-'));
  const chain = entry && jumpedChain(entry.detail);
  if (!entry || !chain) return null;
  const local = evaluated.some((r) => r.chain === chain && commentOf(r.text).startsWith('route LOCAL traffic'));
  return {
    id: `${prefix}.external-returns${local ? '.local' : ''}`,
    params: { ...base, via: entry.chain, chain, service: commentOf(entry.text) },
  };
}

/** The same for nftables mode: `services` found the node port (or external address) and went to `external-…`, which ended. */
export function nftExternalChainNote(prefix: 'prerouting', base: Params, rules: readonly EvaluatedNftRule[]): Note | null {
  for (const rule of rules) {
    const lookup = rule.lookups.find((l) => l.element !== null && /^(goto|jump) external-/.test(l.value ?? ''));
    if (!lookup) continue;
    const chain = (lookup.value ?? '').replace(/^(goto|jump) /, '');
    const local = rules.some((r) => r.chain === chain && /fib saddr type local goto /.test(r.text));
    return {
      id: `${prefix}.nft-external-returns${local ? '.local' : ''}`,
      params: { ...base, map: lookup.set, key: lookup.key, chain },
    };
  }
  return null;
}
