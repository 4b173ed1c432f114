import { describe, expect, it } from 'vitest';
import {
  formatConntrackSummary,
  isPacketStep,
  nodeIpsetList,
  nodeIptablesSave,
  presetScenario,
  simulate,
  verifyCommands,
  type PacketStep,
  type Scenario,
  type Trace,
  type VerifyCommand,
  type VerifyCommandId,
} from '../../../src/index';

const article = presetScenario('article')!;
const iptables = simulate(article);
const ipvs = simulate(article, { mode: 'ipvs' });

/** The first packet step matching, or a failed test. */
function stepOf(trace: Trace, match: (s: PacketStep) => boolean): PacketStep {
  const step = trace.steps.filter(isPacketStep).find(match);
  if (!step) throw new Error('no such step');
  return step;
}

function commandsAt(trace: Trace, step: number, scenario: Scenario = article): VerifyCommand[] {
  return verifyCommands(trace, step, scenario).flatMap((g) => [...g.enter, ...g.commands]);
}

const byId = (commands: readonly VerifyCommand[], id: VerifyCommandId) => commands.filter((c) => c.id === id);

/** The lines of a node's nat table the engine prints, by prefix. */
const natLines = (node: string, mode: 'iptables' | 'ipvs' = 'iptables') => {
  const save = nodeIptablesSave(article, node, mode)!;
  return save.slice(save.indexOf('*nat'), save.indexOf('COMMIT', save.indexOf('*nat'))).split('\n');
};

describe('verifyCommands at the DNAT step (iptables mode)', () => {
  const dnat = stepOf(iptables, (s) => s.kind === 'dnat');
  const commands = commandsAt(iptables, dnat.index);
  const svcChain = dnat.rules.find((r) => r.chain.startsWith('KUBE-SVC-'))!.chain;
  const sepChain = dnat.rules.find((r) => r.decided)!.chain;

  it('lists the KUBE-SVC chain that chose the endpoint, then the KUBE-SEP chain that DNATed, with numbers and counters', () => {
    expect(byId(commands, 'chain-list').map((c) => c.command)).toEqual([
      `iptables -t nat -L ${svcChain} -n -v --line-numbers`,
      `iptables -t nat -L ${sepChain} -n -v --line-numbers`,
    ]);
    expect(svcChain).toBe('KUBE-SVC-6FQZKDMVESNX7NUN');
    expect(byId(commands, 'chain-list')[1]!.params.position).toBe(String(dnat.rules.find((r) => r.decided)!.position));
  });

  it("prints the KUBE-SVC chain as `iptables -S` would: the node's own iptables-save lines, every rule the step evaluated among them", () => {
    const spec = byId(commands, 'chain-rules')[0]!;
    expect(spec.command).toBe(`iptables -t nat -S ${svcChain}`);
    expect(spec.expected!.lines).toEqual([`-N ${svcChain}`, ...natLines('vm1').filter((l) => l.startsWith(`-A ${svcChain} `))]);
    for (const r of dnat.rules.filter((r) => r.chain === svcChain)) expect(spec.expected!.lines[r.position]).toBe(r.text);
    expect(spec.expected!.lines.filter((l) => l.includes('--probability'))).toHaveLength(1);
  });

  it('greps the nat table for the cluster IP: the KUBE-SERVICES jump and the masquerade mark rule', () => {
    const [grep] = byId(commands, 'save-grep');
    expect(grep!.command).toBe('iptables-save -t nat | grep -F 10.96.0.10');
    expect(grep!.expected!.lines).toEqual(natLines('vm1').filter((l) => l.includes('10.96.0.10')));
    expect(grep!.expected!.lines.map((l) => l.split(' ')[1])).toEqual(['KUBE-SERVICES', svcChain]);
  });

  it('runs on vm1, entered with kubectl debug and the node’s own binaries', () => {
    const [group] = verifyCommands(iptables, dnat.index, article);
    expect(group!.place).toEqual({ kind: 'node', node: 'vm1' });
    expect(group!.enter.map((c) => c.command)).toEqual(['kubectl debug node/vm1 -it --profile=sysadmin --image=busybox -- chroot /host']);
  });

  it('traces the SYN from raw PREROUTING, matched by client and Service (not the ephemeral port), and removes the rule the same way', () => {
    const trace = verifyCommands(iptables, dnat.index, article).find((g) => g.topic === 'trace')!;
    const [add, watch, legacy, remove, nftAdd, nftWatch, nftRemove] = trace.commands.map((c) => c.command);
    expect(add).toBe('iptables -t raw -I PREROUTING -p tcp -s 10.244.1.2 -d 10.96.0.10 --dport 80 -j TRACE');
    expect(remove).toBe(add!.replace(' -I ', ' -D '));
    expect([watch, legacy, nftWatch, nftRemove]).toEqual([
      'xtables-monitor --trace',
      "dmesg -w | grep 'TRACE:'",
      'nft monitor trace',
      'nft delete table ip packetwalk',
    ]);
    expect(nftAdd).toContain('type filter hook prerouting priority -301;');
    expect(nftAdd).toContain('ip saddr 10.244.1.2 ip daddr 10.96.0.10 tcp dport 80 meta nftrace set 1');
    expect(add).not.toContain(String(dnat.before.srcPort));
  });

  it('has no expected rule output once a control-plane event may have changed the rules', () => {
    const churn = presetScenario('pod-churn')!;
    const trace = simulate(churn);
    const after = trace.epochs[1]!.fromStep;
    const late = trace.steps.filter(isPacketStep).find((s) => s.index > after && s.kind === 'dnat');
    if (!late) throw new Error('pod-churn has a connection after its event');
    const listed = commandsAt(trace, late.index, churn).filter((c) => c.id === 'chain-rules' || c.id === 'save-grep');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => c.expected === null)).toBe(true);
  });
});

