import {
  formatQuoted,
  isPacketStep,
  packetAddress,
  type ConntrackChange,
  type EvaluatedNftRule,
  type EvaluatedRule,
  type IpvsChange,
  type PacketStep,
  type Step,
} from '../../src/index';
import { packetFields, type PacketField } from './packet-fields';

/** A conntrack entry as `conntrack -L` prints it, cut in two: the original direction's tuple and the reply's. */
export interface ConntrackTuples {
  /** Protocol, timeout, state and the original tuple ("tcp 6 120 SYN_SENT src=… dst=… sport=… dport=… [UNREPLIED]"). */
  readonly original: string;
  /** The reply tuple and what follows it ("src=… dst=… sport=… dport=… mark=0 use=1"). */
  readonly reply: string;
}

/** The conntrack entry a step created or matched, as the trace printed it. */
export interface ConntrackEvidence {
  readonly change: ConntrackChange;
  readonly tuples: ConntrackTuples;
}

/** One line a kube-proxy sync added or removed, as `iptables-save`, `ipvsadm -Ln` or `conntrack -L` printed it. */
export interface DiffEvidenceLine {
  readonly sign: '+' | '-';
  readonly text: string;
}

/** The lines a sync changed in one place: a table, the IPVS table or the conntrack table. */
export interface DiffEvidenceGroup {
  readonly source:
    | { readonly kind: 'table'; readonly table: string }
    | { readonly kind: 'ipvs' }
    | { readonly kind: 'nft' }
    | { readonly kind: 'conntrack' };
  readonly lines: readonly DiffEvidenceLine[];
}

/**
 * Whether a rule of the deciding path is shown in full: the deciding rule, and
 * the jump into its chain (the rule whose match chose it: kube-proxy's
 * statistic or recent match on a KUBE-SVC chain). The jumps before those only
 * route the packet there and show as their chain and target.
 */
export function shownInFull(rule: EvaluatedRule, path: readonly EvaluatedRule[]): boolean {
  const decided = path[path.length - 1];
  if (!decided || rule === decided) return true;
  return (rule.verdict === 'jump' || rule.verdict === 'goto') && rule.table === decided.table && targetOf(rule.text) === decided.chain;
}

/** The chain a rule jumps or goes to, from its iptables-save text ("... -j KUBE-SEP-XT7GCFF26GVQ7U4V"). */
const targetOf = (text: string) => /\s-[jg] (\S+)\s*$/.exec(text)?.[1] ?? null;

/** The ICMP error a refused packet brought back: who sends it to whom, and the refused packet it quotes. */
export interface IcmpEvidence {
  readonly src: string;
  readonly dst: string;
  /** "10.244.1.2:50637 -> 10.96.0.10:80 TCP". */
  readonly quoted: string;
}

/** What the current step did, in the trace's own words: what a learner needs on screen at once. */
export interface StepEvidence {
  /** The header fields the step rewrote (before and after). */
  readonly fields: readonly PacketField[];
  /** When a rule decided: the rules that matched on the way to it, the deciding one last. */
  readonly rulePath: readonly EvaluatedRule[];
  /** nftables mode: the same path through `table ip kube-proxy`'s chains. */
  readonly nftPath: readonly EvaluatedNftRule[];
  readonly conntrack: ConntrackEvidence | null;
  readonly ipvs: IpvsChange | null;
  /** A kube-proxy sync's changed lines. */
  readonly diff: readonly DiffEvidenceGroup[];
  /** The ICMP error, on the step that sends it and the one where the sender's socket gets it. */
  readonly icmp: IcmpEvidence | null;
}

/**
 * Cuts a `conntrack -L` line at its reply tuple: the second `src=`. The
 * kernel prints the original tuple first and the reply tuple second, each
 * starting with `src=` (conntrack-tools' output format); everything before the
 * second one belongs to the original direction, flags such as [UNREPLIED] included.
 */
export function splitConntrackLine(text: string): ConntrackTuples {
  const first = text.indexOf(' src=');
  const second = first < 0 ? -1 : text.indexOf(' src=', first + 1);
  if (second < 0) return { original: text, reply: '' };
  return { original: text.slice(0, second).trimEnd(), reply: text.slice(second + 1) };
}

/**
 * The rules that matched up to the one that decided, in evaluation order:
 * the jumps from the built-in chain into kube-proxy's chains, and the
 * deciding rule last. Empty when no rule decided (the chain's policy did).
 */
