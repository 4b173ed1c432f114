import type { StepKind } from '../../src/index';
import { tickCategory } from './timeline-model';
import './step-kinds.css';

/**
 * A step kind's mark (its family's colour and shape, step-kinds.css), as the
 * timeline's ticks draw it: decoration beside text that names the kind.
 */
export function StepKindMark({ kind }: { readonly kind: StepKind }) {
  return <span className="pw-kind-mark" data-category={tickCategory(kind)} aria-hidden="true" />;
}