describe('verifyCommands at conntrack steps', () => {
  it.each([
    ['vm1', '10.96.0.10', '80'],
    ['vm2', '10.244.2.3', '8080'],
  ])('on %s, looks the new entry up by its original destination %s:%s and prints the engine’s line and count', (node, dst, port) => {
    const step = stepOf(iptables, (s) => s.kind === 'conntrack-new' && s.node === node);
    const [list] = byId(commandsAt(iptables, step.index), 'conntrack-list');
    expect(list!.command).toBe(`conntrack -L -d ${dst} -p tcp --dport ${port}`);
    const entry = step.conntrack.find((t) => t.node === node)!.entries.find((e) => e.id === step.conntrackChange!.entryId)!;
    expect(list!.expected).toEqual({ lines: [entry.text, formatConntrackSummary(1)], fidelity: 'ports-and-timers' });
    expect(entry.text).toContain('SYN_SENT');
  });

  it('shows the entry as it stands after the step: ESTABLISHED [ASSURED] at the ACK', () => {
    const step = stepOf(iptables, (s) => s.label === 'ACK' && s.kind === 'conntrack-hit' && s.node === 'vm1');
    const [list] = byId(commandsAt(iptables, step.index), 'conntrack-list');
    expect(list!.expected!.lines[0]).toMatch(/^tcp {6}6 \d+ ESTABLISHED src=10\.244\.1\.2 dst=10\.96\.0\.10 .*\[ASSURED\] mark=0 use=1$/);
  });
});

