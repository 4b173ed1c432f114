import { useState } from 'react';
import { layoutStrings } from '../i18n/layout-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectPlaying, selectStepIndex } from '../store/selectors';

/**
 * "Press Play or → to follow the packet": a one-line hint for someone who has
 * just arrived, shown until the first step is taken (a step, a seek, or Play),
 * then gone for the rest of the visit.
 */
export function FirstStepHint() {
  const step = useAppStore(selectStepIndex);
  const playing = useAppStore(selectPlaying);
  const lang = useAppStore(selectLang);
  const [opened] = useState(step);
  const [taken, setTaken] = useState(false);
  // Derived once and latched: going back to the opening step does not bring the hint back.
  if (!taken && (step !== opened || playing)) setTaken(true);
  if (taken || step !== opened || playing) return null;
  return (
    <p className="first-step-hint" data-id="first-step-hint">
      <span aria-hidden="true">▶ </span>
      {layoutStrings[lang].hint}
    </p>
  );
}
