import type { CompiledChain, CompiledTable } from './compile';
import type { EvaluatedNftRule, NftLookup, NftRuleVerdict } from './evaluated-rule';
import { evaluateRule, type RuleOutcome, type WalkState } from './evaluate-rule';
import type { NftEnv } from './packet-context';

/** What a NAT statement decided; dnat is applied to the packet, snat and masquerade only reported. */
export type NftNatDecision =
  | { readonly kind: 'dnat' | 'snat'; readonly ip: string; readonly port: number | null }
  | { readonly kind: 'masquerade'; readonly flags: readonly string[] };

/** How a base chain ended: its verdict (a NAT statement accepts), and the NAT it chose. */
export interface BaseChainEnd {
  readonly verdict: 'accept' | 'drop' | 'reject';
  readonly nat: NftNatDecision | null;
}

interface Frame {
  readonly chain: CompiledChain;
  readonly next: number;
}

/** A guard for rulesets built by hand (nft refuses jump loops when it loads them). */
const MAX_STEPS = 100_000;
const MAX_DEPTH = 1_000;

/**
 * Walks a packet through one base chain as nft_do_chain does: rules in order; `jump`
 * pushes a return point, `goto` does not, `return` and the end of a regular chain pop one;
 * `accept`, `drop`, `reject`, `dnat`, `snat` and `masquerade` end the base chain, and so does
 * falling off its end (or returning from it), with its policy. Every rule met is appended
 * to `report`.
 */
export function evaluateBaseChain(
  t: CompiledTable,
  start: CompiledChain,
  s: WalkState,
  env: NftEnv,
  report: EvaluatedNftRule[],
): BaseChainEnd {
  const policy = (): BaseChainEnd => ({ verdict: start.base?.policy ?? 'accept', nat: null });
  const stack: Frame[] = [];
  let current = start;
  let next = 0;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const rule = current.rules[next];
    if (rule === undefined) {
      const frame = stack.pop();
      if (frame === undefined) return policy();
      [current, next] = [frame.chain, frame.next];
      continue;
    }
    const position = ++next;
    const lookups: NftLookup[] = [];
    const out = evaluateRule(rule, t, s, env, lookups);
    const record = (verdict: NftRuleVerdict, decided = false): void => {
      report.push({
        table: `${t.table.family} ${t.table.name}`,
        chain: current.name,
        position,
        text: rule.text,
        ...(rule.comment !== undefined ? { comment: rule.comment } : {}),
        verdict,
        detail: out.detail,
        lookups,
        decided,
      });
    };
    const end = endOf(out, s);
    if (end !== null) {
      record(out.kind === 'verdict' ? (out.verdict.kind as NftRuleVerdict) : (out.kind as NftRuleVerdict), true);
      return end;
    }
    if (out.kind !== 'verdict' || out.verdict.kind === 'continue') {
      record(out.kind === 'no-match' ? 'no-match' : 'continue');
      continue;
    }
    const v = out.verdict;
    record(v.kind as NftRuleVerdict);
    if (v.kind === 'return') {
      const frame = stack.pop();
      if (frame === undefined) return policy();
      [current, next] = [frame.chain, frame.next];
    } else if (v.kind === 'jump' || v.kind === 'goto') {
      if (v.kind === 'jump') {
        if (stack.length >= MAX_DEPTH) return { verdict: 'drop', nat: null };
        stack.push({ chain: current, next });
      }
      current = t.chains.get(v.chain)!;
      next = 0;
    }
  }
  return { verdict: 'drop', nat: null };
}

/** The end of the base chain a rule's outcome brings, or null when the walk goes on. DNAT rewrites the packet here. */
function endOf(out: RuleOutcome, s: WalkState): BaseChainEnd | null {
  switch (out.kind) {
    case 'dnat': {
      const p = s.ctx.packet;
      s.ctx = { ...s.ctx, packet: { ...p, daddr: out.ip, dport: out.port ?? p.dport } };
      return { verdict: 'accept', nat: { kind: 'dnat', ip: out.ip, port: out.port } };
    }
    case 'snat':
      return { verdict: 'accept', nat: { kind: 'snat', ip: out.ip, port: out.port } };
    case 'masquerade':
      return { verdict: 'accept', nat: { kind: 'masquerade', flags: out.flags } };
    case 'verdict': {
      const k = out.verdict.kind;
      return k === 'accept' || k === 'drop' || k === 'reject' ? { verdict: k, nat: null } : null;
    }
    default:
      return null;
  }
}
