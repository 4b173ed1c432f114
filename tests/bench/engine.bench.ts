/**
 * Engine benchmarks: prints figures, asserts nothing (timing goals are not tests).
 * Each figure is a median over repeated runs with its spread (min-max, or p95).
 * Targets on the 2-core CI machine: simulate(article) < 2 ms, a full sync of
 * 10,000 Services x 10 endpoints < 1 s, parsing its 320,000 rules < 1 s, one
 * packet through them < 10 ms, simulate of a 10,000-Service scenario < 2 s
 * (in the page it runs in a Web Worker: `npm run bench:worker`), the load-balancing lab's
 * 10,000 connections < 2 s.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { syncProxyRules, withBuiltinChains, TEST_PROXIER_CONFIG, type EndpointSliceInput, type ServiceInput } from '../../src/kube-proxy';
import { printNftList, syncNftablesRules, TEST_NFTABLES_PROXIER_CONFIG } from '../../src/kube-proxy/nftables';
import { compileNft, parseNft } from '../../src/nftables';
import { evaluateChain, parseIptablesRestore } from '../../src/netfilter';
import { createRng } from '../../src/net/rng';
import { unwrap } from '../../src/net/result';
import { readNodeDump } from '../../src/node-trace';
import { ipv4 } from '../../src/net/ipv4';
import {
  LAB_MAX_CONNECTIONS,
  parseScenario,
  presetScenario,
  PRESETS,
  clusterEventsBackend,
  registerClusterEvents,
  registerEveryModeEngine,
  runLbLab,
  simulate,
  type Scenario,
} from '../../src/index';

// Every mode and every scenario is measured: their engines are registered as the CLI registers them.
registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 0)} ms`;
/** "median 812 ms (790-845) over 5 runs". */
const spread = (xs: number[]) => `median ${ms(median(xs))} (${ms(sorted(xs)[0]!)}-${ms(sorted(xs).at(-1)!)}) over ${xs.length} runs`;
/**
 * Runs `f` `runs` times, returning each run's milliseconds (wall clock, and CPU time of the
 * process: on a machine loaded by other work the wall clock also counts the time the process
 * waited for a core) and the last result. The previous result is dropped before each run: a
 * 320,000-rule Ruleset still alive would make the next run's garbage collector trace it too,
 * which no single parse pays.
 */
