/// <reference types="vite/client" />
import calicoDump from '../../tests/fixtures/node-dumps/calico-counters.txt?raw';
import calicoIpsets from '../../tests/fixtures/node-dumps/calico-ipsets.txt?raw';
import type { NodeDraft } from './node-draft';

/**
 * "Use an example": the Calico node of tests/fixtures/node-dumps (kube-proxy's rules for the
 * article's node vm1, Calico's chains, `iptables-save -c` counters, one damaged line), with
 * its ipsets, its address and a pod's packet to svc1's ClusterIP, the packet the engine's
 * tests trace to its DNAT. In this tab's chunk only.
 */
export const NODE_EXAMPLE: NodeDraft = {
  text: calicoDump,
  src: '10.244.1.2',
  dst: '10.96.0.10',
  sport: '40000',
  dport: '80',
  protocol: 'tcp',
  origin: 'pod',
  localAddresses: '192.168.0.11',
  podInterface: 'cali12d4a061371',
  ipsetSave: calicoIpsets,
};
