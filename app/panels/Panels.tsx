import { ConntrackPanel } from './ConntrackPanel';
import { NarrationPanel } from './NarrationPanel';
import { PacketPanel } from './PacketPanel';
import { RulesPanel } from './RulesPanel';
import { usePanelStrings } from './usePanelStrings';
import './panels.css';

/** What the current step did: narration, packet headers, rules and the conntrack table. */
export function Panels() {
  const t = usePanelStrings();
  return (
    <div className="pw-panels" data-id="panels" aria-label={t.panels} role="group">
      <NarrationPanel />
      <PacketPanel />
      <RulesPanel />
      <ConntrackPanel />
    </div>
  );
}
