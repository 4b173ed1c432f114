import type { NftTable } from '../kube-proxy/nftables';
import type { EvaluatedNftRule, NftLookup } from '../nftables';
import type { Note } from '../trace/types';

/*
 * Notes of the steps where `table ip kube-proxy` ran (nftables mode), written from what its
 * rules did: which map element matched, what numgen drew, which rule decided. The sentences
 * are in src/trace/narration-nftables.ts.
 */

type Params = Note['params'];

/** The first lookup of a set or map (by name, or by a test on it) that the rules made, with its rule. */
function lookupIn(rules: readonly EvaluatedNftRule[], test: (l: NftLookup) => boolean) {
  for (const rule of rules) {
    const lookup = rule.lookups.find(test);
    if (lookup) return { rule, lookup };
  }
  return null;
}

const target = (value: string | undefined) => (value ?? '').replace(/^(goto|jump) /, '');

/** What chose the endpoint in the Service's chain: an affinity set the client is in, or numgen. */
function endpointChoice(rules: readonly EvaluatedNftRule[], svcChain: string): Params & { readonly how: string } {
  const inChain = rules.filter((r) => r.chain === svcChain);
  const sticky = inChain.find((r) => r.verdict === 'goto' && r.lookups.some((l) => l.set.startsWith('affinity-') && l.element !== null));
  const affinity = inChain.find((r) => r.lookups.some((l) => l.set.startsWith('affinity-')));
  if (sticky) {
    const set = sticky.lookups.find((l) => l.set.startsWith('affinity-'))!;
    return { how: 'affinity', set: set.set, client: set.key };
  }
  const numgen = inChain.find((r) => r.text.startsWith('numgen ') && r.verdict === 'goto');
  if (!numgen) return { how: 'rule' };
  const drawn = numgen.lookups[0];
  const epChain = target(drawn?.value);
  const mod = Number(/numgen random mod (\d+)/.exec(numgen.text)?.[1] ?? 0);
  // A Service with affinity whose client has no live element: numgen picks, and the endpoint chain records the client in its own set.
  const update = rules.find((r) => r.chain === epChain && r.text.startsWith('update @'));
  const fresh = affinity && update ? '.affinity-start' : '';
  const set = update ? (/^update @(\S+)/.exec(update.text)?.[1] ?? '') : '';
  return { how: `${mod === 1 ? 'only' : 'numgen'}${fresh}`, mod, value: drawn?.key ?? '', set };
}

/**
 * The note of a DNAT decided in nftables mode (nat-prerouting for a pod's packet, nat-output
 * for the node's own): `<prefix>.nft-dnat.numgen` (numgen drew the endpoint), `.only` (one
 * endpoint), `.affinity` (the client is in the Service's affinity set), `.numgen.affinity-start`
 * and `.only.affinity-start` (affinity, no live element yet), `.rule` (a DNAT no Service chain
 * chose). Its parameters: the service-ips key and element, the chains, numgen's draw, the
 * `dnat to` rule.
 *
 * @example nftDnatNote('prerouting', base, step.nftRules).id // 'prerouting.nft-dnat.numgen'
 */
export function nftDnatNote(prefix: 'prerouting' | 'output', base: Params, rules: readonly EvaluatedNftRule[]): Note {
  const dnat = rules.find((r) => r.decided && r.verdict === 'dnat');
  const service = lookupIn(rules, (l) => l.set === 'service-ips' && l.element !== null);
  const common = { ...base, dnatRule: dnat?.text ?? '', epChain: dnat?.chain ?? '' };
  if (!service || !dnat) return { id: `${prefix}.nft-dnat.rule`, params: common };
  const svcChain = target(service.lookup.value);
  const { how, ...choice } = endpointChoice(rules, svcChain);
  return {
    id: `${prefix}.nft-dnat.${how}`,
    params: { ...common, ...choice, key: service.lookup.key, element: service.lookup.element ?? '', svcChain },
  };
}

/**
 * No DNAT in nftables mode: the key service-ips was asked for and had no element for.
 * `.no-endpoints` when the key is one of a Service without ready endpoints, which
 * kube-proxy keeps out of service-ips and puts in no-endpoint-services (checked by the
 * filter chains next).
 */
