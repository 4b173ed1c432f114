import type { PacketStep } from '../trace/types';
import type { VerifyCommand } from './types';

const TABLE = 'ip kube-proxy';

/**
 * nftables mode: the deciding rule's chain, each named map or set the step looked a key
 * up in (`service-ips`: the Service's element), and the node's whole table, which the
 * engine prints as `nft list table ip kube-proxy` does (`listing`, when known at this step).
 */
export function nftCommands(step: PacketStep, listing: string | null): VerifyCommand[] {
  const rule = step.nftRules.find((r) => r.decided) ?? step.nftRules[step.nftRules.length - 1];
  if (!rule) return [];
  const chain: VerifyCommand = {
    id: 'nft-list-chain',
    params: { chain: rule.chain, position: rule.decided ? String(rule.position) : '' },
    command: `nft list chain ${TABLE} ${rule.chain}`,
    expected: null,
  };
  // Inline maps (`numgen … vmap { … }`) are in their rule's text; named ones are listed on their own.
  // A verdict map's lookup has a value; a set's (`@cluster-ips`) has none: nft lists each by its own keyword.
  const named = step.nftRules.flatMap((r) => r.lookups).filter((l) => l.element !== null && !l.set.includes(' '));
  const lookups = [...new Map(named.map((l) => [l.set, l.value === undefined ? 'set' : 'map'])).entries()].map(
    ([set, kind]): VerifyCommand => ({
      id: 'nft-list-set',
      params: { set, kind },
      command: `nft list ${kind} ${TABLE} ${set}`,
      expected: null,
    }),
  );
  const table: VerifyCommand = {
    id: 'nft-list-table',
    params: {},
    command: `nft list table ${TABLE}`,
    expected: listing === null ? null : { lines: listing.split('\n'), fidelity: 'same' },
  };
  return [chain, ...lookups, table];
}
