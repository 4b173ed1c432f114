import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  IPVS_SCHEDULERS,
  type IpvsScheduler,
  formatConntrackSummary,
  nodeConntrackList,
  nodeIptablesSave,
  nodeIpsetList,
  nodeIpvsadm,
  nodeKubeIpvs0,
  nodeNftList,
  parseScenario,
  presetScenario,
  PRESET_NAMES,
  clusterEventsBackend,
  registerClusterEvents,
  registerEveryModeEngine,
  simulate,
  type ProxyMode,
  type Scenario,
} from '../src/index';
import { formatTraceText } from './format-trace';
import { LB_USAGE, runLbCommand } from './lb-command';
import { runTraceRulesCommand, TRACE_RULES_USAGE } from './trace-rules-command';

// The CLI runs every mode and every scenario: their engines, and control-plane events', are registered up front.
registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);

const USAGE = `usage: npm run -s cli -- <trace|rules|conntrack|ipvs|ipset|kube-ipvs0> (--preset NAME | --scenario FILE) [--mode iptables|ipvs|nftables] [--scheduler rr|wrr|lc|wlc|sh|dh|sed|nq] [--seed N] [--node NODE] [--connections] [--format text|json] [--lang en|zh]`;
const COMMANDS = ['lb', 'trace-rules', 'trace', 'rules', 'conntrack', 'ipvs', 'ipset', 'kube-ipvs0'];

class UsageError extends Error {}

function loadScenario(values: { preset?: string; scenario?: string }): Scenario {
  if (values.preset !== undefined && values.scenario !== undefined) throw new UsageError('give --preset or --scenario, not both');
  if (values.scenario !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.scenario, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read scenario ${values.scenario}: ${(e as Error).message}`);
    }
    const parsed = parseScenario(json);
    if (!parsed.ok)
      throw new UsageError(
        `invalid scenario ${values.scenario}: ${parsed.errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`,
      );
    return parsed.scenario;
  }
  const name = values.preset ?? 'article';
  const scenario = presetScenario(name);
  if (!scenario) throw new UsageError(`unknown preset "${name}"; presets: ${PRESET_NAMES.join(', ')}`);
  return scenario;
}

function run(argv: string[]): string {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return `${USAGE}\n${LB_USAGE}\n${TRACE_RULES_USAGE}`;
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"; ${USAGE}`);
  if (command === 'lb') return runLbCommand(rest, loadScenario, (message) => new UsageError(message));
  if (command === 'trace-rules') return runTraceRulesCommand(rest, (message) => new UsageError(message));
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        preset: { type: 'string' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        node: { type: 'string' },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string', default: 'en' },
        mode: { type: 'string' },
        scheduler: { type: 'string' },
        connections: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values.lang !== 'en' && values.lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${values.lang}"`);
  if (values.mode !== undefined && values.mode !== 'iptables' && values.mode !== 'ipvs' && values.mode !== 'nftables')
    throw new UsageError(`--mode must be iptables, ipvs or nftables, not "${values.mode}"`);
  if (values.scheduler !== undefined && !(IPVS_SCHEDULERS as readonly string[]).includes(values.scheduler)) {
    throw new UsageError(`--scheduler must be one of ${IPVS_SCHEDULERS.join(', ')}, not "${values.scheduler}"`);
  }
  const scheduler = values.scheduler as IpvsScheduler | undefined;
  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = /^[0-9]{1,10}$/.test(values.seed) ? Number(values.seed) : NaN;
    if (!(seed <= 0xffffffff)) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${values.seed}"`);
  }
  const loaded = loadScenario(values);
  // --scheduler sets kube-proxy's ipvs.scheduler for every view of the scenario.
  const scenario = scheduler === undefined ? loaded : { ...loaded, scheduler };
  const needsNode = command !== 'trace';
  if (needsNode && values.node === undefined)
    throw new UsageError(`${command} needs --node (one of ${scenario.cluster.nodes.map((n) => n.name).join(', ')})`);
  if (values.node !== undefined && !scenario.cluster.nodes.some((n) => n.name === values.node)) {
    throw new UsageError(`unknown node "${values.node}"; nodes: ${scenario.cluster.nodes.map((n) => n.name).join(', ')}`);
  }
  const node = values.node ?? '';
  if (command === 'rules' && values.mode === 'nftables') {
    const text = nodeNftList(scenario, node)!;
    return values.format === 'json' ? JSON.stringify({ node, nftList: text }, null, 2) : text.trimEnd();
  }
  if (command === 'rules') {
    const text = nodeIptablesSave(scenario, node, (values.mode as 'iptables' | 'ipvs' | undefined) ?? scenario.mode)!;
    return values.format === 'json' ? JSON.stringify({ node, iptablesSave: text }, null, 2) : text.trimEnd();
  }
  // The IPVS views are IPVS mode's whatever the scenario says; --mode overrides it for the rest.
  const ipvsView = command === 'ipvs' || command === 'ipset' || command === 'kube-ipvs0';
  if (ipvsView && values.mode !== undefined && values.mode !== 'ipvs')
    throw new UsageError(`${command} shows IPVS mode's state, which ${values.mode} mode does not have: drop --mode ${values.mode}`);
  const mode = ipvsView ? 'ipvs' : ((values.mode as ProxyMode | undefined) ?? scenario.mode);
  if (command === 'ipset' || command === 'kube-ipvs0') {
    const lines = (command === 'ipset' ? nodeIpsetList(scenario, node) : nodeKubeIpvs0(scenario, node)) ?? [];
    return values.format === 'json' ? JSON.stringify({ node, lines }, null, 2) : lines.join('\n');
  }
  const trace = simulate(scenario, { mode, ...(seed === undefined ? {} : { seed }) });
  if (command === 'ipvs') {
    const lines = nodeIpvsadm(scenario, trace, node, values.connections) ?? [];
    return values.format === 'json' ? JSON.stringify({ node, lines }, null, 2) : lines.join('\n');
  }
  if (command === 'conntrack') {
    const lines = nodeConntrackList(trace, node) ?? [];
    if (values.format === 'json') return JSON.stringify({ node, entries: lines }, null, 2);
    // conntrack -L prints its summary on stderr, as the real tool does.
    process.stderr.write(`${formatConntrackSummary(lines.length)}\n`);
    return lines.join('\n');
  }
  return values.format === 'json' ? JSON.stringify(trace, null, 2) : formatTraceText(trace, values.lang);
}

// `... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  const out = run(process.argv.slice(2));
  if (out) process.stdout.write(`${out}\n`);
} catch (e) {
  process.stderr.write(`packetwalk: ${(e as Error).message}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
}
