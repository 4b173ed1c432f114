import { packetAddress } from '../net/packet';
import type { PacketStep, Topology, Trace } from '../trace/types';
import { literal, quizNote } from './quiz-note';
import type { QuestionDraft, QuizChoice } from './quiz-types';

/** The conntrack line on the step's node whose reply tuple is the packet before the rewrite. */
function matchingEntry(step: PacketStep): string | null {
  const b = step.before;
  const reply = `src=${b.srcIp} dst=${b.dstIp} sport=${b.srcPort} dport=${b.dstPort}`;
  const table = step.conntrack.find((t) => t.node === step.node);
  return table?.entries.find((e) => e.text.includes(reply))?.text ?? null;
}

/** The nodes the connection's packets crossed, in the order they first did. */
function pathNodes(trace: Trace, connection: number): string[] {
  const nodes: string[] = [];
  for (const s of trace.steps)
    if ('connection' in s && s.connection === connection && s.node !== null && !nodes.includes(s.node)) nodes.push(s.node);
  return nodes;
}

/**
 * "Which node's conntrack entry rewrites the reply back to the Service?",
 * asked before a reply's un-DNAT by conntrack (iptables mode; in IPVS mode
 * IPVS does it itself). Wrong answers: the other nodes on the connection's
 * path and "no node" (a rule would do it), then the other nodes.
 */
export function conntrackNodeQuestion(step: PacketStep, trace: Trace, topology: Topology): QuestionDraft | null {
  const entry = matchingEntry(step);
  if (step.node === null || entry === null) return null;
  const node = step.node as string;
  const path = pathNodes(trace, step.connection);
  const nodeChoice = (name: string): QuizChoice => ({ key: name, label: literal(name) });
  const none: QuizChoice = { key: '(none)', label: quizNote('choice.no-node') };
  const near = [...path.filter((n) => n !== node).map(nodeChoice), none];
  const far = topology.nodes
    .map((n) => n.name as string)
    .filter((n) => n !== node && !path.includes(n))
    .map(nodeChoice);
  return {
    kind: 'conntrack-node',
    step: step.index,
    prompt: quizNote('prompt.conntrack-node', {
      label: step.label,
      was: packetAddress(step.before, 'src'),
      vip: packetAddress(step.after, 'src'),
    }),
    right: nodeChoice(node),
    wrong: [near, far],
    explanation: [step.note, quizNote('explain.conntrack-entry', { node, entry })],
  };
}
