import { canonicalValue, fieldHas, fieldType, partMatches, readField } from './field-value';
import type { CompiledRule, CompiledTable } from './compile';
import type { NftLookup } from './evaluated-rule';
import type { NftDynamicElement, NftEnv, NftPacketContext } from './packet-context';
import type { NftField, NftStatement, NftVerdict } from './rule-types';
import { lookupSet } from './set-index';
import { describeField, verdictText } from './describe';
import type { NftEndPart, NftNote, NftRuleDetail } from '../netfilter/rule-detail';

/** What a walk carries from rule to rule: the packet, its mark, the dynamic sets' elements. */
export interface WalkState {
  ctx: NftPacketContext;
  mark: number;
  readonly dynamic: Record<string, NftDynamicElement[]>;
}

export type RuleOutcome =
  | { readonly kind: 'no-match' | 'continue'; readonly detail: NftRuleDetail }
  | { readonly kind: 'verdict'; readonly verdict: NftVerdict; readonly detail: NftRuleDetail }
  | { readonly kind: 'dnat' | 'snat'; readonly ip: string; readonly port: number | null; readonly detail: NftRuleDetail }
  | { readonly kind: 'masquerade'; readonly flags: readonly string[]; readonly detail: NftRuleDetail };

/** A safe "never expires" for plain-JSON state (Infinity does not survive JSON). */
const NEVER = Number.MAX_SAFE_INTEGER;

/**
 * Runs a rule's statements left to right, as nft_do_chain runs its expressions: a failed
 * match (or a verdict map without the key) ends the rule with no effect on what follows;
 * marks and set updates apply as they are met; the first verdict, dnat or masquerade ends it.
 */
export function evaluateRule(rule: CompiledRule, t: CompiledTable, s: WalkState, env: NftEnv, lookups: NftLookup[]): RuleOutcome {
  const notes: NftNote[] = [];
  for (const st of rule.statements) {
    const out = evaluateStatement(st, t, s, env, lookups, notes);
    // A failed match is the whole story; a verdict comes after the statements that ran before it.
    if (out !== null) return out.kind === 'no-match' || notes.length === 0 ? out : { ...out, detail: { ...out.detail, notes } };
  }
  return { kind: 'continue', detail: notes.length === 0 ? { code: 'nft-no-verdict' } : { code: 'nft-no-verdict', notes } };
}

function evaluateStatement(
  st: NftStatement,
  t: CompiledTable,
  s: WalkState,
  env: NftEnv,
  lookups: NftLookup[],
  notes: NftNote[],
): RuleOutcome | null {
  // The mark as earlier statements left it.
  const ctx = { ...s.ctx, mark: s.mark };
  switch (st.kind) {
    case 'match':
      return evaluateMatch(st, t, ctx, env, s, lookups, notes);
    case 'vmap':
      return evaluateVmap(st, t, ctx, env, s, lookups, notes);
    case 'mark-set': {
      const before = s.mark;
      const v = st.value;
      s.mark = (st.op === 'or' ? before | v : st.op === 'xor' ? before ^ v : st.op === 'and' ? before & v : v) >>> 0;
      notes.push({ code: 'nft-mark-set', from: before, to: s.mark });
      return null;
    }
    case 'set-update':
      return updateSet(st, t, ctx, env, s, notes);
    case 'counter':
      return null;
    case 'dnat':
    case 'snat': {
      // In an inet table `dnat ip to` is for IPv4 packets and `dnat ip6 to` for IPv6 ones: for the
      // other family nft_nat_inet_eval does nothing and the rule goes on.
      if ((st.ip.includes(':') ? 'ip6' : 'ip') !== ctx.packet.family) {
        notes.push({ code: 'nft-nat-other-family', nat: st.kind, ip: st.ip, port: st.port, family: ctx.packet.family });
        return null;
      }
      return { kind: st.kind, ip: st.ip, port: st.port, detail: { code: 'nft-nat', nat: st.kind, ip: st.ip, port: st.port } };
    }
    case 'masquerade':
      return { kind: 'masquerade', flags: st.flags, detail: { code: 'nft-masquerade', flags: st.flags } };
    case 'verdict':
      return { kind: 'verdict', verdict: st.verdict, detail: { code: 'nft-verdict', verdict: verdictText(st.verdict) } };
    case 'unmodelled':
      if (st.role === 'match' && !st.assumed) return { kind: 'no-match', detail: { code: 'nft-not-modelled', name: st.name } };
      notes.push({ code: 'nft-not-modelled-passed', name: st.name, match: st.role === 'match' });
      return null;
  }
}

/** The packet's values of the fields, or which field it has none of. */
function readAll(fields: readonly NftField[], ctx: NftPacketContext, env: NftEnv): string[] | NftEndPart {
  const values: string[] = [];
  for (const f of fields) {
    const v = readField(f, ctx, env);
    if (v === null) return { code: 'nft-no-field', field: describeField(f) };
    values.push(v);
  }
  return values;
}

