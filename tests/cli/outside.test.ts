import { describe, expect, it } from 'vitest';
import { runCliScript } from './run-cli';
import type { PacketStep, Trace } from '../../src/index';

const cli = (...args: string[]) => runCliScript('cli/main.ts', args);
const traceJson = (preset: string) => JSON.parse(cli('trace', '--preset', preset, '--format', 'json').out) as Trace;

describe('npm run cli -- trace, clients outside the cluster', () => {
  it('--preset nodeport: KUBE-NODEPORTS, KUBE-EXT-…, the DNAT, the MASQUERADE to the node IP, the reply un-NATed to the client', () => {
    const text = cli('trace', '--preset', 'nodeport');
    expect(text.code).toBe(0);
    const trace = traceJson('nodeport');
    const vm1 = trace.topology.nodes.find((n) => n.name === 'vm1')!.ip;
    const laptop = trace.topology.outside!.clients[0]!.ip;
    const nodePort = trace.topology.outside!.services[0]!.nodePorts[0]!;
    const steps = trace.steps as PacketStep[];
    const dnat = steps.find((s) => s.kind === 'dnat')!;
    const snat = steps.find((s) => s.kind === 'snat')!;
    expect(text.out).toMatch(/nat KUBE-SERVICES#\d+ jump \(KUBE-NODEPORTS\)/);
    expect(text.out).toMatch(/nat KUBE-NODEPORTS#\d+ jump \(KUBE-EXT-[A-Z0-9]{16}\)/);
    expect(text.out).toContain(`changed dst ${vm1}:${nodePort} -> ${dnat.after.dstIp}:${dnat.after.dstPort}`);
    expect(text.out).toMatch(/=> nat KUBE-POSTROUTING#\d+ masquerade/);
    expect(text.out).toContain(`changed src ${laptop}:${snat.before.srcPort} -> ${vm1}:${snat.after.srcPort}`);
    // Back on vm1: un-SNAT at PREROUTING, un-DNAT at POSTROUTING, then out to the laptop.
    expect(text.out).toContain(`changed dst ${vm1}:${snat.after.srcPort} -> ${laptop}:${snat.before.srcPort}`);
    expect(text.out).toContain(`changed src ${dnat.after.dstIp}:${dnat.after.dstPort} -> ${vm1}:${nodePort}`);
    expect(text.out).toMatch(/SYN-ACK wire: vm1\/eth0 -> laptop\/eth0/);
    expect(text.out).toContain(`The packet reaches laptop (${laptop}), outside the cluster.`);
  }, 120_000);

  it('--preset nodeport-local: the source kept on vm2, the DROP with "has no local endpoints" on vm1', () => {
    const text = cli('trace', '--preset', 'nodeport-local');
    expect(text.code).toBe(0);
    expect(text.out).toContain('connection 0: laptop -> default/svc1: established');
    expect(text.out).toContain('connection 1: laptop -> default/svc1: dropped');
    expect(text.out).toContain("the client's address 192.168.0.100 is kept");
    expect(text.out).toMatch(/=> filter KUBE-EXTERNAL-SERVICES#\d+ drop \(DROP\): .*"default\/svc1:http has no local endpoints"/);
    expect(text.out).toContain(
      'filter INPUT on vm1 drops the packet. The rule that decides says why in its comment: "default/svc1:http has no local endpoints".',
    );
  }, 120_000);

  it('--preset loadbalancer: KUBE-FW-… with one client allowed and one blocked, in English and Chinese', () => {
    const text = cli('trace', '--preset', 'loadbalancer');
    expect(text.out).toContain('connection 0: office -> default/svc1: established');
    expect(text.out).toContain('connection 1: stranger -> default/svc1: dropped');
    expect(text.out).toMatch(/nat KUBE-FW-[A-Z0-9]{16}#1 jump \(KUBE-EXT-[A-Z0-9]{16}\): -A KUBE-FW-\S+ -s 203\.0\.113\.0\/24/);
    expect(text.out).toMatch(/=> filter KUBE-PROXY-FIREWALL#1 drop \(DROP\)/);
    const zh = cli('trace', '--preset', 'loadbalancer', '--lang', 'zh');
    expect(zh.out).toContain('云负载均衡器把数据包原样交给 vm2');
  }, 120_000);
});
