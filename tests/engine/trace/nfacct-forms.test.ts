// The nfacct match has two forms (measured on a node, iptables 1.8.9): kube-proxy writes
// `--nfacct-name NAME` to iptables-restore, iptables-save prints it back with two spaces
// (libxt_nfacct's save prints " --nfacct-name " and xtables_save_string its own space).
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../../src/cluster/build-cluster';
import { syncNode } from '../../../src/dataplane/node-proxier';
import { nodeIptablesSave, presetScenario } from '../../../src/index';

const RESTORE_FORM = '-m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP';
const SAVE_FORM = '-m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP';

describe('the nfacct match in each form', () => {
  const scenario = presetScenario('article')!;

  it("kube-proxy's iptables-restore input keeps its own form, one space", () => {
    const built = buildCluster(scenario);
    if (!built.ok) throw new Error('the article scenario does not build');
    const restore = syncNode(built.cluster, built.cluster.nodes[0]!).restore;
    expect(restore).toContain(`-A KUBE-FORWARD -m conntrack --ctstate INVALID ${RESTORE_FORM}\n`);
    expect(restore).not.toContain(SAVE_FORM);
  });

  it('what iptables-save prints on the node (the page, the CLI) has the kernel form, two spaces', () => {
    const saved = nodeIptablesSave(scenario, 'vm1')!;
    expect(saved).toContain(`-A KUBE-FORWARD -m conntrack --ctstate INVALID ${SAVE_FORM}\n`);
    expect(saved).not.toContain(RESTORE_FORM);
  });
});
