import { isPacketStep, type Trace } from '../../src/index';
import { check, type Check } from './report';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The rules the engine says matched (any verdict but no-match) on each node during the connections up to `through` (the first). */
export function engineMatchedRules(trace: Trace, through = 0): Map<string, Set<string>> {
  const byNode = new Map<string, Set<string>>();
  for (const step of trace.steps) {
    if (!isPacketStep(step) || step.connection > through || step.node === null) continue;
    const set = byNode.get(step.node) ?? new Set<string>();
    for (const rule of step.rules) if (rule.verdict !== 'no-match') set.add(`${rule.table} ${squash(rule.text)}`);
    byNode.set(step.node, set);
  }
  return byNode;
}

/** The rules whose packet counter moved, from `iptables-save -c` (built-in chains' policy counters aside). */
export function kernelMatchedRules(saveWithCounters: string): Set<string> {
  const moved = new Set<string>();
  let table = '';
  for (const line of saveWithCounters.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1).trim();
    const m = /^\[(\d+):\d+\] (-A .*)$/.exec(line.trim());
    if (m && Number(m[1]) > 0) moved.add(`${table} ${squash(m[2]!)}`);
  }
  return moved;
}

/**
 * Per node: the counters that moved in the kernel against the rules the engine evaluated as
 * matching, for the connections up to `through` (all held open, none since the rules loaded).
 */
export function compareCounters(name: string, trace: Trace, kernel: ReadonlyMap<string, string>, through = 0): Check[] {
  const engine = engineMatchedRules(trace, through);
  return [...kernel.entries()].map(([node, save]) => {
    const want = engine.get(node) ?? new Set<string>();
    const got = kernelMatchedRules(save);
    const missing = [...want].filter((r) => !got.has(r));
    const extra = [...got].filter((r) => !want.has(r));
    const same = missing.length === 0 && extra.length === 0;
    const detail = same
      ? `the ${got.size} rules whose counters moved are the ones the engine evaluated as matching`
      : [...missing.map((r) => `engine only: ${r}`), ...extra.map((r) => `kernel only: ${r}`)].join('\n');
    return check(same, `${name}: rule counters on ${node}`, detail);
  });
}

/**
 * A connection the engine drops: the DROP rule that decided it, on its node, must have counted
 * packets in the kernel (the first SYN and its retransmissions). Null when the engine drops it
 * with no rule (a walk that stops) or does not drop it.
 */
export function compareDropRule(name: string, trace: Trace, connection: number, kernel: ReadonlyMap<string, string>): Check | null {
  for (const step of trace.steps) {
    if (!isPacketStep(step) || step.connection !== connection || step.node === null) continue;
    const rule = step.rules.find((r) => r.verdict === 'drop' && r.decided);
    if (!rule) continue;
    const text = `${rule.table} ${squash(rule.text)}`;
    const moved = kernelMatchedRules(kernel.get(step.node) ?? '').has(text);
    return check(moved, `${name}: drop rule on ${step.node}`, `${moved ? 'counted packets' : 'counted none'}: ${rule.table} ${rule.text}`);
  }
  return null;
}
