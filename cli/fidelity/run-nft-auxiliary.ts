import type { z } from 'zod';
import {
  endpointChainNameBase,
  nftEndpointNames,
  nftServicePortChains,
  servicePortChainNameBase,
  sortNftTransaction,
} from '../../src/kube-proxy/nftables';
import { countOf, failed, passed, unsupported, type CaseResult } from './case-result';
import { firstDifference } from './compare-text';
import { nftAuxiliarySchemas } from './nft-schema';
import { parseEntry } from './parse-entry';

type Tables = { readonly [K in keyof typeof nftAuxiliarySchemas]: z.infer<(typeof nftAuxiliarySchemas)[K]> };

function baseOf(n: Tables['chainNames'][number]): string {
  const key = `${n.namespace}/${n.service}`;
  return n.kind === 'endpoint'
    ? endpointChainNameBase(key, n.protocol, n.portName, n.endpoint ?? '')
    : servicePortChainNameBase(key, n.protocol, n.portName);
}

function checkChainNames(id: string, names: Tables['chainNames']): CaseResult[] {
  const bad = names.find((n) => baseOf(n) !== n.expectedBase);
  if (bad) return [failed(id, `${bad.namespace}/${bad.service} ${bad.endpoint ?? ''}: expected ${bad.expectedBase}, got ${baseOf(bad)}`)];
  return [passed(id, names.length, countOf(names.length, 'chain name') ?? '')];
}

/** The prefixes the rules list are exactly the ones the generator puts on a service port's and an endpoint's names. */
function checkPrefixes(id: string, rules: Tables['chainNameRules']): CaseResult[] {
  const chains = nftServicePortChains('ns/svc', 'tcp', 'p');
  const endpoint = nftEndpointNames('ns/svc', 'tcp', 'p', '10.0.0.1:80');
  const made = [...Object.values(chains), endpoint.chain, endpoint.affinitySet].map((name) => name.slice(0, name.indexOf('-') + 1));
  const listed = Object.keys(rules.prefixes);
  const missing = listed.filter((p) => !made.includes(p));
  const extra = made.filter((p) => !listed.includes(p));
  if (missing.length > 0 || extra.length > 0) {
    return [failed(id, `prefixes: the corpus lists ${listed.join(' ')}, the generator makes ${made.join(' ')}`)];
  }
  return [passed(id, listed.length, `${listed.length} name prefixes`)];
}

function checkSortCases(id: string, cases: Tables['sortNormalizationCases']): CaseResult[] {
  if (cases.length === 0) return [unsupported(id, 'nothing to compare')];
  return cases.map((s) => {
    const diff = firstDifference(s.output, sortNftTransaction(s.input));
    return diff === null ? passed(`${id}/${s.name}`, 1, '1 sorted transaction') : failed(`${id}/${s.name}`, diff);
  });
}

const CHECKS: { readonly [K in keyof Tables]: (id: string, table: Tables[K]) => CaseResult[] } = {
  chainNames: checkChainNames,
  chainNameRules: checkPrefixes,
  sortNormalizationCases: checkSortCases,
};

const isKnownTable = (name: string): name is keyof Tables => Object.hasOwn(CHECKS, name);

function checkTable<K extends keyof Tables>(name: K, raw: unknown): CaseResult[] {
  const id = `auxiliary.${name}`;
  const parsed = parseEntry(nftAuxiliarySchemas[name], raw, id);
  return parsed.ok ? CHECKS[name](id, parsed.value as Tables[K]) : [parsed.result];
}

/** Checks the nftables corpus' auxiliary tables (chain-name hashes, name prefixes, the tests' sort); an unknown table is UNSUPPORTED. */
export function runNftAuxiliary(auxiliary: Readonly<Record<string, unknown>> | undefined): CaseResult[] {
  return Object.entries(auxiliary ?? {}).flatMap(([name, raw]) =>
    isKnownTable(name)
      ? checkTable(name, raw)
      : [unsupported(`auxiliary.${name}`, `this runner does not read this table (it reads ${Object.keys(CHECKS).join(', ')})`)],
  );
}