function evaluateMatch(
  st: Extract<NftStatement, { kind: 'match' }>,
  t: CompiledTable,
  ctx: NftPacketContext,
  env: NftEnv,
  s: WalkState,
  lookups: NftLookup[],
  notes: NftNote[],
): RuleOutcome | null {
  const values = readAll(st.fields, ctx, env);
  if (!Array.isArray(values)) return { kind: 'no-match', detail: values };
  if (st.mask !== undefined) values[0] = String((Number(values[0]) & st.mask) >>> 0);
  // An empty value (no device at this hook, for `oifname` before routing) shows as nft writes it.
  const key = values.map((v) => (v === '' ? '""' : v)).join(' . ');
  const what = st.fields.map(describeField).join(' . ');
  let held: boolean;
  let against: string;
  if (st.rhs.kind === 'set') {
    const index = t.sets.get(st.rhs.name)!;
    const element = lookupSet(index, values, s.dynamic[index.id] ?? [], env.now);
    lookups.push({ set: st.rhs.name, key, element: element?.text ?? null });
    held = element !== null;
    against = `@${st.rhs.name}`;
  } else {
    const fields = st.fields;
    held = st.rhs.values.some((v) => {
      const parts = v.split(' . ');
      return parts.length === fields.length && parts.every((part, i) => fieldHas(fields[i]!, values[i]!, part));
    });
    against = st.rhs.values.length === 1 ? st.rhs.values[0]! : `{ ${st.rhs.values.join(', ')} }`;
  }
  const inSet = st.rhs.kind === 'set';
  if (held === st.negated) {
    return { kind: 'no-match', detail: { code: 'nft-not-matched', field: what, key, negated: st.negated, inSet, against } };
  }
  notes.push({ code: 'nft-matched', field: what, key, op: st.negated ? '!=' : inSet ? 'in' : '==', against });
  return null;
}

function evaluateVmap(
  st: Extract<NftStatement, { kind: 'vmap' }>,
  t: CompiledTable,
  ctx: NftPacketContext,
  env: NftEnv,
  s: WalkState,
  lookups: NftLookup[],
  notes: NftNote[],
): RuleOutcome | null {
  const values = readAll(st.fields, ctx, env);
  if (!Array.isArray(values)) return { kind: 'no-match', detail: values };
  const key = values.join(' . ');
  let found: { text: string; verdict: NftVerdict } | null;
  let name: string;
  if (st.map.kind === 'named') {
    const index = t.sets.get(st.map.name)!;
    const element = lookupSet(index, values, s.dynamic[index.id] ?? [], env.now);
    found = element?.verdict === undefined ? null : { text: element.text, verdict: element.verdict };
    name = st.map.name;
  } else {
    const types = st.fields.map(fieldType);
    const entry = st.map.entries.find(
      (e) => e.key.length === values.length && e.key.every((part, i) => partMatches(types[i]!, values[i]!, part)),
    );
    found = entry === undefined ? null : { text: entry.key.join(' . '), verdict: entry.verdict };
    name = `vmap { ${st.map.entries.map((e) => `${e.key.join(' . ')} : ${verdictText(e.verdict)}`).join(', ')} }`;
  }
  const map = st.map.kind === 'named' ? name : null;
  if (found === null) {
    lookups.push({ set: name, key, element: null });
    return { kind: 'no-match', detail: { code: 'nft-no-element', key, map } };
  }
  lookups.push({ set: name, key, element: found.text, value: verdictText(found.verdict) });
  // `numgen random mod 2 = 1`: the number drawn is the key.
  const what = st.fields.map(describeField).join(' . ');
  notes.push({ code: 'nft-map-hit', field: what, key, numgen: st.fields[0]?.kind === 'numgen', map });
  return { kind: 'verdict', verdict: found.verdict, detail: { code: 'nft-verdict', verdict: verdictText(found.verdict) } };
}

/** `update @set { ip saddr }`: the key goes in (again) with the set's timeout; `add` leaves a live one as it is. */
function updateSet(
  st: Extract<NftStatement, { kind: 'set-update' }>,
  t: CompiledTable,
  ctx: NftPacketContext,
  env: NftEnv,
  s: WalkState,
  notes: NftNote[],
): RuleOutcome | null {
  const values = readAll(st.fields, ctx, env);
  if (!Array.isArray(values)) return { kind: 'no-match', detail: values };
  const index = t.sets.get(st.set)!;
  const types = index.set.keyType;
  const key = values.map((v, i) => canonicalValue(types[i] ?? '', v));
  const same = (e: NftDynamicElement): boolean => e.key.join(' . ') === key.join(' . ');
  const current = s.dynamic[index.id] ?? [];
  const timeout = index.set.timeoutSeconds;
  const expires = timeout === undefined ? NEVER : env.now + timeout;
  if (st.op === 'add' && current.some((e) => same(e) && e.expires > env.now)) return null;
  s.dynamic[index.id] = [...current.filter((e) => !same(e)), { key, expires }];
  notes.push({ code: 'nft-set-update', op: st.op, set: st.set, key: key.join(' . '), timeout: timeout ?? null });
  return null;
}
