import type { DeviceId } from '../net/ids';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import type { Note } from '../trace/types';
import { hookRules } from './nft-hooks';
import { modeEngine } from './mode-engines';
import type { NetfilterPass } from './netfilter-pass';
import { stepDraft, type RecordStep } from './step-draft';
import type { NodeKernel, World } from './world';

export type FilterVerdict = 'ACCEPT' | 'DROP' | 'REJECT';

/**
 * The filter table at one hook (INPUT, FORWARD or OUTPUT; priority 0), and in
 * nftables mode kube-proxy's filter chains there, run on a packet and recorded
 * as one step: every rule they evaluated, the verdict as
 * the step's kind, the skb mark the rules left.
 */
export function filterHook(
  world: World,
  kernel: NodeKernel,
  pass: NetfilterPass,
  hook: 'INPUT' | 'FORWARD' | 'OUTPUT',
  io: { readonly inDev: string | null; readonly outDev: string | null },
  place: { readonly at: DeviceId; readonly to: (verdict: FilterVerdict) => DeviceId },
  note: (verdict: FilterVerdict) => Note,
  record: RecordStep,
): { readonly verdict: FilterVerdict; readonly pass: NetfilterPass } {
  const result = hookRules(
    world,
    kernel,
    'filter',
    hook,
    { packet: pass.packet, mark: pass.mark, ctstate: pass.ctstate, inInterface: io.inDev, outInterface: io.outDev },
    // filter OUTPUT runs after the routing decision: the chains before dstnat ran with nat OUTPUT.
    { nat: false, ...(hook === 'OUTPUT' ? { minPriority: -99 } : {}) },
  );
  record(
    stepDraft({
      kind: result.verdict === 'REJECT' ? 'reject' : result.verdict === 'DROP' ? 'drop' : 'hook',
      node: kernel.node.name,
      at: place.at,
      to: place.to(result.verdict),
      hook,
      packet: pass.packet,
      after: result.packet,
      rules: result.evaluated,
      nftRules: result.nftRules,
      note: kernel.nft
        ? modeEngine('nftables').notes.filter(
            hook.toLowerCase() as Lowercase<typeof hook>,
            note(result.verdict),
            result.verdict,
            result.nftRules,
          )
        : withDropReason(note(result.verdict), result.verdict, result.evaluated),
    }),
  );
  return { verdict: result.verdict, pass: { ...pass, mark: result.mark } };
}

/**
 * A filter hook's note, and when the hook DROPs on a rule whose comment says why
 * ("default/svc1:http has no local endpoints"), the `.commented` note that quotes it;
 * a DROP in IPVS mode's KUBE-SOURCE-RANGES-FIREWALL, the `.source-ranges` note.
 */
export function withDropReason(said: Note, verdict: FilterVerdict, evaluated: readonly EvaluatedRule[]): Note {
  if (verdict !== 'DROP' || !said.id.endsWith('.drop')) return said;
  const rule = evaluated.find((r) => r.decided);
  // IPVS mode's source-range firewall ends in a bare DROP: its chain says why.
  if (rule?.chain === 'KUBE-SOURCE-RANGES-FIREWALL') return { id: `${said.id}.source-ranges`, params: said.params };
  const comment = rule ? /--comment "([^"]*)"/.exec(rule.text)?.[1] : undefined;
  return comment === undefined ? said : { id: `${said.id}.commented`, params: { ...said.params, comment } };
}
