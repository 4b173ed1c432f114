import type { NodeName } from '../net/ids';
import type { StepDraft } from '../dataplane/step-draft';
import type { Stage } from './types';

/**
 * Maps a packet's steps onto the article's numbered steps.
 * Pod-to-Service (the first packet): 1 leaving the pod's eth0 for veth0,
 * 2 veth0 to cbr0, 3 the bridge hands it to the root namespace, 4 nat
 * PREROUTING (where iptables rewrites the destination), 5 everything after,
 * on to the endpoint. Service-to-Pod (the first reply): 1 until it reaches the
 * client's node, 2 from the client node's PREROUTING to the un-DNAT in
 * POSTROUTING, 3 the bridge to the client's veth, 4 the veth to the pod.
 * A packet refused (REJECT) or dropped leaves the article's story where that
 * happens: the article's packets always reach a pod, so that step has no stage.
 */
export function stagesOf(
  drafts: readonly StepDraft[],
  figure: 'pod-to-service' | 'service-to-pod',
  clientNode: NodeName,
): (Stage | null)[] {
  if (figure === 'pod-to-service') {
    const pre = drafts.findIndex((d) => d.hook === 'PREROUTING');
    // Step 4 runs from the first hook to the rewrite: nat PREROUTING itself in
    // iptables mode; PREROUTING, routing to kube-ipvs0, INPUT and IPVS in IPVS mode.
    const rewrite = drafts.findIndex((d) => d.kind === 'dnat' && d.node === clientNode);
    const end = rewrite >= pre ? rewrite : pre;
    return drafts.map((d, i) => {
      if (offStory(d)) return null;
      const n = i < 3 ? i + 1 : pre >= 0 && i < pre ? 3 : pre >= 0 && i <= end ? 4 : 5;
      return { figure, n };
    });
  }
  const entry = drafts.findIndex((d) => d.node === clientNode && (d.to.endsWith('/PREROUTING') || d.hook === 'PREROUTING'));
  const last = drafts.length - 1;
  return drafts.map((d, i) => {
    if (offStory(d)) return null;
    const n = i === last && d.kind === 'deliver' ? 4 : i === last - 1 && d.kind === 'bridge' ? 3 : entry >= 0 && i >= entry ? 2 : 1;
    return { figure, n };
  });
}

/** A step the article's story has no place for: its packets are never refused or lost. */
const offStory = (d: StepDraft) => d.kind === 'reject' || d.kind === 'drop';
