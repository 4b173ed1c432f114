import type { z } from 'zod';
import { chainHash, computeProbability, sortIptablesRules } from '../../src/kube-proxy';
import { countOf, failed, passed, unsupported, type CaseResult } from './case-result';
import { firstDifference } from './compare-text';
import { parseEntry } from './parse-entry';
import { auxiliarySchemas } from './schema';

type Tables = { readonly [K in keyof typeof auxiliarySchemas]: z.infer<(typeof auxiliarySchemas)[K]> };

function checkChainNames(id: string, names: Tables['chainNames']): CaseResult[] {
  const bad = names.find((n) => `${n.prefix}${chainHash(n.hashInput)}` !== n.expectedChain);
  if (bad) return [failed(id, `${bad.hashInput}: expected ${bad.expectedChain}, got ${bad.prefix}${chainHash(bad.hashInput)}`)];
  return [passed(id, names.length, countOf(names.length, 'chain name') ?? '')];
}

function checkProbabilities(id: string, table: Tables['computeProbability']): CaseResult[] {
  const probs = Object.entries(table.values);
  const bad = probs.find(([n, v]) => computeProbability(Number(n)) !== v);
  if (bad) return [failed(id, `n=${bad[0]}: expected ${bad[1]}, got ${computeProbability(Number(bad[0]))}`)];
  return [passed(id, probs.length, countOf(probs.length, 'probability', 'probabilities') ?? '')];
}

function checkSortCases(id: string, cases: Tables['sortNormalizationCases']): CaseResult[] {
  if (cases.length === 0) return [unsupported(id, 'nothing to compare')];
  return cases.map((s) => {
    const diff = firstDifference(s.output, sortIptablesRules(s.input));
    return diff === null ? passed(`${id}/${s.name}`, 1, '1 sorted dump') : failed(`${id}/${s.name}`, diff);
  });
}

const CHECKS: { readonly [K in keyof Tables]: (id: string, table: Tables[K]) => CaseResult[] } = {
  chainNames: checkChainNames,
  computeProbability: checkProbabilities,
  sortNormalizationCases: checkSortCases,
};

const isKnownTable = (name: string): name is keyof Tables => Object.hasOwn(CHECKS, name);

function checkTable<K extends keyof Tables>(name: K, raw: unknown): CaseResult[] {
  const id = `auxiliary.${name}`;
  const parsed = parseEntry(auxiliarySchemas[name], raw, id);
  return parsed.ok ? CHECKS[name](id, parsed.value as Tables[K]) : [parsed.result];
}

/** Checks the auxiliary tables (chain-name hashes, probabilities, sort cases); a table this runner does not know is UNSUPPORTED. */
export function runAuxiliary(auxiliary: Readonly<Record<string, unknown>> | undefined): CaseResult[] {
  return Object.entries(auxiliary ?? {}).flatMap(([name, raw]) =>
    isKnownTable(name)
      ? checkTable(name, raw)
      : [unsupported(`auxiliary.${name}`, `this runner does not read this table (it reads ${Object.keys(CHECKS).join(', ')})`)],
  );
}