function timed<T>(runs: number, f: (run: number) => T): { times: number[]; cpu: number[]; value: T } {
  const times: number[] = [];
  const cpu: number[] = [];
  const last: { value?: T } = {};
  for (let i = 0; i < runs; i++) {
    delete last.value;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last.value = f(i);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { times, cpu, value: last.value as T };
}

// 1. simulate() on the article preset.
const article = presetScenario('article')!;
const cold = timed(1, () => simulate(article)).times[0]!;
timed(1000, (i) => simulate(article, { seed: i }));
const small = sorted(timed(1000, (i) => simulate(article, { seed: i })).times);
console.log(
  `simulate(article): median ${ms(median(small))}, p95 ${ms(small[Math.floor(small.length * 0.95)]!)} over ${small.length} runs after warm-up; first call ${ms(cold)} (goal < 2 ms)`,
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
const sync = timed(5, () => syncProxyRules(TEST_PROXIER_CONFIG, services, slices).restore);
const restore = sync.value;
const ruleCount = restore.split('\n').filter((l) => l.startsWith('-A ')).length;
console.log(
  `full sync, ${SERVICES} Services x ${ENDPOINTS} endpoints, ${ruleCount} rules: ${spread(sync.times)} (goal < 1 s); CPU time ${spread(sync.cpu)}`,
);

// 3. Parsing that ruleset, and one packet through it (evaluation never re-reads text).
const text = withBuiltinChains(restore);
const parse = timed(5, () => parseIptablesRestore(text));
const parsed = parse.value;
if (!parsed.ok) throw new Error(parsed.error);
console.log(`parse the ${ruleCount}-rule iptables-restore text: ${spread(parse.times)} (goal < 1 s); CPU time ${spread(parse.cpu)}`);
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
const env = { rng: createRng(1), now: 0, recent: {}, isLocalAddress: () => false };
const walk = () =>
  evaluateChain(parsed.value, 'nat', 'PREROUTING', { packet, mark: 0, ctstate: ['NEW'], inInterface: 'cbr0', outInterface: null }, env);
// The first packet after the parse is printed on its own: it formats the save text of every
// rule it meets (10,003 here), which later packets find ready.
const packets = timed(51, walk);
const result = packets.value;
const [firstPacket, ...laterPackets] = packets.times;
console.log(
  `one packet to the last of ${SERVICES} Services through nat PREROUTING: the first after the parse ${ms(firstPacket!)}, then ${spread(laterPackets)}; ${result.evaluated.length} rules evaluated, DNAT to ${result.packet.dstIp}:${result.packet.dstPort} (goal < 10 ms)`,
);

// 3b. A node's own dump (issue 15): 50,000 lines of iptables-save -c from iptables-nft, kube-proxy's
// rules with counters and, every 1,000 rules, a CNI rule with a match the engine does not model.
const perService = syncProxyRules(TEST_PROXIER_CONFIG, services.slice(0, 100), slices.slice(0, 100)).restore.split('\n').length / 100;
const dumpServices = Math.round(50_000 / perService);
const dumpRules = withBuiltinChains(
  syncProxyRules(TEST_PROXIER_CONFIG, services.slice(0, dumpServices), slices.slice(0, dumpServices)).restore,
);
let ruleNo = 0;
const dumpLines = dumpRules.split('\n').flatMap((l) => {
  if (!l.startsWith('-A ')) return [l];
  const counted = `[${ruleNo % 97}:${ruleNo * 61}] ${l}`;
  return ++ruleNo % 1000 === 0 ? [counted, '-A KUBE-SERVICES -m u32 --u32 "0x0>>0x16&0x3c@0x0>>0x10=0x50" -j LOG'] : [counted];
});
const nodeDump = ['# Generated by iptables-nft-save v1.8.9 (nf_tables)', ...dumpLines].join('\n');
const cpu0 = process.cpuUsage();
const dumpRead = timed(5, () => readNodeDump(nodeDump));
const cpuUsed = process.cpuUsage(cpu0);
const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000 / 5;
// The same rules without counters or CNI lines through the strict parser, for a ratio that load does not skew.
const strictRead = timed(5, () => parseIptablesRestore(dumpRules));
console.log(
  `read a ${dumpLines.length + 1}-line node dump (iptables-save -c, ${dumpRead.value.notes.length} notes): ${spread(dumpRead.times)}, ${ms(cpuMs)} CPU a run, ${(median(dumpRead.times) / median(strictRead.times)).toFixed(2)}x parseIptablesRestore of its rules (goal < 2 s)`,
);

// 3c. The same node in nftables mode: `nft -a list ruleset` of kube-proxy's table for 10,000
// Services of one endpoint each (ten make it 565,000 lines), a `# handle N` on each rule as -a
// prints it, read by node-trace's tolerant reader.
const oneEndpoint = slices.map((slice) => ({ ...slice, endpoints: slice.endpoints.slice(0, 1) }));
const nftListed = printNftList(syncNftablesRules(TEST_NFTABLES_PROXIER_CONFIG, services, oneEndpoint));
let handle = 0;
const nftDump = nftListed
  .split('\n')
  .map((l) => (/^\t\t[^\t]/.test(l) && !/^\t\t(type|comment|elements|policy|flags) /.test(l) ? `${l} # handle ${++handle}` : l))
  .join('\n');
const nftRead = timed(3, () => readNodeDump(nftDump));
// The strict parser and compiler on the same listing (without handles), for a ratio that load does not skew.
const nftStrict = timed(3, () => compileNft(unwrap(parseNft(nftListed))));
console.log(
  `read a ${nftDump.split('\n').length}-line nft list ruleset (${SERVICES} Services, ${nftRead.value.notes.length} notes): ${spread(nftRead.times)}, ${ms(median(nftRead.cpu))} CPU a run, ${(median(nftRead.times) / median(nftStrict.times)).toFixed(2)}x parseNft + compileNft`,
);

// 4. simulate() of a 10,000-Service scenario (the article's cluster, every Service selecting pod3
// and pod4, one connection to the last): here on Node's main thread, then in a worker thread
// with the trace copied back, as the page's Web Worker does.
const parsedScenario = parseScenario({
  ...PRESETS.article!,
  cluster: {
    ...PRESETS.article!.cluster,
    services: Array.from({ length: SERVICES }, (_, i) => ({
      name: `svc${i + 1}`,
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    })),
  },
  traffic: [{ from: 'pod1', to: `svc${SERVICES}`, port: 80 }],
});
if (!parsedScenario.ok) throw new Error(JSON.stringify(parsedScenario.errors.slice(0, 3)));
const big = parsedScenario.scenario;
for (const mode of ['iptables', 'ipvs', 'nftables'] as const) {
  const run = timed(5, () => simulate(big, { mode }));
  const c = run.value.connections[0]!;
  // nftables mode: one service-ips lookup finds the Service, so the count stays that of a one-Service cluster.
  const rules = mode === 'nftables' ? 'nft rules (one service-ips map lookup)' : 'iptables rules';
  console.log(
    `simulate, ${SERVICES} Services, ${mode} mode: ${spread(run.times)} (goal < 2 s); the first packet to the last Service costs ${c.cost.rulesEvaluated} ${rules} evaluated, ${c.cost.ipvsLookups} IPVS hash lookups`,
  );
}

// 5. The load-balancing lab: 10,000 new connections to three-replicas' svc1, each walked
// through the rules (iptables) or IPVS (rr), handshake included.
const replicas = presetScenario('three-replicas')!;
for (const mode of ['iptables', 'ipvs'] as const) {
  timed(1, () => runLbLab(replicas, { connections: LAB_MAX_CONNECTIONS, mode })); // warm-up
  const run = timed(5, (i) => runLbLab(replicas, { connections: LAB_MAX_CONNECTIONS, mode, seed: i }));
  const counts = run.value.ok ? run.value.value.endpoints.map((e) => e.count).join('/') : run.value.error;
  console.log(
    `lb lab, ${LAB_MAX_CONNECTIONS} connections to three-replicas, ${mode} mode: ${spread(run.times)} (goal < 2 s); counts ${counts}`,
  );
}

for (const mode of ['iptables', 'ipvs'] as const) {
  const times = await inWorkerThread(big, mode, 5);
  console.log(`simulate, ${SERVICES} Services, ${mode} mode, in a worker thread, trace copied back: ${spread(times)}`);
}

/** Posts the scenario to a worker thread `runs` times; each time is from post to the trace back here, structured-cloned. */
async function inWorkerThread(scenario: Scenario, mode: 'iptables' | 'ipvs', runs: number): Promise<number[]> {
  // The thread registers tsx itself (loader flags do not reach a worker's own imports in Node 20).
  const source = `
    import { parentPort } from 'node:worker_threads';
    import { register } from 'tsx/esm/api';
    register();
    const { clusterEventsBackend, registerClusterEvents, registerEveryModeEngine, simulate } = await import(${JSON.stringify(new URL('../../src/index.ts', import.meta.url).href)});
    registerEveryModeEngine();
    registerClusterEvents(clusterEventsBackend);
    parentPort.on('message', ({ scenario, mode }) => parentPort.postMessage(simulate(scenario, { mode })));
  `;
  const worker = new Worker(source, { eval: true });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      worker.once('message', () => resolve(performance.now() - t0));
      worker.once('error', reject);
      worker.postMessage({ scenario, mode });
    });
  try {
    await once(); // warm-up: the worker loads the engine
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    return times;
  } finally {
    await worker.terminate();
  }
}
