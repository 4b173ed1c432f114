import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  noteText,
  ruleDetailText,
  traceNodeDump,
  type NodeOrigin,
  type NodeTraceInput,
  type NodeTraceResult,
  type TracedRule,
} from '../src/index';

export const TRACE_RULES_USAGE =
  'usage: npm run -s cli -- trace-rules --file DUMP --src IP --dst IP --dport N [--sport N] [--proto tcp|udp|sctp] [--from pod|outside|host] [--local-ip IP]... [--ipsets FILE] [--route CIDR=DEV]... [--pod-iface NAME] [--assume-match LINE]... [--seed N] [--format text|json]';

type Fail = (message: string) => Error;

function readText(path: string, what: string, fail: Fail): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw fail(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

function port(text: string | undefined, name: string, fallback: number | undefined, fail: Fail): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const n = text !== undefined && /^[0-9]{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 65535)) throw fail(`${name} must be a port from 1 to 65535, not "${text ?? ''}"`);
  return n;
}

/** The command line read into the engine's input. */
function inputOf(args: string[], fail: Fail): { input: NodeTraceInput; json: boolean } {
  const { values: v } = parseArgs({
    args,
    strict: true,
    options: {
      file: { type: 'string' },
      src: { type: 'string' },
      dst: { type: 'string' },
      sport: { type: 'string' },
      dport: { type: 'string' },
      proto: { type: 'string', default: 'tcp' },
      from: { type: 'string', default: 'pod' },
      'local-ip': { type: 'string', multiple: true, default: [] },
      ipsets: { type: 'string' },
      route: { type: 'string', multiple: true, default: [] },
      'pod-iface': { type: 'string' },
      'assume-match': { type: 'string', multiple: true, default: [] },
      seed: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  for (const need of ['file', 'src', 'dst', 'dport'] as const) if (v[need] === undefined) throw fail(`trace-rules needs --${need}`);
  if (v.proto !== 'tcp' && v.proto !== 'udp' && v.proto !== 'sctp') throw fail(`--proto must be tcp, udp or sctp, not "${v.proto}"`);
  if (!['pod', 'outside', 'host'].includes(v.from)) throw fail(`--from must be pod, outside or host, not "${v.from}"`);
  if (v.format !== 'text' && v.format !== 'json') throw fail(`--format must be text or json, not "${v.format}"`);
  const assume = v['assume-match'].map((l) => (/^[0-9]{1,7}$/.test(l) ? Number(l) : NaN));
  if (assume.some((n) => Number.isNaN(n))) throw fail('--assume-match takes a line number');
  const input: NodeTraceInput = {
    text: readText(v.file!, 'dump', fail),
    packet: {
      src: v.src!,
      dst: v.dst!,
      sport: port(v.sport, '--sport', 40000, fail),
      dport: port(v.dport, '--dport', undefined, fail),
      protocol: v.proto,
    },
    origin: v.from as NodeOrigin,
    facts: {
      localAddresses: v['local-ip'],
      routes: v.route,
      ...(v.ipsets === undefined ? {} : { ipsetSave: readText(v.ipsets, 'ipsets', fail) }),
      ...(v['pod-iface'] === undefined ? {} : { podInterface: v['pod-iface'] }),
    },
    assumeMatching: assume,
    ...(v.seed === undefined ? {} : { seed: Number(v.seed) }),
  };
  return { input, json: v.format === 'json' };
}

/**
 * `trace-rules`: one packet through a node's own iptables-save or nft list ruleset output. Unusable input (no
 * table, an unreadable file, a bad address) throws through `fail` (exit 2).
 */
export function runTraceRulesCommand(args: string[], fail: Fail): string {
  let parsed;
  try {
    parsed = inputOf(args, fail);
  } catch (e) {
    throw fail((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const result = traceNodeDump(parsed.input);
  if (!result.ok) throw fail(result.error);
  return parsed.json ? JSON.stringify(result.value, null, 2) : formatNodeTrace(result.value);
}

const rule = (r: TracedRule): string => `line ${r.line}: ${r.text}`;

/** "10.244.1.2:40000", "[fd00:10:244:1::2]:40000" (net.JoinHostPort's form: an IPv6 address is bracketed before its port). */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

const endpoint = (p: NodeTraceResult['packetAfter']): string => `${hostPort(p.src, p.sport)} -> ${hostPort(p.dst, p.dport)} ${p.protocol}`;

/** What a pass ran: `nat PREROUTING`, or for nft `ip kube-proxy nat-prerouting (nat, priority -100) PREROUTING`. */
const passName = (p: NodeTraceResult['passes'][number]): string =>
  p.nft === undefined ? `${p.table} ${p.hook}` : `${p.nft.table} ${p.nft.chain} (${p.nft.type}, priority ${p.nft.priority}) ${p.hook}`;

/** The kind read, the path (line and verdict per rule, table by table), the deciding rule, the packet, the conntrack entry, the notes. */
export function formatNodeTrace(t: NodeTraceResult): string {
  const out: string[] = [`read: ${t.kind === 'nftables' ? 'nft list ruleset' : 'iptables-save'} output`, 'path:'];
  t.passes.forEach((pass, i) => {
    out.push(`  ${passName(pass)}: ${pass.verdict}${pass.byPolicy ? ' (policy)' : ''}`);
    for (const r of pass.rules)
      out.push(
        `    line ${String(r.line).padStart(5)}  ${r.verdict.padEnd(8)} ${r.chain} #${r.position}  ${ruleDetailText(r.detail, 'en')}`,
      );
    // The routing decision follows the last chain of PREROUTING.
    if (pass.hook === 'PREROUTING' && t.passes[i + 1]?.hook !== 'PREROUTING' && t.route !== null)
      out.push(`  routing: ${t.route.to} via ${t.route.outInterface}`);
  });
  out.push(`verdict: ${t.verdict}`);
  out.push(`deciding rule: ${t.decidingRule === null ? "none (the chains' policies decided)" : rule(t.decidingRule)}`);
  out.push(`packet: ${endpoint(t.packetBefore)}  =>  ${endpoint(t.packetAfter)}`);
  out.push(`conntrack: ${t.conntrack ?? 'no entry'}`);
  out.push(`notes (${t.notes.length}):`);
  for (const n of t.notes) out.push(`  line ${n.line}: ${n.kind}: ${noteText(n, 'en')}`);
  return out.join('\n');
}