describe('verifyCommands in IPVS mode', () => {
  const dnat = stepOf(ipvs, (s) => s.kind === 'dnat' && s.ipvsChange !== null);
  const commands = commandsAt(ipvs, dnat.index);

  it('lists the virtual service alone, as ipvsadm prints one service: headers, no banner, the chosen real server among its dests', () => {
    const [service] = byId(commands, 'ipvs-service');
    expect(service!.command).toBe('ipvsadm -Ln -t 10.96.0.10:80');
    const table = dnat.ipvs!.table;
    expect(service!.expected!.lines).toEqual([table[1], table[2], ...table.slice(3)]);
    expect(service!.expected!.lines.some((l) => l.startsWith('IP Virtual Server'))).toBe(false);
    expect(service!.expected!.lines.some((l) => l.startsWith(`  -> ${dnat.ipvsChange!.realServer} `))).toBe(true);
  });

  it('prints the connection table the engine holds after the step', () => {
    const [conns] = byId(commands, 'ipvs-connections');
    expect(conns!.command).toBe('ipvsadm -Lnc');
    expect(conns!.expected!.lines).toEqual(dnat.ipvs!.connections);
  });

  it('lists the nat KUBE-SERVICES chain at PREROUTING, which only accepts the ClusterIP (no grep: the ipset holds it)', () => {
    const pre = stepOf(ipvs, (s) => s.hook === 'PREROUTING' && s.node === 'vm1' && s.label === 'SYN');
    const cmds = commandsAt(ipvs, pre.index);
    expect(byId(cmds, 'chain-rules')[0]!.expected!.lines).toEqual([
      '-N KUBE-SERVICES',
      ...natLines('vm1', 'ipvs').filter((l) => l.startsWith('-A KUBE-SERVICES ')),
    ]);
    expect(byId(cmds, 'save-grep')).toEqual([]);
  });

  it('lists the ipset the accepting rule matched, with the Service as its member, as the engine’s ipset list prints it', () => {
    const pre = stepOf(ipvs, (s) => s.hook === 'PREROUTING' && s.node === 'vm1' && s.label === 'SYN');
    const [set] = byId(commandsAt(ipvs, pre.index), 'ipset-list');
    expect(set!.command).toBe('ipset list KUBE-CLUSTER-IP');
    const list = nodeIpsetList(article, 'vm1')!;
    const start = list.indexOf('Name: KUBE-CLUSTER-IP');
    expect(set!.expected).toEqual({ lines: list.slice(start, list.indexOf('', start)), fidelity: 'same-members' });
    expect(set!.expected!.lines.at(-1)).toBe('10.96.0.10,tcp:80');
  });

  it('shows ipvsadm -Ln after a kube-proxy sync: the table the sync left', () => {
    const churn = presetScenario('pod-churn')!;
    const trace = simulate(churn, { mode: 'ipvs' });
    const sync = trace.steps.find((s) => s.kind === 'kube-proxy-sync')!;
    const [group] = verifyCommands(trace, sync.index, churn);
    expect(group!.place).toEqual({ kind: 'node', node: sync.node });
    expect(group!.commands[0]).toEqual({
      id: 'ipvs-list',
      params: { node: sync.node },
      command: 'ipvsadm -Ln',
      expected: { lines: sync.rulesDiff!.ipvs!.after, fidelity: 'ports-and-timers' },
    });
  });
});

