import { endpointChainNamer, writeEndpointChainRules } from './endpoint-chain-rules';
import type { EndpointInfo } from './endpoints-map';
import { writeExternalChainRules } from './external-chain-rules';
import { writeFirewallChainRules } from './firewall-chain-rules';
import { writeInternalMasqueradeRule, writePolicyChainRules } from './policy-chain-rules';
import type { RuleBuffers } from './rule-buffers';
import { writeServiceCaptureRules } from './service-capture-rules';
import type { ServiceChainOutput } from './service-chain-output';
import type { ServicePortContext } from './service-port-context';
import type { ServicePortInfo } from './service-port';
import { planServicePort } from './service-port-plan';

/**
 * Everything syncProxyRules writes for one service port (pkg/proxy/iptables/proxier.go,
 * the body of the `for svcName, svc := range proxier.svcPortMap` loop), in its order:
 * the capture rules in the shared chains, then the service's own chains, one chain
 * family at a time (SVC/SVL masquerade rule, EXT, FW, SVC, SVL, SEP).
 */
export function writeServicePortRules(
  buf: RuleBuffers,
  sp: ServicePortInfo,
  allEndpoints: readonly EndpointInfo[],
  ctx: ServicePortContext,
): void {
  const plan = planServicePort(sp, allEndpoints, ctx.topology);
  writeServiceCaptureRules(buf, sp, plan, ctx.localhostNodePortsNfacct);

  const out: ServiceChainOutput = {
    active: ctx.activeNatChains,
    written: ctx.writeServiceChains ? { chains: buf.natChains, rules: buf.natRules } : null,
  };
  if (plan.hasInternal && out.written !== null) writeInternalMasqueradeRule(out.written.rules, sp, plan, ctx);
  if (plan.usesExtChain) writeExternalChainRules(out, sp, plan, ctx.localDetectorCidr);
  if (plan.usesFW) writeFirewallChainRules(out, sp, ctx.nodeIP);

  const sepOf = endpointChainNamer(sp.name, sp.protocol);
  if (plan.usesClusterPolicyChain) {
    writePolicyChainRules(out, sp, sp.chains.clusterPolicy, plan.clusterEndpoints, sepOf, ctx.largeClusterMode);
  }
  if (plan.usesLocalPolicyChain) {
    writePolicyChainRules(out, sp, sp.chains.localPolicy, plan.localEndpoints, sepOf, ctx.largeClusterMode);
  }
  writeEndpointChainRules(out, sp, plan.allReachableEndpoints, sepOf, plan.protoMatch, ctx.largeClusterMode);
}
