import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../../src/cluster/build-cluster';
import { endpointSliceInputs, nftablesConfigFor, serviceInputs } from '../../../src/dataplane/node-proxier';
import { kernelNftRuleset } from '../../../src/dataplane/sync-nft-kernel';
import { printNftList, syncNftablesRules } from '../../../src/kube-proxy/nftables';
import { parseNft } from '../../../src/nftables';
import { presetScenario } from '../../../src/index';

describe('kernelNftRuleset', () => {
  it.each(['article', 'session-affinity', 'no-endpoints', 'pod-churn'])(
    '%s: the ruleset the walk runs is what parsing `nft list table ip kube-proxy` gives, rule texts included',
    (preset) => {
      const built = buildCluster(presetScenario(preset)!);
      if (!built.ok) throw new Error('invalid preset');
      const cluster = built.cluster;
      for (const node of cluster.nodes) {
        const table = syncNftablesRules(nftablesConfigFor(cluster, node), serviceInputs(cluster), endpointSliceInputs(cluster));
        const parsed = parseNft(printNftList(table));
        if (!parsed.ok) throw new Error(parsed.error);
        expect(kernelNftRuleset(table)).toEqual(parsed.value);
      }
    },
  );
});
