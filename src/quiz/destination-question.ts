import { packetAddress } from '../net/packet';
import type { PacketStep, Topology } from '../trace/types';
import { literal, quizNote } from './quiz-note';
import type { QuestionDraft, QuizChoice } from './quiz-types';

/** An address as a choice, with the pod behind it when there is one: "10.244.2.3:8080 (pod4)". */
function addressChoice(topology: Topology, ip: string, port: number): QuizChoice {
  const pod = topology.pods.find((p) => p.ip === ip);
  const key = `${ip}:${port}`;
  return { key, label: pod ? quizNote('choice.endpoint', { address: key, pod: pod.name }) : literal(key) };
}

/**
 * Wrong destinations from the same scenario, most plausible first: the
 * Service's other endpoints and the Service's own address (no DNAT at all),
 * then the other pods, at the endpoint's port. The client is never offered.
 */
function wrongDestinations(step: PacketStep, topology: Topology): QuizChoice[][] {
  const port = step.after.dstPort;
  const service = topology.services.find((s) => s.clusterIP === step.before.dstIp);
  const endpoints = new Set(service?.endpoints ?? []);
  const others = topology.pods.filter((p) => p.ip !== step.before.srcIp && p.ip !== step.after.dstIp);
  const near = others.filter((p) => endpoints.has(p.name)).map((p) => addressChoice(topology, p.ip, port));
  const unchanged: QuizChoice = {
    key: packetAddress(step.before, 'dst'),
    label: quizNote('choice.unchanged', { address: packetAddress(step.before, 'dst') }),
  };
  const far = others.filter((p) => !endpoints.has(p.name)).map((p) => addressChoice(topology, p.ip, port));
  return [[...near, unchanged], far];
}

/** The rule that decided a DNAT, as iptables-save prints it, for the explanation. */
function decidingRule(step: PacketStep): string | null {
  return step.rules.find((r) => r.decided && r.verdict === 'dnat')?.text ?? null;
}

/**
 * "What will the destination become?", asked before the step that DNATs a
 * connection's first packet: by a KUBE-SEP rule in iptables mode
 * ('destination'), by IPVS's scheduler in IPVS mode ('ipvs-pick').
 */
export function destinationQuestion(step: PacketStep, topology: Topology, scheduler: string | null): QuestionDraft {
  const ipvs = step.ipvsChange;
  const right = addressChoice(topology, step.after.dstIp, step.after.dstPort);
  const rule = decidingRule(step);
  const prompt = ipvs
    ? quizNote('prompt.ipvs-pick', { node: ipvs.node, scheduler: ipvs.scheduler, vs: ipvs.virtualServer.replace(/\s+/g, ' ') })
    : quizNote('prompt.destination', {
        label: step.label,
        node: step.node ?? '',
        packet: `${packetAddress(step.before, 'src')} -> ${packetAddress(step.before, 'dst')}`,
      });
  const extra = ipvs
    ? [quizNote('explain.ipvs-pick', { scheduler: scheduler ?? ipvs.scheduler, rs: ipvs.realServer })]
    : rule
      ? [quizNote('explain.deciding-rule', { rule })]
      : [];
  return {
    kind: ipvs ? 'ipvs-pick' : 'destination',
    step: step.index,
    prompt,
    right,
    wrong: wrongDestinations(step, topology),
    explanation: [step.note, ...extra],
  };
}
