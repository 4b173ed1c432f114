import { minusLines } from './rules-diff';
import type { Note, ProxyMode, RulesDiff, RulesDiffTable } from './types';

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));
const unique = (items: readonly string[]) => [...new Set(items)];

/** The chains a table diff declares (`:KUBE-SEP-… - [0:0]`) with a prefix. */
const declared = (lines: readonly string[], prefix: RegExp) =>
  lines.filter((l) => l.startsWith(':') && prefix.test(l.slice(1))).map((l) => l.slice(1).split(' ')[0]!);

const SERVICE_CHAIN = /^KUBE-SV[CL]-/;

/** "KUBE-SVC-6FQZKDMVESNX7NUN (default/svc1:http 10.96.0.10:80)": a service chain, its Service port and its cluster IP, read from the diff's lines. */
function describeChain(chain: string, lines: readonly string[]): string {
  const own = lines.find((l) => l.startsWith(`-A ${chain} `) && l.includes('--comment "'));
  const port = own ? /--comment "([^" ]+)/.exec(own)?.[1] : undefined;
  const entry = lines.find((l) => l.startsWith('-A KUBE-SERVICES ') && l.endsWith(`-j ${chain}`));
  const vip = entry ? /-d (\S+)\/32 .*--dport (\d+)/.exec(entry) : null;
  const facts = [port, vip ? `${vip[1]}:${vip[2]}` : undefined].filter((x) => x !== undefined);
  return facts.length > 0 ? `${chain} (${facts.join(' ')})` : chain;
}

/**
 * What a sync did to the Services' KUBE-SVC (and KUBE-SVL) chains, from the nat
 * table's diff: chains deleted whole (the Service is gone: its KUBE-SERVICES
 * rule, the chain and its KUBE-SEP chains all go), chains created, and chains
 * kept but re-weighted (their endpoint rules rewritten, each --probability
 * recomputed for the endpoints left).
 */
export function serviceChainChanges(nat: RulesDiffTable | undefined) {
  const removed = nat?.removed ?? [];
  const added = nat?.added ?? [];
  const all = [...removed, ...added];
  const deleted = minus(declared(removed, SERVICE_CHAIN), declared(added, SERVICE_CHAIN));
  const created = minus(declared(added, SERVICE_CHAIN), declared(removed, SERVICE_CHAIN));
  const touched = unique(all.flatMap((l) => /^-A (KUBE-SV[CL]-\S+) /.exec(l)?.[1] ?? []));
  const reweighted = touched.filter((c) => !deleted.includes(c) && !created.includes(c));
  return {
    deleted: deleted.map((c) => describeChain(c, removed)),
    created: created.map((c) => describeChain(c, added)),
    reweighted: reweighted.map((c) => describeChain(c, all)),
    sepRemoved: minus(declared(removed, /^KUBE-SEP-/), declared(added, /^KUBE-SEP-/)),
    sepAdded: minus(declared(added, /^KUBE-SEP-/), declared(removed, /^KUBE-SEP-/)),
  };
}

/** `ipvsadm -Ln` lines as virtual server -> its real servers with their weights ("10.244.2.3:8080 Weight 1", after ipvsadm's column). */
function ipvsTable(lines: readonly string[]): Map<string, string[]> {
  const table = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const vs = /^(TCP|UDP|SCTP) +(\S+)/.exec(line);
    const rs = /^ +-> (\d\S+) +\S+ +(\d+)/.exec(line);
    if (vs) table.set(`${vs[1]} ${vs[2]}`, (current = []));
    else if (rs && current) current.push(`${rs[1]} Weight ${rs[2]}`);
  }
  return table;
}

/** What an IPVS sync did: virtual servers deleted and created, and those whose real servers changed. */
export function virtualServerChanges(ipvs: RulesDiff['ipvs']) {
  const before = ipvsTable(ipvs?.before ?? []);
  const after = ipvsTable(ipvs?.after ?? []);
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k)!.join() !== after.get(k)!.join());
  const diff = (k: string, a: Map<string, string[]>, b: Map<string, string[]>) => minus(a.get(k)!, b.get(k)!).map((r) => `${r} (${k})`);
  return {
    deleted: minus([...before.keys()], [...after.keys()]),
    created: minus([...after.keys()], [...before.keys()]),
    changed,
    rsRemoved: changed.flatMap((k) => diff(k, before, after)),
    rsAdded: changed.flatMap((k) => diff(k, after, before)),
  };
}

