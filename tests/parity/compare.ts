import { chiSquareUniform } from './chi-square';
import { iptablesSaveTables, normaliseConntrack } from './normalise';
import { check, type Check } from './report';
import type { Answer } from './traffic';

/** The node's tables as the kernel prints them after iptables-restore, against the engine's text. */
export function compareRules(name: string, node: string, engine: string, kernel: string): Check {
  const want = iptablesSaveTables(engine);
  const got = iptablesSaveTables(kernel);
  const tables = [...new Set([...want.keys(), ...got.keys()])].sort();
  const differing = tables.filter((t) => want.get(t) !== got.get(t));
  const detail =
    differing.length === 0
      ? `iptables-save on ${node} equals the engine's rules (${tables.join(', ')})`
      : `iptables-save on ${node} differs in ${differing.join(', ')}:\n${firstDifference(want.get(differing[0]!) ?? '', got.get(differing[0]!) ?? '')}`;
  return check(differing.length === 0, `${name}: rules on ${node}`, detail);
}

function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  return `engine: ${a[at] ?? '(end)'}\nkernel: ${b[at] ?? '(end)'}`;
}

/** conntrack -L on every node against the engine's tables at the same point (see conntrackAt). */
export function compareConntrack(
  name: string,
  engine: ReadonlyMap<string, readonly string[]>,
  kernel: ReadonlyMap<string, string>,
  keep: ReadonlySet<number>,
): Check[] {
  return [...kernel.keys()].map((node) => {
    const want = normaliseConntrack(engine.get(node) ?? [], keep);
    const got = normaliseConntrack(kernel.get(node)!.split('\n'), keep);
    const same = want.length === got.length && want.every((l, i) => l === got[i]);
    const detail = same
      ? `${got.length} entr${got.length === 1 ? 'y' : 'ies'} as the engine's${got[0] ? `: ${got.join('; ')}` : ''}`
      : `engine:\n${want.join('\n') || '(none)'}\nkernel:\n${got.join('\n') || '(none)'}`;
    return check(same, `${name}: conntrack on ${node}`, detail);
  });
}

/** The first connection's answer: a pod among the ready endpoints, or the refusal or the silence the engine predicts. */
export function compareFirstAnswer(
  name: string,
  answer: Answer,
  outcome: string,
  endpoints: readonly string[],
  what = 'first connection',
): Check {
  const label = `${name}: ${what}`;
  if (outcome === 'rejected') {
    const refused = 'error' in answer && answer.error === 'ECONNREFUSED';
    return check(refused, label, `engine: rejected (REJECT, ICMP port unreachable); kernel: ${describe(answer)}`);
  }
  if (outcome === 'dropped') {
    const unanswered = 'error' in answer && answer.error === 'ETIMEDOUT';
    return check(unanswered, label, `engine: dropped (no answer, the client times out); kernel: ${describe(answer)}`);
  }
  const ok = 'pod' in answer && endpoints.includes(answer.pod);
  return check(ok, label, `answered by ${describe(answer)}; ready endpoints ${endpoints.join(', ')}`);
}

/** 300 connections: every one answered by an endpoint, spread uniformly (or, with ClientIP affinity, all on one). */
export function compareDistribution(name: string, answers: readonly Answer[], endpoints: readonly string[], affinity: boolean): Check {
  const label = `${name}: distribution`;
  const counts = endpoints.map((pod) => answers.filter((a) => 'pod' in a && a.pod === pod).length);
  const answered = counts.reduce((a, b) => a + b, 0);
  const split = endpoints.map((pod, i) => `${pod} ${counts[i]}`).join(', ');
  if (answered !== answers.length) {
    const other = answers.find((a) => !('pod' in a) || !endpoints.includes(a.pod));
    return check(
      false,
      label,
      `${answers.length - answered} of ${answers.length} not answered by an endpoint (${describe(other!)}); ${split}`,
    );
  }
  if (affinity) {
    const on = counts.filter((c) => c > 0).length;
    return check(on === 1, label, `sessionAffinity ClientIP: ${split} (all on one expected)`);
  }
  if (endpoints.length < 2) return check(true, label, `${split}: the only endpoint`);
  const chi = chiSquareUniform(counts);
  return check(
    chi.pass,
    label,
    `${split}; chi-square ${chi.statistic.toFixed(2)} vs ${chi.critical.toFixed(3)} (99%, ${endpoints.length - 1} df)`,
  );
}

export function describe(answer: Answer): string {
  return 'pod' in answer ? `${answer.pod} (saw ${answer.peer})` : answer.error;
}
