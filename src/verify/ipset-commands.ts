import type { PacketStep } from '../trace/types';
import type { VerifyCommand } from './types';

/**
 * `ipset list NAME` prints one set: its block of `ipset list`, from its `Name:`
 * line to the blank line after its members.
 */
function setBlock(list: readonly string[], name: string): readonly string[] | null {
  const start = list.indexOf(`Name: ${name}`);
  if (start < 0) return null;
  const end = list.indexOf('', start);
  return list.slice(start, end < 0 ? undefined : end);
}

/**
 * In IPVS mode kube-proxy matches Services through ipsets, not one rule per
 * Service: the sets whose rules matched at this step, listed with their members.
 * `ipsets` is the node's `ipset list` at this step, when known.
 */
export function ipsetCommands(step: PacketStep, ipsets: readonly string[] | null): VerifyCommand[] {
  const names = new Set<string>();
  for (const r of step.rules) for (const m of r.text.matchAll(/--match-set (\S+) /g)) if (r.verdict !== 'no-match') names.add(m[1]!);
  return [...names].map((name) => {
    const block = ipsets === null ? null : setBlock(ipsets, name);
    return {
      id: 'ipset-list',
      params: { set: name },
      command: `ipset list ${name}`,
      expected: block === null ? null : { lines: block, fidelity: 'same-members' },
    };
  });
}
