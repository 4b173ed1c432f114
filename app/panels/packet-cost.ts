import { isPacketStep, type PacketStep, type Trace } from '../../src/index';

/** What one packet cost the node(s) it crossed: iptables rules evaluated and IPVS lookups made. */
export interface PacketCost {
  readonly rules: number;
  /** Steps where IPVS looked the packet up and acted on it (schedule, template, existing connection, reply). */
  readonly ipvsSteps: number;
  /**
   * The kernel's IPVS hash lookups for the packet (connection table and virtual
   * server table), as the engine counted them for a connection's first packet
   * (`ConnectionSummary.cost`); null for later packets, which the engine does not count.
   */
  readonly hashLookups: number | null;
  /** nftables mode: the rules of `table ip kube-proxy` evaluated, and the set and map lookups among them. */
  readonly nftRules: number;
  readonly nftLookups: number;
}

type Sum = Omit<PacketCost, 'hashLookups'>;

const costs = new WeakMap<Trace, ReadonlyMap<string, Sum>>();
const keyOf = (s: PacketStep) => `${s.connection}/${s.packet}`;

/**
 * Sums, over every step of the same packet (same connection, same packet
 * index), the iptables rules the step evaluated, and counts the steps where
 * IPVS looked the connection up (`ipvsChange`: a schedule, a template, an
 * existing connection or a reply). The first packet's hash lookups come from
 * the engine, never re-derived here. Computed once per trace: a packet of the
 * scale preset crosses hundreds of rules and the panel asks on every step.
 */
export function packetCost(trace: Trace, step: PacketStep): PacketCost {
  let table = costs.get(trace);
  if (!table) {
    const sums = new Map<string, { -readonly [K in keyof Sum]: number }>();
    for (const s of trace.steps.filter(isPacketStep)) {
      const sum = sums.get(keyOf(s)) ?? { rules: 0, ipvsSteps: 0, nftRules: 0, nftLookups: 0 };
      sum.rules += s.rules.length;
      sum.nftRules += s.nftRules.length;
      sum.nftLookups += s.nftRules.reduce((n, r) => n + r.lookups.length, 0);
      if (s.ipvsChange) sum.ipvsSteps += 1;
      sums.set(keyOf(s), sum);
    }
    table = sums;
    costs.set(trace, table);
  }
  const sum = table.get(keyOf(step)) ?? { rules: 0, ipvsSteps: 0, nftRules: 0, nftLookups: 0 };
  const engine = step.packet === 0 && trace.mode === 'ipvs' ? (trace.connections[step.connection]?.cost.ipvsLookups ?? null) : null;
  return { ...sum, hashLookups: engine };
}