export function nftNoServiceNote(prefix: 'prerouting' | 'output', base: Params, rules: readonly EvaluatedNftRule[], table: NftTable): Note {
  const key = lookupIn(rules, (l) => l.set === 'service-ips')?.lookup.key ?? '';
  const noEndpoints = table.sets.find((set) => set.name === 'no-endpoint-services')?.elements.some((e) => e.key.join(' . ') === key);
  return { id: `${prefix}.nft-no-service${noEndpoints ? '.no-endpoints' : ''}`, params: { ...base, key } };
}

/**
 * A later packet of a known connection (nftables mode): the filter chains of the hook still
 * run on it, but their rules only act on `ct state new`, and the nat chains are skipped.
 * Unchanged when no kube-proxy chain ran at the hook.
 */
export function nftTrackedNote(base: Note, nft: { readonly nftRules: readonly EvaluatedNftRule[] }): Note {
  const first = nft.nftRules[0];
  if (!first) return base;
  const chains = [...new Set(nft.nftRules.map((r) => r.chain))];
  return { id: `${base.id}.nft`, params: { ...base.params, chain: chains[0] ?? first.chain, rule: first.text } };
}

/**
 * A filter chain of `table ip kube-proxy` (filter-forward, filter-input, filter-output):
 * `<hook>.nft-reject.no-endpoints` when @no-endpoint-services sent the packet to
 * reject-chain, `.nft-reject.cluster-ip` for cluster-ips-check (a ClusterIP's port no
 * Service has), `.nft-reject` / `.nft-drop` otherwise; on accept, `.nft-accept` with the
 * lookups that missed (a new connection), or `.nft-accept.tracked` (a later packet, which
 * the `ct state new` rules let by). The base note when no kube-proxy rule ran.
 */
export function nftFilterNote(
  hook: 'prerouting' | 'forward' | 'input' | 'output',
  base: Note,
  verdict: 'ACCEPT' | 'DROP' | 'REJECT',
  rules: readonly EvaluatedNftRule[],
): Note {
  const first = rules[0];
  if (!first) return base;
  const params = { ...base.params, chain: first.chain };
  if (verdict !== 'ACCEPT') {
    const decided = rules.find((r) => r.decided) ?? rules[rules.length - 1]!;
    const why = { ...params, rule: decided.text, decidedChain: decided.chain };
    const noEndpoints = lookupIn(rules, (l) => l.set === 'no-endpoint-services' && l.element !== null);
    if (noEndpoints) return { id: `${hook}.nft-reject.no-endpoints`, params: { ...why, key: noEndpoints.lookup.key } };
    const firewall = lookupIn(rules, (l) => l.set === 'firewall-ips' && l.element !== null);
    if (firewall && decided.chain.startsWith('firewall-'))
      return { id: `${hook}.nft-${verdict.toLowerCase()}.firewall`, params: { ...why, key: firewall.lookup.key } };
    if (decided.chain === 'cluster-ips-check') return { id: `${hook}.nft-${verdict.toLowerCase()}.cluster-ip`, params: why };
    return { id: `${hook}.nft-${verdict.toLowerCase()}`, params: why };
  }
  const misses = rules.flatMap((r) => r.lookups.filter((l) => l.element === null).map((l) => `${l.key} ∉ @${l.set}`));
  const matched = rules.some((r) => r.verdict !== 'no-match');
  if (!matched) return { id: `${hook}.nft-accept.tracked`, params: { ...params, rule: first.text } };
  return { id: `${hook}.nft-accept`, params: { ...params, misses } };
}

/**
 * nat-postrouting for a connection's first packet (nftables mode): `masquerading` returned
 * (the mark was not set: `postrouting.nft-confirm`, `.nft-confirm-dnat`) or cleared the mark
 * and masqueraded (`postrouting.nft-masquerade`).
 */
export function nftPostroutingNote(base: Note, rules: readonly EvaluatedNftRule[]): Note {
  if (rules.length === 0) return base;
  const masquerade = rules.find((r) => r.verdict === 'masquerade');
  const check = rules.find((r) => r.chain === 'masquerading');
  return {
    id: base.id.replace('postrouting.', 'postrouting.nft-'),
    params: { ...base.params, rule: (masquerade ?? check)?.text ?? '', markRule: check?.text ?? '' },
  };
}
