import { parseArgs } from 'node:util';
import {
  IPVS_SCHEDULERS,
  LAB_MAX_CONNECTIONS,
  LAB_MIN_CONNECTIONS,
  runLbLab,
  type LbLabDeterminism,
  type LbLabResult,
  type ProxyMode,
  type Scenario,
} from '../src/index';

export const LB_USAGE = `usage: npm run -s cli -- lb (--preset NAME | --scenario FILE) [--mode iptables|ipvs|nftables] [--scheduler rr|wrr|lc|wlc|sh|dh|sed|nq] [--connections N (${LAB_MIN_CONNECTIONS}-${LAB_MAX_CONNECTIONS})] [--seed N] [--client POD]... [--service SVC] [--port N] [--at SECONDS] [--weight POD=N]... [--format text|json]`;

type Load = (values: { preset?: string; scenario?: string }) => Scenario;
type Fail = (message: string) => Error;

const wholeNumber = (text: string | undefined, name: string, fail: Fail, max = 0xffffffff): number | undefined => {
  if (text === undefined) return undefined;
  const n = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(n <= max)) throw fail(`${name} must be a whole number from 0 to ${max}, not "${text}"`);
  return n;
};

function parseWeights(entries: readonly string[], fail: Fail): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const entry of entries) {
    const match = /^([^=]+)=([0-9]{1,5})$/.exec(entry);
    if (!match || Number(match[2]) > 65535) throw fail(`--weight must be POD=N with N from 0 to 65535, not "${entry}"`);
    weights[match[1]!] = Number(match[2]);
  }
  return weights;
}

/** Why a run has no p-value: its counts are not independent random draws. */
const NOT_RANDOM: Readonly<Record<Exclude<LbLabDeterminism, 'random'>, string>> = {
  rr: 'rr takes the real servers in turn: no random draw',
  wrr: 'wrr takes the real servers in turn by weight: no random draw',
  'least-connection': 'the fewest active connections decide (every connection stays open): no random draw',
  hash: "the client's (sh) or destination's (dh) address decides: no random draw",
  affinity: "session affinity: every connection follows the client's first",
  single: 'one endpoint: nothing to test',
  none: 'no endpoint',
};

/** `IP:PORT POD COUNT` per endpoint, then the chi-square line: statistic, degrees of freedom, p-value (or why there is none). */
export function formatLbResult(result: LbLabResult): string {
  const lines = result.endpoints.map((e) => `${e.endpoint} ${e.pod ?? '-'} ${e.count}`);
  const { statistic, df, pValue, determinism } = result.test;
  const why = determinism === 'random' ? 'one endpoint: nothing to test' : NOT_RANDOM[determinism];
  const p = pValue !== null ? pValue.toPrecision(4) : `n/a (${why})`;
  lines.push(`chi-square ${statistic.toFixed(3)} df ${df} p-value ${p}`);
  return lines.join('\n');
}

/**
 * `lb`: the load-balancing lab. Counts per endpoint on stdout; on stderr, what did not
 * reach an endpoint and how long the connections stayed open.
 */
export function runLbCommand(args: string[], load: Load, fail: Fail): string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        preset: { type: 'string' },
        scenario: { type: 'string' },
        mode: { type: 'string' },
        scheduler: { type: 'string' },
        connections: { type: 'string', default: '1000' },
        seed: { type: 'string' },
        client: { type: 'string', multiple: true },
        service: { type: 'string' },
        port: { type: 'string' },
        at: { type: 'string' },
        weight: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
      },
    }));
  } catch (e) {
    throw fail(`${(e as Error).message.split('\n')[0] ?? 'bad arguments'}; ${LB_USAGE}`);
  }
  if (values.mode !== undefined && values.mode !== 'iptables' && values.mode !== 'ipvs' && values.mode !== 'nftables')
    throw fail(`--mode must be iptables, ipvs or nftables, not "${values.mode}"`);
  if (values.scheduler !== undefined && !(IPVS_SCHEDULERS as readonly string[]).includes(values.scheduler))
    throw fail(`--scheduler must be one of ${IPVS_SCHEDULERS.join(', ')}, not "${values.scheduler}"`);
  if (values.format !== 'text' && values.format !== 'json') throw fail(`--format must be text or json, not "${values.format}"`);
  const connections = wholeNumber(values.connections, '--connections', fail, 99_999_999)!;
  const at = values.at === undefined ? undefined : /^[0-9]+(\.[0-9]+)?$/.test(values.at) ? Number(values.at) : NaN;
  if (at !== undefined && Number.isNaN(at)) throw fail(`--at must be a second >= 0, not "${values.at}"`);
  const scenario = load(values);
  const result = runLbLab(scenario, {
    connections,
    ...(values.seed === undefined ? {} : { seed: wholeNumber(values.seed, '--seed', fail)! }),
    ...(values.mode === undefined ? {} : { mode: values.mode as ProxyMode }),
    ...(values.scheduler === undefined ? {} : { scheduler: values.scheduler as (typeof IPVS_SCHEDULERS)[number] }),
    ...(values.client === undefined ? {} : { clients: values.client }),
    ...(values.service === undefined ? {} : { service: values.service }),
    ...(values.port === undefined ? {} : { port: wholeNumber(values.port, '--port', fail, 65535)! }),
    ...(at === undefined ? {} : { at }),
    ...(values.weight === undefined ? {} : { weights: parseWeights(values.weight, fail) }),
  });
  if (!result.ok) throw fail(result.error);
  if (values.format === 'json') return JSON.stringify(result.value, null, 2);
  const r = result.value;
  if (r.unanswered > 0) process.stderr.write(`${r.unanswered} of ${r.connections} connections reached no endpoint\n`);
  process.stderr.write(
    `${r.connections} connections from ${r.clients.join(', ')} to ${r.service} ${r.servicePort}, ${r.mode}${r.scheduler ? ` ${r.scheduler}` : ''}, seed ${r.seed}: all stay open (ESTABLISHED) to the end of the run, ${r.seconds.toFixed(1)} simulated seconds\n`,
  );
  return formatLbResult(r);
}
