import type { RuleBuffers } from './rule-buffers';
import type { ServicePortInfo } from './service-port';
import type { ServicePortPlan } from './service-port-plan';

/**
 * The rules that capture a service port's traffic in kube-proxy's shared chains
 * (proxier.go: "Capture the clusterIP", "Capture externalIPs", "Capture load-balancer
 * ingress", "Capture nodeports", "Capture healthCheckNodePorts"): a nat jump to the
 * service's own chain when it has somewhere to send the traffic, a filter REJECT or
 * DROP in KUBE-SERVICES / KUBE-EXTERNAL-SERVICES when it has not.
 */
export function writeServiceCaptureRules(
  buf: RuleBuffers,
  sp: ServicePortInfo,
  plan: ServicePortPlan,
  localhostNodePortsNfacct: boolean,
): void {
  const { filterRules, natRules } = buf;
  const { name, port } = sp;
  const m = plan.protoMatch;
  const { internal, external } = plan;
  if (plan.hasInternal) {
    natRules.push(
      `-A KUBE-SERVICES -m comment --comment "${name} cluster IP" ${m} -d ${sp.clusterIP} --dport ${port} -j ${plan.internalChain}`,
    );
  } else {
    filterRules.push(
      `-A KUBE-SERVICES -m comment --comment ${internal.comment} ${m} -d ${sp.clusterIP} --dport ${port} -j ${internal.target}`,
    );
  }
  for (const eip of sp.externalIPs) {
    if (plan.hasAnyEndpoints) {
      natRules.push(`-A KUBE-SERVICES -m comment --comment "${name} external IP" ${m} -d ${eip} --dport ${port} -j ${sp.chains.external}`);
    }
    if (!plan.hasExternal) {
      filterRules.push(
        `-A KUBE-EXTERNAL-SERVICES -m comment --comment ${external.comment} ${m} -d ${eip} --dport ${port} -j ${external.target}`,
      );
    }
  }
  writeLoadBalancerCaptureRules(buf, sp, plan);
  // NodePorts are not subject to loadBalancerSourceRanges.
  if (sp.nodePort !== 0) writeNodePortCaptureRules(buf, sp, plan, localhostNodePortsNfacct);
  // healthCheckNodePort: accepted whether or not this node has endpoints.
  if (sp.healthCheckNodePort !== 0) {
    filterRules.push(
      `-A KUBE-NODEPORTS -m comment --comment "${name} health check node port" -m tcp -p tcp --dport ${sp.healthCheckNodePort} -j ACCEPT`,
    );
  }
}

/** Load-balancer ingress IPs: the nat jump, the firewall's DROP for sources KUBE-FW did not accept, then any refusal. */
function writeLoadBalancerCaptureRules(buf: RuleBuffers, sp: ServicePortInfo, plan: ServicePortPlan): void {
  const { filterRules, natRules } = buf;
  const { name, port } = sp;
  const m = plan.protoMatch;
  for (const lbip of sp.loadBalancerVIPs) {
    if (plan.hasAnyEndpoints) {
      natRules.push(`-A KUBE-SERVICES -m comment --comment "${name} loadbalancer IP" ${m} -d ${lbip} --dport ${port} -j ${plan.lbChain}`);
    }
    if (plan.usesFW) {
      filterRules.push(
        `-A KUBE-PROXY-FIREWALL -m comment --comment "${name} traffic not accepted by ${sp.chains.firewall}" ${m} -d ${lbip} --dport ${port} -j DROP`,
      );
    }
  }
  if (plan.hasExternal) return;
  const { external } = plan;
  for (const lbip of sp.loadBalancerVIPs) {
    filterRules.push(
      `-A KUBE-EXTERNAL-SERVICES -m comment --comment ${external.comment} ${m} -d ${lbip} --dport ${port} -j ${external.target}`,
    );
  }
}

function writeNodePortCaptureRules(buf: RuleBuffers, sp: ServicePortInfo, plan: ServicePortPlan, localhostNodePortsNfacct: boolean): void {
  const { name, nodePort } = sp;
  const m = plan.protoMatch;
  const ext = sp.chains.external;
  if (plan.hasAnyEndpoints) {
    if (localhostNodePortsNfacct) {
      buf.natRules.push(
        `-A KUBE-NODEPORTS -m comment --comment ${name} ${m} -d 127.0.0.0/8 --dport ${nodePort} -m nfacct --nfacct-name localhost_nps_accepted_pkts -j ${ext}`,
      );
    }
    buf.natRules.push(`-A KUBE-NODEPORTS -m comment --comment ${name} ${m} --dport ${nodePort} -j ${ext}`);
  }
  if (!plan.hasExternal) {
    const { external } = plan;
    buf.filterRules.push(
      `-A KUBE-EXTERNAL-SERVICES -m comment --comment ${external.comment} -m addrtype --dst-type LOCAL ${m} --dport ${nodePort} -j ${external.target}`,
    );
  }
}
