import { isPacketStep } from '../../src/index';
import { ipvsStrings } from '../i18n/ipvs-strings';
import { nftUiStrings } from '../i18n/nftui-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectLang, selectTrace } from '../store/selectors';
import { packetCost } from './packet-cost';

/**
 * The current packet's cost in both currencies: iptables rules evaluated over
 * its whole walk and IPVS hash lookups. Switching the mode keeps the same packet (`matchingStep`), so
 * the two numbers for the same packet can be read one after the other. A
 * control-plane step moves no packet and costs none.
 */
export function PacketCostNote() {
  const trace = useAppStore(selectTrace);
  const step = useAppStore(selectCurrentStep);
  const lang = useAppStore(selectLang);
  const t = ipvsStrings[lang];
  if (!step || !isPacketStep(step)) return null;
  const cost = packetCost(trace, step);
  // nftables mode counts its own currency: rules of table ip kube-proxy, and map lookups among them.
  const nft = trace.mode === 'nftables' ? nftUiStrings[lang] : null;
  return (
    <div className="pw-cost" data-id="packet-cost" data-rules={cost.rules} data-ipvs-steps={cost.ipvsSteps}>
      <p className="pw-cost-line">
        <strong>{t.costTitle}</strong>{' '}
        {nft
          ? nft.cost(step.label, cost.nftRules, cost.nftLookups)
          : t.cost(step.label, trace.mode, cost.rules, cost.ipvsSteps, cost.hashLookups)}
      </p>
      <p className="pw-panel-note">{nft ? nft.costMeaning : t.costMeaning}</p>
    </div>
  );
}
