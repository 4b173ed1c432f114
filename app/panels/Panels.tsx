import { useAppStore } from '../store/StoreProvider';
import type { AppState } from '../store/types';
import { ConntrackPanel } from './ConntrackPanel';
import { IpvsPanel } from './IpvsPanel';
import { NarrationPanel } from './NarrationPanel';
import { PacketPanel } from './PacketPanel';
import { RulesPanel } from './RulesPanel';
import { usePanelStrings } from './usePanelStrings';
import './panels.css';

// The trace's own mode, so the IPVS panel never shows for a trace that has no IPVS tables.
const selectTraceMode = (s: AppState) => s.trace.mode;

/** What the current step did: narration, packet headers, rules, the conntrack table and, in IPVS mode, the IPVS tables. */
export function Panels() {
  const t = usePanelStrings();
  const mode = useAppStore(selectTraceMode);
  return (
    <div className="pw-panels" data-id="panels" aria-label={t.panels} role="group">
      <NarrationPanel />
      <PacketPanel />
      <RulesPanel />
      {mode === 'ipvs' && <IpvsPanel />}
      <ConntrackPanel />
    </div>
  );
}
