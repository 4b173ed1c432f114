import { ipvsPanel, nftablesPanel } from '../shell/lazy-parts';
import { useAppStore } from '../store/StoreProvider';
import { selectTraceMode } from '../store/selectors';
import { ConntrackPanel } from './ConntrackPanel';
import { EvidencePanel } from './EvidencePanel';
import { PacketPanel } from './PacketPanel';
import { RulesPanel } from './RulesPanel';
import { usePanelStrings } from './usePanelStrings';
import { VerifyFold } from './verify/VerifyFold';
import './panels.css';

/**
 * What the current step did: its evidence first (what it rewrote, the rules
 * that decided, the conntrack entry, IPVS's choice, a sync's diff), then the
 * full packet headers, rules, conntrack table and, in IPVS mode, the IPVS
 * tables. The narration is under the view, beside which this column stands.
 */
export function Panels() {
  const t = usePanelStrings();
  const mode = useAppStore(selectTraceMode);
  return (
    <div className="pw-panels" data-id="panels" aria-label={t.panels} role="group">
      <EvidencePanel />
      {/* Folded: one line under the evidence until opened (its commands are a chunk of their own). */}
      <VerifyFold />
      <PacketPanel />
      <RulesPanel />
      {/* IPVS mode's tables load with it (a chunk of their own). */}
      {mode === 'ipvs' && <ipvsPanel.Part />}
      {mode === 'nftables' && <nftablesPanel.Part />}
      <ConntrackPanel />
    </div>
  );
}
