import { packetAddress } from '../net/packet';
import type { PacketStep, Topology } from '../trace/types';
import { isHookPlace, nearbyDevices, nodeHooks, placeChoice, splitPlace } from './places';
import { quizNote } from './quiz-note';
import type { QuestionDraft } from './quiz-types';

/**
 * "Where does the packet go next?", asked before a step that moves it to a
 * hook or a device: the right answer is the step's `to`. Wrong answers are of
 * the same sort: the node's other hooks for a hook; nearby devices (the node's,
 * the other nodes' eth0, the pods') for a device. Where the packet already is
 * is never offered.
 */
export function nextHopQuestion(step: PacketStep, topology: Topology): QuestionDraft | null {
  if (step.to === step.at) return null;
  const answer = step.to as string;
  const { owner } = splitPlace(answer);
  const tiers = isHookPlace(answer) ? [nodeHooks(owner)] : nearbyDevices(topology, owner);
  const wrong = tiers.map((tier) => tier.filter((place) => place !== answer && place !== step.at).map(placeChoice));
  return {
    kind: 'next-hop',
    step: step.index,
    prompt: quizNote('prompt.next-hop', {
      label: step.label,
      at: step.at,
      packet: `${packetAddress(step.before, 'src')} -> ${packetAddress(step.before, 'dst')}`,
    }),
    right: placeChoice(answer),
    wrong,
    explanation: [step.note],
  };
}
