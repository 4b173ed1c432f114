import { describe, expect, it } from 'vitest';
import { isControlPlaneStep, narrate, presetScenario, simulate, type ProxyMode } from '../../../src/index';
import { serviceChainChanges } from '../../../src/trace/sync-note';

/** The note ids of a preset's kube-proxy syncs on vm1, in order. */
const syncs = (preset: string, mode: ProxyMode = 'iptables') =>
  simulate(presetScenario(preset)!, { mode })
    .steps.filter(isControlPlaneStep)
    .filter((s) => s.kind === 'kube-proxy-sync' && s.node === 'vm1');

describe('a kube-proxy sync, told from its diff', () => {
  it('service-recreated: the KUBE-SVC chain is deleted whole, then created again; no probability is said to be recomputed on delete', () => {
    const steps = syncs('service-recreated');
    expect(steps.map((s) => s.note.id)).toEqual([
      'kube-proxy-sync.iptables.deleted',
      'kube-proxy-sync.iptables.deleted',
      'kube-proxy-sync.iptables.created',
      'kube-proxy-sync.iptables.created',
    ]);
    const deleted = narrate(steps[0]!.note, 'en');
    expect(deleted).toContain('Deleted whole: KUBE-SVC-6FQZKDMVESNX7NUN (default/svc1:http 10.96.0.10:80)');
    expect(deleted).not.toContain('re-weighted');
    expect(deleted).not.toContain('--probability');
    expect(narrate(steps[2]!.note, 'en')).toContain('10.96.0.11:80');
  });

  it('not-ready and pod-churn: the chain stays and is re-weighted for the endpoints left', () => {
    for (const preset of ['not-ready', 'pod-churn']) {
      const first = syncs(preset)[0]!;
      expect(first.note.id).toMatch(/^kube-proxy-sync\.iptables\.reweighted/);
      expect(narrate(first.note, 'en')).toContain('Re-weighted, not deleted: KUBE-SVC-6FQZKDMVESNX7NUN (default/svc1:http)');
    }
  });

  it('IPVS mode: a virtual server deleted, created, or its real servers changed', () => {
    expect(syncs('service-recreated', 'ipvs').map((s) => s.note.id)).toEqual([
      'kube-proxy-sync.ipvs.vs-deleted',
      'kube-proxy-sync.ipvs.vs-deleted',
      'kube-proxy-sync.ipvs.vs-created',
      'kube-proxy-sync.ipvs.vs-created',
    ]);
    const churn = syncs('pod-churn', 'ipvs')[0]!;
    expect(churn.note.id).toMatch(/^kube-proxy-sync\.ipvs\.rs-changed/);
    expect(narrate(churn.note, 'en')).toContain('removed 10.244.2.3:8080 Weight 1 (TCP 10.96.0.10:80)');
  });

  it('reads the chains from the nat lines: declarations removed and not re-added are deletions', () => {
    const changes = serviceChainChanges({
      table: 'nat',
      removed: [
        ':KUBE-SVC-A - [0:0]',
        '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "ns/a:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-A',
        '-A KUBE-SVC-A -m comment --comment "ns/a:http -> 10.244.2.2:8080" -j KUBE-SEP-X',
        '-A KUBE-SVC-B -m comment --comment "ns/b:dns -> 10.244.2.3:53" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-Y',
      ],
      added: ['-A KUBE-SVC-B -m comment --comment "ns/b:dns -> 10.244.2.3:53" -j KUBE-SEP-Y'],
    });
    expect(changes).toMatchObject({
      deleted: ['KUBE-SVC-A (ns/a:http 10.96.0.10:80)'],
      created: [],
      reweighted: ['KUBE-SVC-B (ns/b:dns)'],
    });
  });
});
