import type { Step, Trace } from '../../src/index';

/** What one packet cost the node(s) it crossed: iptables rules evaluated and IPVS lookups made. */
export interface PacketCost {
  readonly rules: number;
  readonly ipvsLookups: number;
}

const costs = new WeakMap<Trace, ReadonlyMap<string, PacketCost>>();
const keyOf = (s: Step) => `${s.connection}/${s.packet}`;

/**
 * Sums, over every step of the same packet (same connection, same packet
 * index), the iptables rules the step evaluated, and counts the steps where
 * IPVS looked the connection up (`ipvsChange`: a schedule, a template, an
 * existing connection or a reply). Computed once per trace: a packet of the
 * scale preset crosses hundreds of rules and the panel asks on every step.
 */
export function packetCost(trace: Trace, step: Step): PacketCost {
  let table = costs.get(trace);
  if (!table) {
    const sums = new Map<string, { rules: number; ipvsLookups: number }>();
    for (const s of trace.steps) {
      const sum = sums.get(keyOf(s)) ?? { rules: 0, ipvsLookups: 0 };
      sum.rules += s.rules.length;
      if (s.ipvsChange) sum.ipvsLookups += 1;
      sums.set(keyOf(s), sum);
    }
    table = sums;
    costs.set(trace, table);
  }
  return table.get(keyOf(step)) ?? { rules: 0, ipvsLookups: 0 };
}