describe('verifyCommands along the path', () => {
  it.each([
    ['vm1', 'SYN', 'ip route get 10.244.2.3 from 10.244.1.2 iif cbr0'],
    ['vm2', 'SYN', 'ip route get 10.244.2.3 from 10.244.1.2 iif eth0'],
    ['vm2', 'SYN-ACK', 'ip route get 10.244.1.2 from 10.244.2.3 iif cbr0'],
  ])('routes on %s (%s) from the device the packet came in on', (node, label, command) => {
    const step = stepOf(iptables, (s) => s.kind === 'route' && s.node === node && s.label === label);
    expect(byId(commandsAt(iptables, step.index), 'route-get').map((c) => c.command)).toEqual([command]);
  });

  it('routes a packet the node made itself with an output lookup, and traces it from raw OUTPUT', () => {
    const scenario = presetScenario('node-to-service')!;
    const trace = simulate(scenario);
    const route = stepOf(trace, (s) => s.kind === 'route' && s.node === 'vm1');
    expect(byId(commandsAt(trace, route.index, scenario), 'route-get')[0]!.command).toBe(`ip route get ${route.after.dstIp}`);
    const dnat = stepOf(trace, (s) => s.kind === 'dnat');
    const [add] = byId(commandsAt(trace, dnat.index, scenario), 'trace-add');
    expect(add!.command).toBe(`iptables -t raw -I OUTPUT -p tcp -s ${dnat.before.srcIp} -d 10.96.0.10 --dport 80 -j TRACE`);
  });

  it('enters the client pod’s network namespace when the packet leaves it, and captures there', () => {
    const leave = stepOf(iptables, (s) => s.kind === 'leave-pod');
    const [group] = verifyCommands(iptables, leave.index, article);
    expect(group!.place).toEqual({ kind: 'pod', node: 'vm1', pod: 'pod1', namespace: 'default' });
    expect(group!.enter.map((c) => c.id)).toEqual(['enter-node', 'find-pod-pid']);
    expect(group!.enter[1]!.command).toContain("crictl pods -q --state ready --name '^pod1$' --namespace '^default$'");
    expect(group!.commands.map((c) => c.command)).toEqual([
      'nsenter -t "$PID" -n ip route get 10.96.0.10',
      'nsenter -t "$PID" -n tcpdump -ni eth0 host 10.96.0.10 and tcp port 80',
    ]);
  });

  it.each([
    ['veth', 'vm1', 'tcpdump -ni veth0 host 10.96.0.10 and tcp port 80'],
    ['bridge-miss', 'vm1', 'tcpdump -ni cbr0 host 10.96.0.10 and tcp port 80'],
    ['arrive-node', 'vm2', 'tcpdump -ni eth0 host 10.244.2.3 and tcp port 8080'],
    ['bridge', 'vm2', 'tcpdump -ni veth1 host 10.244.2.3 and tcp port 8080'],
  ])('captures a %s step on %s on the device it crosses', (kind, node, command) => {
    const step = stepOf(iptables, (s) => s.kind === kind && s.node === node && s.label === 'SYN');
    expect(byId(commandsAt(iptables, step.index), 'tcpdump').map((c) => c.command)).toEqual([command]);
  });

  it('shows the bridge’s forwarding table where the bridge decides', () => {
    const step = stepOf(iptables, (s) => s.kind === 'bridge-miss');
    expect(byId(commandsAt(iptables, step.index), 'bridge-fdb')[0]).toMatchObject({
      command: 'bridge fdb show br cbr0',
      params: { mac: step.before.dstMac },
    });
  });

  it('lists the REJECT rule’s chain for a Service without endpoints, in filter', () => {
    const scenario = presetScenario('no-endpoints')!;
    const trace = simulate(scenario);
    const reject = stepOf(trace, (s) => s.kind === 'reject');
    const cmds = commandsAt(trace, reject.index, scenario);
    expect(byId(cmds, 'chain-list')[0]!.command).toBe('iptables -t filter -L KUBE-SERVICES -n -v --line-numbers');
    expect(byId(cmds, 'chain-rules')[0]!.expected!.lines).toContain(reject.rules.find((r) => r.decided)!.text);
  });
});

describe('verifyCommands on every step', () => {
  const presets = [
    'article',
    'same-node',
    'hairpin',
    'session-affinity',
    'node-to-service',
    'no-endpoints',
    'three-replicas',
    'pod-churn',
    'service-recreated',
  ];
  it.each(presets.flatMap((p) => [[p, 'iptables'] as const, [p, 'ipvs'] as const]))(
    '%s (%s): every step has commands, every value filled in',
    (preset, mode) => {
      const scenario = presetScenario(preset)!;
      const trace = simulate(scenario, { mode });
      for (const step of trace.steps) {
        const groups = verifyCommands(trace, step.index, scenario);
        expect(groups.length, `step ${step.index} ${step.kind}`).toBeGreaterThan(0);
        for (const c of groups.flatMap((g) => [...g.enter, ...g.commands])) {
          expect(c.command, `${preset} step ${step.index}`).not.toMatch(/undefined|null|NaN|\[object/);
          for (const line of c.expected?.lines ?? []) expect(line).not.toMatch(/undefined|NaN/);
        }
      }
    },
  );
});

describe('verifyCommands names the deciding rule’s number only where a rule decided', () => {
  it('at a FORWARD hook kube-proxy’s chains let through, the chain is listed without a number', () => {
    const forward = stepOf(iptables, (s) => s.kind === 'hook' && s.hook === 'FORWARD' && s.label === 'SYN' && s.node === 'vm1');
    expect(forward.rules.some((r) => r.decided)).toBe(false);
    expect(byId(commandsAt(iptables, forward.index), 'chain-list')[0]!.params.position).toBe('');
  });
});
