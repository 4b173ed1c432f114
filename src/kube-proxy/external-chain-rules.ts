import { declareServiceChain, type ServiceChainOutput } from './service-chain-output';
import type { ServicePortInfo } from './service-port';
import type { ServicePortPlan } from './service-port-plan';

/**
 * KUBE-EXT: every captured external destination (external IP, load-balancer IP,
 * NodePort) jumps here (proxier.go, "Set up external traffic handling"). With the
 * Cluster policy it masquerades everything; with Local it handles the special cases
 * first, then jumps to the external policy chain when it has endpoints.
 */
export function writeExternalChainRules(
  out: ServiceChainOutput,
  sp: ServicePortInfo,
  plan: ServicePortPlan,
  localDetectorCidr: string | null,
): void {
  const ext = sp.chains.external;
  const nat = declareServiceChain(out, ext);
  if (nat === null) return;
  const { name } = sp;
  const svcChain = sp.chains.clusterPolicy;
  if (!sp.externalPolicyLocal) {
    nat.push(`-A ${ext} -m comment --comment "masquerade traffic for ${name} external destinations" -j KUBE-MARK-MASQ`);
  } else {
    // Pod traffic to an external destination is treated as if it went out to the LB
    // and came back: neither traffic policy applies.
    if (localDetectorCidr !== null) {
      nat.push(`-A ${ext} -m comment --comment "pod traffic for ${name} external destinations" -s ${localDetectorCidr} -j ${svcChain}`);
    }
    nat.push(
      `-A ${ext} -m comment --comment "masquerade LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
    );
    nat.push(
      `-A ${ext} -m comment --comment "route LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j ${svcChain}`,
    );
  }
  if (plan.hasExternal) nat.push(`-A ${ext} -j ${plan.externalPolicyChain}`);
}
