import type { PacketStep } from '../trace/types';
import { quizNote } from './quiz-note';
import type { QuestionDraft, QuizChoice } from './quiz-types';

const choice = (key: string): QuizChoice => ({ key, label: quizNote(`choice.${key}`) });

/**
 * "Is this later packet (the ACK) evaluated by the Service rules again?",
 * asked before conntrack matches it. The answer is read from the step: it is
 * "yes" only if a nat rule was evaluated there. The kernel consults the nat
 * table for a connection's first packet only (nf_nat_inet_fn on a confirmed
 * conntrack entry reuses its binding), so in every trace the answer is no.
 */
export function laterPacketQuestion(step: PacketStep): QuestionDraft {
  const natAgain = step.rules.some((r) => r.table === 'nat');
  const right = choice(natAgain ? 'nat-again' : 'conntrack-only');
  const wrong = ['conntrack-only', 'nat-again', 'nat-new-endpoint'].filter((k) => k !== right.key).map(choice);
  return {
    kind: 'later-packet',
    step: step.index,
    prompt: quizNote('prompt.later-packet', {
      label: step.label,
      node: step.node ?? '',
      dst: `${step.before.dstIp}:${step.before.dstPort}`,
    }),
    right,
    wrong: [wrong],
    explanation: [step.note, quizNote('explain.first-packet-only', { label: step.label })],
  };
}
