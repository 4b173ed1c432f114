import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { traceKubeProxyTestPacket } from '../../../cli/fidelity/test-tracer';
import { unwrap } from '../../../src/net/result';

interface Flow {
  name: string;
  sourceIP: string;
  protocol: string;
  destIP: string;
  destPort: number;
  output: string;
  masq: boolean;
}
interface TraceCase {
  id: string;
  rules: string;
  config: { nodeIPsTreatedAsLOCAL: string[] };
  packetFlows: Flow[];
}

const corpus = JSON.parse(readFileSync(new URL('../../fidelity/kube-proxy-cases.json', import.meta.url), 'utf8')) as { cases: TraceCase[] };
const tracePacketCase = corpus.cases.find((c) => c.id === 'TestTracePacket');
if (tracePacketCase === undefined) throw new Error('TestTracePacket is missing from the corpus');
const ruleset = unwrap(parseIptablesRestore(tracePacketCase.rules));

describe('traceKubeProxyTestPacket on TestTracePacket', () => {
  it('has all 7 flows of the corpus', () => {
    expect(tracePacketCase.packetFlows).toHaveLength(7);
  });

  it.each(tracePacketCase.packetFlows)('$name: $sourceIP -> $destIP:$destPort gives "$output" (masq $masq)', (flow) => {
    const trace = traceKubeProxyTestPacket(ruleset, flow, tracePacketCase.config.nodeIPsTreatedAsLOCAL);
    expect(trace).toEqual({ output: flow.output, masq: flow.masq });
  });
});

describe('traceKubeProxyTestPacket semantics', () => {
  it('starts at nat KUBE-SERVICES when the restore input has no PREROUTING jump (kube-proxy ensures it separately)', () => {
    const rules = unwrap(
      parseIptablesRestore(
        [
          '*nat',
          ':KUBE-SERVICES - [0:0]',
          ':KUBE-SVC-A - [0:0]',
          '-A KUBE-SERVICES -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-A',
          '-A KUBE-SVC-A -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:8080',
          'COMMIT',
        ].join('\n'),
      ),
    );
    const flow = { sourceIP: '10.0.0.2', protocol: 'TCP', destIP: '172.30.0.41', destPort: 80 };
    expect(traceKubeProxyTestPacket(rules, flow, [])).toEqual({ output: '10.180.0.1:8080', masq: false });
    expect(traceKubeProxyTestPacket(rules, { ...flow, protocol: 'UDP' }, [])).toEqual({ output: '', masq: false });
  });

  it('runs filter rules against the DNATed address, with the original port', () => {
    const rules = unwrap(
      parseIptablesRestore(
        [
          '*filter',
          ':KUBE-SERVICES - [0:0]',
          '-A KUBE-SERVICES -d 10.180.0.1 -m tcp -p tcp --dport 80 -j DROP',
          'COMMIT',
          '*nat',
          ':KUBE-SERVICES - [0:0]',
          '-A KUBE-SERVICES -d 172.30.0.41 -j DNAT --to-destination 10.180.0.1:8080',
          'COMMIT',
        ].join('\n'),
      ),
    );
    const trace = traceKubeProxyTestPacket(rules, { sourceIP: '10.0.0.2', protocol: 'tcp', destIP: '172.30.0.41', destPort: 80 }, []);
    expect(trace.output).toBe('10.180.0.1:8080, DROP');
  });

  it('explores every --probability branch, so a ten-endpoint service lists all ten endpoints in rule order', () => {
    const endpoints = Array.from({ length: 10 }, (_, e) => `10.180.0.${e + 1}:8080`);
    const lines = [
      '*nat',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-SVC-A - [0:0]',
      '-A KUBE-SERVICES -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-A',
    ];
    endpoints.forEach((ep, e) => {
      const statistic =
        e < endpoints.length - 1 ? ` -m statistic --mode random --probability ${(1 / (endpoints.length - e)).toFixed(10)}` : '';
      lines.push(
        `:KUBE-SEP-${e} - [0:0]`,
        `-A KUBE-SVC-A${statistic} -j KUBE-SEP-${e}`,
        `-A KUBE-SEP-${e} -m tcp -p tcp -j DNAT --to-destination ${ep}`,
      );
    });
    const rules = unwrap(parseIptablesRestore([...lines, 'COMMIT'].join('\n')));
    const trace = traceKubeProxyTestPacket(rules, { sourceIP: '10.0.0.2', protocol: 'TCP', destIP: '172.30.0.41', destPort: 80 }, []);
    expect(trace.output).toBe(endpoints.join(', '));
  });

  it('never matches --rcheck, --mark or --ctstate rules', () => {
    const rules = unwrap(
      parseIptablesRestore(
        [
          '*nat',
          ':KUBE-SERVICES - [0:0]',
          '-A KUBE-SERVICES -m recent --name X --rcheck --seconds 10800 --reap -j DNAT --to-destination 10.0.0.9:80',
          '-A KUBE-SERVICES -m mark --mark 0x4000/0x4000 -j DNAT --to-destination 10.0.0.8:80',
          '-A KUBE-SERVICES -m conntrack --ctstate NEW -j DNAT --to-destination 10.0.0.7:80',
          '-A KUBE-SERVICES -j DNAT --to-destination 10.0.0.6:80',
          'COMMIT',
        ].join('\n'),
      ),
    );
    const trace = traceKubeProxyTestPacket(rules, { sourceIP: '10.0.0.2', protocol: 'tcp', destIP: '1.1.1.1', destPort: 80 }, []);
    expect(trace.output).toBe('10.0.0.6:80');
  });
});

describe('traceKubeProxyTestPacket on ip6tables rules', () => {
  const rules6 = unwrap(
    parseIptablesRestore(
      [
        '*nat',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-SVC-X - [0:0]',
        ':KUBE-SEP-Y - [0:0]',
        ':KUBE-MARK-MASQ - [0:0]',
        '-A KUBE-SERVICES -m tcp -p tcp -d fd00:172:30::41 --dport 80 -j KUBE-SVC-X',
        '-A KUBE-SVC-X -m tcp -p tcp -d fd00:172:30::41 --dport 80 ! -s fd00:10::/64 -j KUBE-MARK-MASQ',
        '-A KUBE-SVC-X -j KUBE-SEP-Y',
        '-A KUBE-SEP-Y -m tcp -p tcp -j DNAT --to-destination [fd00:10:180::2:1]:80',
        'COMMIT',
        '',
      ].join('\n'),
      { family: 'IPv6' },
    ),
  );
  const trace = (sourceIP: string, destIP: string) =>
    traceKubeProxyTestPacket(rules6, { sourceIP, protocol: 'TCP', destIP, destPort: 80 }, ['2001:db8::1']);

  it('matches IPv6 prefixes and prints the DNAT destination bracketed, as kube-proxy writes it', () => {
    expect(trace('fd00:10::2', 'fd00:172:30::41')).toEqual({ output: '[fd00:10:180::2:1]:80', masq: false });
    expect(trace('2600:5200::1', 'fd00:172:30:0:0::41')).toEqual({ output: '[fd00:10:180::2:1]:80', masq: true });
  });

  it('never matches an address of the other family', () => {
    expect(trace('fd00:10::2', '172.30.0.41')).toEqual({ output: '', masq: false });
  });
});
