import { NarrationPanel } from '../panels/NarrationPanel';
import { FirstStepHint } from './FirstStepHint';
import '../panels/panels.css';

/**
 * The narration under the view, across its width: the sentence a learner reads
 * while looking at the drawing, so the two are on screen together at any size
 * (the side column holds the evidence and the full panels).
 */
export function NarrationStrip() {
  return (
    <div className="pw-panels narration-strip" data-id="narration-strip">
      <FirstStepHint />
      <NarrationPanel />
    </div>
  );
}
