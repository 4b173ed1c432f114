import { readFileSync } from 'node:fs';
import { traceNodeDump, type NodeTraceInput, type NodeTraceResult } from '../../../src/node-trace';

/** A dump of tests/fixtures/node-dumps. */
export const fixture = (name: string): string => readFileSync(`tests/fixtures/node-dumps/${name}`, 'utf8');

/** pod1 on vm1 opens a TCP connection to svc1's ClusterIP. */
export const podToClusterIp = (text: string, extra: Partial<NodeTraceInput> = {}): NodeTraceResult => {
  const r = traceNodeDump({
    text,
    packet: { src: '10.244.1.2', dst: '10.96.0.10', sport: 40000, dport: 80, protocol: 'tcp' },
    origin: 'pod',
    facts: { localAddresses: ['192.168.0.11', '10.244.1.1'] },
    ...extra,
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