/** `chain NAME {` lines of an `nft list` text whose chain name starts with `prefix`: the chain names. */
const nftChains = (lines: readonly string[], prefix: string) =>
  lines.flatMap((l) => /^\tchain (\S+) \{$/.exec(l)?.[1] ?? []).filter((c) => c.startsWith(prefix));

/** "default/svc1/tcp/http" of `service-7CIZXSQ5-default/svc1/tcp/http` or `endpoint-FI3CCECH-default/svc1/tcp/http__10.244.2.2/8080`. */
const servicePortOf = (chain: string) => chain.replace(/^(service|endpoint)-[A-Z0-9]{8}-/, '').split('__')[0];

/**
 * What an nftables-mode sync did, from `nft list table ip kube-proxy` before and after: the
 * Services' `service-` chains deleted and created, the `endpoint-` chains removed and added,
 * and the listing's lines removed and added (as a multiset, like the iptables diff).
 */
export function nftChainChanges(nft: RulesDiff['nft']) {
  const before = nft?.before ?? [];
  const after = nft?.after ?? [];
  const epRemoved = minus(nftChains(before, 'endpoint-'), nftChains(after, 'endpoint-'));
  const epAdded = minus(nftChains(after, 'endpoint-'), nftChains(before, 'endpoint-'));
  const kept = nftChains(after, 'service-').filter((c) => nftChains(before, 'service-').includes(c));
  return {
    svcDeleted: minus(nftChains(before, 'service-'), nftChains(after, 'service-')),
    svcCreated: minus(nftChains(after, 'service-'), nftChains(before, 'service-')),
    epRemoved,
    epAdded,
    // Services kept whose endpoints changed: their numgen vmap is rewritten.
    svcRewritten: kept.filter((c) => [...epRemoved, ...epAdded].some((ep) => servicePortOf(ep) === servicePortOf(c))),
    removed: minusLines(before, after).length,
    added: minusLines(after, before).length,
  };
}

/** What a node's sync found, besides its rules diff. */
export interface SyncFacts {
  readonly node: string;
  readonly mode: ProxyMode;
  readonly diff: RulesDiff;
  /** TCP entries still pointing at a pod address nobody holds, and those addresses. */
  readonly staleTcp: number;
  readonly staleTargets: readonly string[];
  /** IPVS: real servers kept at weight 0 while their connections drain. */
  readonly draining: number;
}

/**
 * The note of a kube-proxy sync, written from what it changed:
 * `kube-proxy-sync.<iptables|ipvs|unchanged>` followed by the parts that
 * apply (iptables: deleted, created, reweighted; IPVS: vs-deleted,
 * vs-created, rs-changed; both: draining, udp-cleaned, stale-tcp), with the
 * chains, virtual servers and addresses as parameters.
 *
 * @example syncNote(facts).id // 'kube-proxy-sync.iptables.deleted'
 */
export function syncNote(facts: SyncFacts): Note {
  const { diff } = facts;
  const tables = diff.tables;
  const ipvsChanged = diff.ipvs !== null && diff.ipvs.before.join('\n') !== diff.ipvs.after.join('\n');
  const nftChanged = diff.nft !== null && diff.nft.before.join('\n') !== diff.nft.after.join('\n');
  const nft = nftChainChanges(diff.nft);
  const chains = serviceChainChanges(tables.find((t) => t.table === 'nat'));
  const vss = virtualServerChanges(diff.ipvs);
  const parts: string[] = [];
  if (tables.length === 0 && !ipvsChanged && !nftChanged) parts.push('unchanged');
  else if (facts.mode === 'nftables') {
    parts.push('nftables');
    if (nft.svcDeleted.length > 0) parts.push('nft-deleted');
    if (nft.svcCreated.length > 0) parts.push('nft-created');
    if (nft.svcRewritten.length > 0) parts.push('nft-endpoints');
  } else if (facts.mode === 'iptables') {
    parts.push('iptables');
    if (chains.deleted.length > 0) parts.push('deleted');
    if (chains.created.length > 0) parts.push('created');
    if (chains.reweighted.length > 0) parts.push('reweighted');
  } else {
    parts.push('ipvs');
    if (vss.deleted.length > 0) parts.push('vs-deleted');
    if (vss.created.length > 0) parts.push('vs-created');
    if (vss.changed.length > 0) parts.push('rs-changed');
  }
  if (facts.draining > 0) parts.push('draining');
  if (diff.conntrackDeleted.length > 0) parts.push('udp-cleaned');
  if (facts.staleTcp > 0) parts.push('stale-tcp');
  return {
    id: `kube-proxy-sync.${parts.join('.')}`,
    params: {
      node: facts.node,
      added: tables.reduce((n, t) => n + t.added.length, 0) + nft.added,
      removed: tables.reduce((n, t) => n + t.removed.length, 0) + nft.removed,
      svcDeleted: chains.deleted,
      svcCreated: chains.created,
      svcReweighted: chains.reweighted,
      sepAdded: chains.sepAdded,
      sepRemoved: chains.sepRemoved,
      vsDeleted: vss.deleted,
      vsCreated: vss.created,
      rsAdded: vss.rsAdded,
      rsRemoved: vss.rsRemoved,
      deleted: diff.conntrackDeleted.length,
      staleTcp: facts.staleTcp,
      staleTargets: facts.staleTargets,
      draining: facts.draining,
      ...(facts.mode === 'nftables'
        ? {
            nftSvcDeleted: nft.svcDeleted,
            nftSvcCreated: nft.svcCreated,
            nftSvcRewritten: nft.svcRewritten,
            epRemoved: nft.epRemoved,
            epAdded: nft.epAdded,
          }
        : {}),
    },
  };
}
