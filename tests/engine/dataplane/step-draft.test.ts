import { describe, expect, it } from 'vitest';
import { device, stepDraft } from '../../../src/dataplane/step-draft';
import { ipv4 } from '../../../src/net/ipv4';
import { nodeName } from '../../../src/net/ids';
import type { Packet } from '../../../src/net/packet';

const packet: Packet = {
  srcMac: 'a',
  dstMac: 'b',
  srcIp: ipv4('10.244.1.2'),
  dstIp: ipv4('10.96.0.10'),
  protocol: 'tcp',
  srcPort: 40000,
  dstPort: 80,
  flags: ['SYN'],
  ttl: 64,
};
const node = nodeName('vm1');
const note = { id: 'veth', params: {} };

describe('stepDraft', () => {
  it('makes a plain hop from where, what and the packet: no hook, the packet unchanged, no iptables or nft rule, no conntrack or IPVS change', () => {
    expect(stepDraft({ kind: 'veth', node, at: device('vm1', 'veth0'), to: device('vm1', 'cbr0'), packet, note })).toEqual({
      kind: 'veth',
      node: 'vm1',
      at: 'vm1/veth0',
      to: 'vm1/cbr0',
      hook: null,
      before: packet,
      after: packet,
      rules: [],
      nftRules: [],
      conntrackChange: null,
      ipvsChange: null,
      note,
    });
  });

  it('keeps what the call site says: the rewritten packet, the hook, the conntrack change', () => {
    const after = { ...packet, dstIp: ipv4('10.244.2.3'), dstPort: 8080 };
    const conntrackChange = { node, entryId: 1, change: 'new' as const, from: '', to: 'SYN_SENT' };
    const draft = stepDraft({
      kind: 'dnat',
      node,
      at: device('vm1', 'PREROUTING'),
      to: device('vm1', 'PREROUTING'),
      hook: 'PREROUTING',
      packet,
      after,
      conntrackChange,
      note,
    });
    expect(draft).toMatchObject({ hook: 'PREROUTING', before: packet, after, conntrackChange, ipvsChange: null });
  });
});
