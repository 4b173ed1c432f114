/**
 * Engine benchmarks: prints figures, asserts nothing (timing goals are not tests).
 * Targets on the 2-core CI machine: simulate(article) < 2 ms, a full sync of
 * 10,000 Services x 10 endpoints < 1 s, one packet through that ruleset < 10 ms.
 */
import { performance } from 'node:perf_hooks';
import { syncProxyRules, withBuiltinChains, TEST_PROXIER_CONFIG, type EndpointSliceInput, type ServiceInput } from '../../src/kube-proxy';
import { evaluateChain, parseIptablesRestore } from '../../src/netfilter';
import { createRng } from '../../src/net/rng';
import { ipv4 } from '../../src/net/ipv4';
import { presetScenario, simulate } from '../../src/index';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

// 1. simulate() on the article preset.
const article = presetScenario('article')!;
const cold = performance.now();
simulate(article);
const coldMs = performance.now() - cold;
for (let i = 0; i < 1000; i++) simulate(article, { seed: i });
const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t0 = performance.now();
  simulate(article, { seed: i });
  times.push(performance.now() - t0);
}
console.log(
  `simulate(article): median ${ms(median(times))}, p95 ${ms([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!)} over ${times.length} runs after warm-up; first call ${ms(coldMs)} (goal < 2 ms)`,
);

// 2. A full iptables sync of 10,000 Services x 10 endpoints.
const SERVICES = 10_000;
const ENDPOINTS = 10;
const services: ServiceInput[] = [];
const slices: EndpointSliceInput[] = [];
for (let i = 0; i < SERVICES; i++) {
  const name = `svc${i}`;
  services.push({
    namespace: 'bench',
    name,
    clusterIP: `172.30.${i >> 8}.${i & 255}`,
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
  });
  slices.push({
    namespace: 'bench',
    serviceName: name,
    name: `${name}-a`,
    addressType: 'IPv4',
    endpoints: Array.from({ length: ENDPOINTS }, (_, j) => ({ addresses: [`10.${(i >> 8) & 255}.${i & 255}.${j + 1}`] })),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  });
}
const syncTimes: number[] = [];
let restore = '';
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  restore = syncProxyRules(TEST_PROXIER_CONFIG, services, slices).restore;
  syncTimes.push(performance.now() - t0);
}
const ruleCount = restore.split('\n').filter((l) => l.startsWith('-A ')).length;
console.log(
  `full sync, ${SERVICES} Services x ${ENDPOINTS} endpoints: median ${ms(median(syncTimes))} over ${syncTimes.length} runs, ${ruleCount} rules (goal < 1 s)`,
);

// 3. One packet through that ruleset (parsed once; evaluation never re-reads text).
const t0 = performance.now();
const parsed = parseIptablesRestore(withBuiltinChains(restore));
const parseMs = performance.now() - t0;
if (!parsed.ok) throw new Error(parsed.error);
console.log(`parse the ruleset once: ${ms(parseMs)}`);
const rng = createRng(1);
const last = SERVICES - 1;
const packet = {
  srcMac: '',
  dstMac: '',
  srcIp: ipv4('10.0.0.2'),
  dstIp: ipv4(`172.30.${last >> 8}.${last & 255}`),
  protocol: 'tcp' as const,
  srcPort: 40000,
  dstPort: 80,
  flags: ['SYN' as const],
  ttl: 64,
};
const env = { rng, now: 0, recent: {}, isLocalAddress: () => false };
const packetTimes: number[] = [];
let evaluated = 0;
let target = '';
for (let i = 0; i < 50; i++) {
  const t1 = performance.now();
  const result = evaluateChain(
    parsed.value,
    'nat',
    'PREROUTING',
    { packet, mark: 0, ctstate: ['NEW'], inInterface: 'cbr0', outInterface: null },
    env,
  );
  packetTimes.push(performance.now() - t1);
  evaluated = result.evaluated.length;
  target = `${result.packet.dstIp}:${result.packet.dstPort}`;
}
console.log(
  `one packet to the last of ${SERVICES} Services through nat PREROUTING: median ${ms(median(packetTimes))}, ${evaluated} rules evaluated, DNAT to ${target} (goal < 10 ms)`,
);

// 4. The same packet in both modes, with 10,000 Services: what each mode evaluates.
import { parseScenario, PRESETS } from '../../src/index';
{
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  }));
  const parsed = parseScenario({
    ...PRESETS.article!,
    cluster: { ...PRESETS.article!.cluster, services },
    traffic: [{ from: 'pod1', to: `svc${SERVICES}`, port: 80 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  for (const mode of ['iptables', 'ipvs'] as const) {
    const t0 = performance.now();
    const trace = simulate(parsed.scenario, { mode });
    const c = trace.connections[0]!;
    console.log(
      `${mode} mode, ${SERVICES} Services, first packet to the last one: ${c.cost.rulesEvaluated} iptables rules evaluated, ${c.cost.ipvsLookups} IPVS hash lookups (simulate ${ms(performance.now() - t0)})`,
    );
  }
}
