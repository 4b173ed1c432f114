import type { PacketStep, Step } from '../trace/types';
import { quizNote } from './quiz-note';
import type { QuestionDraft, QuizChoice } from './quiz-types';

const choice = (key: string): QuizChoice => ({ key, label: quizNote(`choice.${key}`) });
const OUTCOMES = ['refused', 'timeout', 'reset'] as const;

/**
 * "The Service has no endpoint: what does the client see?", asked before the
 * step that refuses the packet. The answer is what the rest of the connection
 * shows: a socket error after an ICMP port unreachable (REJECT, or IPVS with no
 * real server) is "connection refused"; a drop is a timeout.
 */
export function refusalQuestion(step: PacketStep, rest: readonly Step[]): QuestionDraft {
  const later = rest.filter((s): s is PacketStep => 'connection' in s && s.connection === step.connection && s.index > step.index);
  const socketError = later.find((s) => s.kind === 'socket-error');
  const right = choice(step.kind === 'drop' ? 'timeout' : 'refused');
  return {
    kind: 'no-endpoints',
    step: step.index,
    prompt: quizNote('prompt.no-endpoints', {
      label: step.label,
      dst: `${step.before.dstIp}:${step.before.dstPort}`,
      node: step.node ?? '',
    }),
    right,
    wrong: [OUTCOMES.filter((k) => k !== right.key).map(choice)],
    explanation: [step.note, ...(socketError ? [socketError.note] : [])],
  };
}
