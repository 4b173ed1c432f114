import { useAppStore } from '../store/StoreProvider';
import { selectTraceMode } from '../store/selectors';
import { ConntrackPanel } from './ConntrackPanel';
import { IpvsPanel } from './IpvsPanel';
import { NarrationPanel } from './NarrationPanel';
import { PacketPanel } from './PacketPanel';
import { RulesPanel } from './RulesPanel';
import { usePanelStrings } from './usePanelStrings';
import './panels.css';

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
