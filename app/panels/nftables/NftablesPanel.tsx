import { useMemo } from 'react';
import { isPacketStep, nftStepView, nodeNftListAt, type NftStepView, type Step } from '../../../src/index';
import { nftPanelStrings, type NftPanelStrings } from '../../i18n/nft-panel-strings';
import { useAppStore } from '../../store/StoreProvider';
import { selectCurrentStep, selectLang, selectScenario, selectTrace } from '../../store/selectors';
import { PanelSection } from '../PanelSection';
import { NftChainView } from './NftChainView';
import { NftListing } from './NftListing';
import './nftables-panel.css';

/**
 * nftables mode only: the rules of `table ip kube-proxy` the step evaluated, by chain
 * (each base chain with its hook and priority), each rule's verdict, the deciding one
 * marked, each map or set lookup with its key and the matched element, and the node's
 * whole `nft list table ip kube-proxy` behind a disclosure with the step's lines marked.
 */
export function NftablesPanel() {
  const step = useAppStore(selectCurrentStep);
  const scenario = useAppStore(selectScenario);
  const trace = useAppStore(selectTrace);
  const t = nftPanelStrings[useAppStore(selectLang)];
  const rules = step && isPacketStep(step) ? step.nftRules : null;
  const node = step?.node ?? null;
  const listing = useMemo(
    () => (step && node !== null ? (nodeNftListAt(scenario, trace, step.index, node) ?? null) : null),
    [scenario, trace, step, node],
  );
  const view: NftStepView | null = useMemo(() => (listing !== null ? nftStepView(listing, rules ?? []) : null), [listing, rules]);
  return (
    <PanelSection title={t.title} name="nftables">
      <p className="pw-panel-note pw-nft-layout" data-id="nft-layout">
        kube-proxy · {t.layout}
      </p>
      {view && view.groups.length > 0 ? (
        view.groups.map((g, i) => <NftChainView key={i} group={g} t={t} />)
      ) : (
        <p className="pw-empty" data-id="nft-empty">
          {step ? emptyReason(step, t) : null}
        </p>
      )}
      {view && node !== null && <NftListing node={node} lines={view.lines} t={t} />}
    </PanelSection>
  );
}

/** Why no rule of kube-proxy's table ran: a control-plane step, the wire, a hop with no hook, or a hook whose chains did not run. */
function emptyReason(step: Step, t: NftPanelStrings): string {
  if (!isPacketStep(step)) return t.empty.controlPlane;
  if (step.node === null) return t.empty.onWire;
  return step.hook === null ? t.empty.noHook : t.empty.noRule;
}
