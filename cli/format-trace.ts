import type { ControlPlaneStep, EvaluatedNftRule, EvaluatedRule, Lang, PacketStep, StepPacket, Trace } from '../src/index';
import { formatQuoted, isPacketStep, narrate, packetAddress, ruleDetailText } from '../src/index';
import { minusLines } from '../src/trace/rules-diff';

const endpoint = (p: StepPacket) => `${packetAddress(p, 'src')} -> ${packetAddress(p, 'dst')}`;

/** "TCP [SYN]", or for an ICMP error its type and the packet it quotes. */
function protocolText(p: StepPacket): string {
  if (p.protocol === 'icmp')
    return `ICMP port unreachable (type ${p.icmp.type} code ${p.icmp.code}) quoting ${formatQuoted(p.icmp.quoted)}`;
  return `${p.protocol.toUpperCase()}${p.flags.length ? ` [${p.flags.join(',')}]` : ''}`;
}

/** The fields a step changed, "dst 10.96.0.10:80 -> 10.244.2.3:8080". */
export function packetChanges(step: PacketStep): string[] {
  const { before: a, after: b } = step;
  const out: string[] = [];
  for (const side of ['src', 'dst'] as const) {
    const [was, now] = [packetAddress(a, side), packetAddress(b, side)];
    if (was !== now) out.push(`${side} ${was} -> ${now}`);
  }
  if (a.srcMac !== b.srcMac || a.dstMac !== b.dstMac) out.push(`mac ${a.srcMac || '-'} > ${a.dstMac || '-'} -> ${b.srcMac} > ${b.dstMac}`);
  if (a.ttl !== b.ttl) out.push(`ttl ${a.ttl} -> ${b.ttl}`);
  return out;
}

/** A packet step: where, the packet as it leaves the step, what changed, the rules evaluated, conntrack and IPVS. */
function packetStepLines(step: PacketStep, lang: Lang): string[] {
  const stage = step.stage ? `  [${step.stage.figure} step ${step.stage.n}]` : '';
  const where = step.hook ? `${step.node} ${step.hook}` : `${step.at} -> ${step.to}`;
  const lines = [
    `#${step.index} ${step.label} ${step.kind}: ${where}${stage}`,
    `  packet  ${endpoint(step.after)} ${protocolText(step.after)}`,
  ];
  for (const change of packetChanges(step)) lines.push(`  changed ${change}`);
  for (const rule of step.rules) lines.push(ruleLine(rule, lang));
  for (const rule of step.nftRules) lines.push(...nftRuleLines(rule, lang));
  if (step.conntrackChange) {
    const c = step.conntrackChange;
    const entry = step.conntrack.find((n) => n.node === c.node)?.entries.find((e) => e.id === c.entryId);
    const states = c.from || c.to ? ` ${c.from || '(none)'} -> ${c.to}` : '';
    lines.push(`  conntrack ${c.node}: ${c.change}${states}`);
    if (entry) lines.push(`    ${entry.text}`);
  }
  if (step.ipvsChange) {
    const c = step.ipvsChange;
    lines.push(`  ipvs ${c.node}: ${c.change} ${c.virtualServer} -> ${c.realServer} (${c.scheduler})`);
  }
  return lines;
}

/** A rule evaluated: `=>` on the one that decided, table, chain#position, verdict, why, the rule's text. */
function ruleLine(rule: EvaluatedRule | EvaluatedNftRule, lang: Lang): string {
  const mark = rule.decided ? '=>' : '  ';
  const detail = ruleDetailText(rule.detail, lang);
  return `  ${mark} ${rule.table} ${rule.chain}#${rule.position} ${rule.verdict}${detail ? ` (${detail})` : ''}: ${rule.text}`;
}

/**
 * An nft rule as the iptables ones are printed (table, chain#position, verdict, why, the
 * rule as `nft list` prints it), then each map or set lookup it made: the key, and the
 * element that held it with its verdict, or none.
 */
function nftRuleLines(rule: EvaluatedNftRule, lang: Lang): string[] {
  const lines = [ruleLine(rule, lang)];
  for (const l of rule.lookups) {
    const set = l.set.startsWith('vmap {') ? 'vmap' : `@${l.set}`;
    const found = l.element === null ? 'no element' : `element ${l.element}${l.value ? ` : ${l.value}` : ''}`;
    lines.push(`       lookup ${set} ${l.key}: ${found}`);
  }
  return lines;
}

/** A control-plane step: where, then a kube-proxy sync's diff (iptables-save lines removed and added, ipvsadm before and after, `nft list` lines removed and added, the conntrack entries deleted). */
function controlPlaneStepLines(step: ControlPlaneStep): string[] {
  const lines = [`#${step.index} ${step.label} ${step.kind}: ${step.at} -> ${step.to}`];
  const diff = step.rulesDiff;
  if (!diff) return lines;
  for (const t of diff.tables) {
    lines.push(`  ${t.table} table (iptables-save):`);
    for (const l of t.removed) lines.push(`  - ${l}`);
    for (const l of t.added) lines.push(`  + ${l}`);
  }
  if (diff.ipvs) {
    lines.push('  ipvsadm -Ln before:', ...diff.ipvs.before.map((l) => `    ${l}`));
    lines.push('  ipvsadm -Ln after:', ...diff.ipvs.after.map((l) => `    ${l}`));
  }
  if (diff.nft) {
    lines.push('  nft list table ip kube-proxy:');
    for (const l of minusLines(diff.nft.before, diff.nft.after)) lines.push(`  - ${l}`);
    for (const l of minusLines(diff.nft.after, diff.nft.before)) lines.push(`  + ${l}`);
  }
  for (const e of diff.conntrackDeleted) lines.push(`  conntrack deleted: ${e.text}`);
  return lines;
}

/** The trace as text, one block per step: where, what changed, the rules evaluated, conntrack changes. */
export function formatTraceText(trace: Trace, lang: Lang): string {
  const lines: string[] = [`packetwalk trace: scenario ${trace.scenarioName}, seed ${trace.seed}, ${trace.mode} mode`];
  for (const c of trace.connections) {
    lines.push(
      `connection ${c.index}: ${c.client} -> ${c.service}: ${c.outcome}${c.endpoint ? ` (endpoint ${c.endpoint}, ${c.endpointPod})` : ''}`,
    );
    lines.push(
      trace.mode === 'nftables'
        ? `  first packet: ${c.cost.rulesEvaluated} nft rules evaluated (table ip kube-proxy; one service-ips map lookup finds the Service)`
        : `  first packet: ${c.cost.rulesEvaluated} iptables rules evaluated, ${c.cost.ipvsLookups} IPVS hash lookups`,
    );
  }
  for (const step of trace.steps) {
    lines.push('', ...(isPacketStep(step) ? packetStepLines(step, lang) : controlPlaneStepLines(step)));
    lines.push(`  ${narrate(step.note, lang)}`);
    if (isPacketStep(step) && step.articleNote) lines.push(`  ${narrate(step.articleNote, lang)}`);
  }
  return lines.join('\n');
}