export function decidingPath(rules: readonly EvaluatedRule[]): EvaluatedRule[] {
  const decided = rules.findIndex((r) => r.decided);
  if (decided < 0) return [];
  return rules.slice(0, decided + 1).filter((r) => r.verdict !== 'no-match' && r.verdict !== 'return');
}

/**
 * nftables mode's deciding path: the deciding rule, and back from it each rule that jumped
 * or went (itself or by its verdict map's element) into the chain the path is in, up to
 * the base chain: `jump services`, the `@service-ips` lookup, `numgen`, `dnat to`. The
 * rules that jumped and returned (mark-for-masquerade) or matched nothing are left out.
 */
export function nftDecidingPath(rules: readonly EvaluatedNftRule[]): EvaluatedNftRule[] {
  const decided = rules.findIndex((r) => r.decided);
  if (decided < 0) return [];
  const path = [rules[decided]!];
  for (let i = decided - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if ((rule.verdict === 'jump' || rule.verdict === 'goto') && nftTargets(rule).includes(path[0]!.chain)) path.unshift(rule);
  }
  return path;
}

/** The chains a rule sends the packet to: its own `jump x`/`goto x`, or its verdict map's value. */
const nftTargets = (rule: EvaluatedNftRule) =>
  [rule.text, ...rule.lookups.map((l) => l.value ?? '')].map((text) => /(?:^|\s)(?:jump|goto) (\S+)$/.exec(text)?.[1]);

function conntrackEvidence(step: PacketStep): ConntrackEvidence | null {
  const change = step.conntrackChange;
  if (!change) return null;
  const entry = step.conntrack.find((c) => c.node === change.node)?.entries.find((e) => e.id === change.entryId);
  return entry ? { change, tuples: splitConntrackLine(entry.text) } : null;
}

/** Lines only in `a`, in `a`'s order: what a table lost (or gained) between two printings. */
export const missingFrom = (a: readonly string[], b: readonly string[]) => {
  const other = new Set(b);
  return a.filter((line) => !other.has(line));
};

function diffEvidence(step: Step): DiffEvidenceGroup[] {
  const diff = step.rulesDiff;
  if (!diff) return [];
  const groups: DiffEvidenceGroup[] = diff.tables.map((t) => ({
    source: { kind: 'table', table: t.table },
    lines: [...t.removed.map((text) => ({ sign: '-' as const, text })), ...t.added.map((text) => ({ sign: '+' as const, text }))],
  }));
  // IPVS and nftables mode: the whole listing before and after, diffed here.
  for (const [kind, listing] of [
    ['ipvs', diff.ipvs],
    ['nft', diff.nft],
  ] as const) {
    if (!listing) continue;
    const { before, after } = listing;
    const lines = [
      ...missingFrom(before, after).map((text) => ({ sign: '-' as const, text })),
      ...missingFrom(after, before).map((text) => ({ sign: '+' as const, text })),
    ];
    if (lines.length > 0) groups.push({ source: { kind }, lines });
  }
  if (diff.conntrackDeleted.length > 0) {
    groups.push({ source: { kind: 'conntrack' }, lines: diff.conntrackDeleted.map((e) => ({ sign: '-' as const, text: e.text })) });
  }
  return groups;
}

function icmpEvidence(step: PacketStep): IcmpEvidence | null {
  const p = step.after;
  if (p.protocol !== 'icmp' || (step.kind !== 'icmp-error' && step.kind !== 'socket-error')) return null;
  return { src: packetAddress(p, 'src'), dst: packetAddress(p, 'dst'), quoted: formatQuoted(p.icmp.quoted) };
}

/**
 * Everything the current step did, read from the step as the engine recorded
 * it (never re-derived): the rewritten fields, the rules that decided, the
 * conntrack entry with both its tuples, IPVS's choice, a sync's diff and an
 * ICMP error with the packet it quotes.
 */
export function stepEvidence(step: Step): StepEvidence {
  if (!isPacketStep(step))
    return { fields: [], rulePath: [], nftPath: [], conntrack: null, ipvs: null, diff: diffEvidence(step), icmp: null };
  return {
    fields: packetFields(step).filter((f) => f.changed),
    rulePath: decidingPath(step.rules),
    nftPath: nftDecidingPath(step.nftRules),
    conntrack: conntrackEvidence(step),
    ipvs: step.ipvsChange,
    diff: diffEvidence(step),
    icmp: icmpEvidence(step),
  };
}
