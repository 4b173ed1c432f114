import type { NodeOrigin, NodeTraceInput } from '../../src/node-trace';
import { parseIpv4 } from '../../src/net/ipv4';
import { looksLikeIpv6, parseIpv6 } from '../../src/net/ipv6';

/** The form as typed: every field a string, checked only when the person asks for a trace. */
export interface NodeDraft {
  readonly text: string;
  readonly src: string;
  readonly dst: string;
  readonly sport: string;
  readonly dport: string;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly origin: NodeOrigin;
  /** The node's own addresses (IPv4 and IPv6), separated by spaces or commas; the first of each family is eth0's. */
  readonly localAddresses: string;
  readonly podInterface: string;
  readonly ipsetSave: string;
}

export const EMPTY_DRAFT: NodeDraft = {
  text: '',
  src: '',
  dst: '',
  sport: '40000',
  dport: '',
  protocol: 'tcp',
  origin: 'pod',
  localAddresses: '',
  podInterface: '',
  ipsetSave: '',
};

/** What is wrong with a field, for the message next to it: the words are the page's (both languages). */
export type FieldProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'families' }
  | { readonly kind: 'not-ip'; readonly value: string }
  | { readonly kind: 'port' }
  | { readonly kind: 'interface' };

export type DraftField = 'text' | 'src' | 'dst' | 'sport' | 'dport' | 'localAddresses' | 'podInterface';

export type DraftProblems = Partial<Record<DraftField, FieldProblem>>;

/** What each group of the node form's fields is given. */
export interface DraftFieldsProps<T> {
  readonly t: T;
  readonly draft: NodeDraft;
  readonly problems: DraftProblems;
  readonly onChange: (patch: Partial<NodeDraft>) => void;
}

/** An IPv4 or IPv6 address in its canonical form ("10.244.1.02" -> "10.244.1.2", "FD00:0:0::1" -> "fd00::1"); null when it is neither. */
function parseAddress(value: string): string | null {
  const p = looksLikeIpv6(value) ? parseIpv6(value) : parseIpv4(value);
  return p.ok ? p.value : null;
}

function addressProblem(value: string): FieldProblem | undefined {
  if (value === '') return { kind: 'required' };
  return parseAddress(value) === null ? { kind: 'not-ip', value } : undefined;
}

function portProblem(value: string): FieldProblem | undefined {
  if (value === '') return { kind: 'required' };
  const n = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
  return n >= 1 && n <= 65535 ? undefined : { kind: 'port' };
}

export const splitAddresses = (value: string): string[] => value.split(/[\s,]+/).filter((a) => a !== '');

/**
 * The draft checked field by field: either the trace's input (addresses canonical, ports
 * numbers) or the problems, each for the message beside its field.
 */
export function checkDraft(
  d: NodeDraft,
): { readonly ok: true; readonly input: NodeTraceInput } | { readonly ok: false; readonly problems: DraftProblems } {
  const problems: DraftProblems = {};
  // A test, not trim(): trim copies a pasted dump of megabytes.
  if (!/\S/.test(d.text)) problems.text = { kind: 'required' };
  const fields = { src: d.src.trim(), dst: d.dst.trim(), sport: d.sport.trim(), dport: d.dport.trim() };
  const src = addressProblem(fields.src);
  const dst = addressProblem(fields.dst);
  const sport = portProblem(fields.sport);
  const dport = portProblem(fields.dport);
  if (src) problems.src = src;
  if (dst) problems.dst = dst;
  else if (!src && looksLikeIpv6(fields.src) !== looksLikeIpv6(fields.dst)) problems.dst = { kind: 'families' };
  if (sport) problems.sport = sport;
  if (dport) problems.dport = dport;
  const local = splitAddresses(d.localAddresses);
  const badLocal = local.map((a) => addressProblem(a)).find((p) => p !== undefined);
  if (badLocal) problems.localAddresses = badLocal;
  const podInterface = d.podInterface.trim();
  if (podInterface !== '' && !/^[A-Za-z0-9_.:@+-]{1,15}$/.test(podInterface)) problems.podInterface = { kind: 'interface' };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const canonical = (a: string) => parseAddress(a) ?? a;
  return {
    ok: true,
    input: {
      text: d.text,
      packet: {
        src: canonical(fields.src),
        dst: canonical(fields.dst),
        sport: Number(fields.sport),
        dport: Number(fields.dport),
        protocol: d.protocol,
      },
      origin: d.origin,
      facts: {
        localAddresses: local.map(canonical),
        ...(d.ipsetSave.trim() === '' ? {} : { ipsetSave: d.ipsetSave }),
        ...(podInterface === '' ? {} : { podInterface }),
      },
    },
  };
}
