import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import type { PacketStep, ProxyMode } from '../trace/types';
import { chainSpec, grepTable, type SavedTable } from './iptables-save-lines';
import type { TableName } from '../netfilter/evaluated-rule';
import type { VerifyCommand } from './types';

type IndexedSave = ReadonlyMap<TableName, SavedTable>;

/** The rule that decided the step's outcome, or the last one evaluated. */
export function decidingRule(step: PacketStep): EvaluatedRule | null {
  return step.rules.find((r) => r.decided) ?? step.rules[step.rules.length - 1] ?? null;
}

/**
 * The deciding rule's chain, listed two ways: `-L -n -v --line-numbers` numbers
 * the rules (the engine's `position`) and counts the packets each matched, so
 * sending a few connections shows which rule took them; `-S` prints the chain
 * as `iptables-save` does, which the engine reproduces line for line. Then,
 * when the packet is addressed to a Service in iptables mode, every nat line
 * that names its cluster IP. `save` is the node's `iptables-save` at this step,
 * when known.
 */
export function ruleCommands(step: PacketStep, mode: ProxyMode, serviceIp: string | null, save: IndexedSave | null): VerifyCommand[] {
  const rule = decidingRule(step);
  if (!rule) return [];
  const commands = decisionChains(step, rule).flatMap((r) => chainCommands(r, r.decided || r !== rule, save));
  if (mode === 'iptables' && serviceIp !== null) {
    commands.push({
      id: 'save-grep',
      params: { ip: serviceIp },
      command: `iptables-save -t nat | grep -F ${serviceIp}`,
      expected: save === null ? null : { lines: grepTable(save, 'nat', serviceIp), fidelity: 'same' },
    });
  }
  return commands;
}

/**
 * The chains worth listing: the deciding rule's, and when that is an
 * endpoint's KUBE-SEP chain, first the KUBE-SVC (or KUBE-SVL, KUBE-EXT) chain
 * that jumped to it: the one whose statistic rules chose the endpoint.
 */
function decisionChains(step: PacketStep, rule: EvaluatedRule): EvaluatedRule[] {
  if (!rule.chain.startsWith('KUBE-SEP-')) return [rule];
  const caller = step.rules.find((r) => r.table === rule.table && r.verdict === 'jump' && r.text.endsWith(`-j ${rule.chain}`));
  return caller ? [caller, rule] : [rule];
}

/**
 * One chain listed with numbers and counters, then as `iptables-save` prints it.
 * `chose`: the rule decided the packet's fate (or jumped to the chain that did),
 * so its number is worth naming; a hook whose chains let the packet through has none.
 */
function chainCommands(rule: EvaluatedRule, chose: boolean, save: IndexedSave | null): VerifyCommand[] {
  const { table, chain } = rule;
  const spec = save === null ? null : chainSpec(save, table, chain);
  return [
    {
      id: 'chain-list',
      params: { table, chain, position: chose ? String(rule.position) : '' },
      command: `iptables -t ${table} -L ${chain} -n -v --line-numbers`,
      expected: null,
    },
    {
      id: 'chain-rules',
      params: { table, chain },
      command: `iptables -t ${table} -S ${chain}`,
      expected: spec === null ? null : { lines: spec, fidelity: 'same' },
    },
  ];
}
