import type { Ipv4 } from '../../../src/net/ipv4';
import type { Packet, Protocol } from '../../../src/net/packet';
import { createRng, type Rng } from '../../../src/net/rng';
import type { CtState } from '../../../src/netfilter/match-types';
import type { EvaluateEnv, PacketContext } from '../../../src/netfilter/evaluate';
import type { RecentLists } from '../../../src/netfilter/recent-lists';

/**
 * A node's nat and filter rules in kube-proxy's restore-input form (reference sections
 * 2, 5-8, 11): default/web with three endpoints (the section 5 example), ns5/affine with
 * ClientIP affinity and two endpoints, and ns6/empty without endpoints.
 */
export const NODE_RULES = `*filter
:KUBE-SERVICES - [0:0]
-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A KUBE-SERVICES -m comment --comment "ns6/empty:p80 has no endpoints" -m tcp -p tcp -d 10.96.0.60 --dport 80 -j REJECT
COMMIT
*nat
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SVC-CDGGSHYLG3RE2FKL - [0:0]
:KUBE-SEP-2AZ33KU3V5PGPQZH - [0:0]
:KUBE-SEP-S6MED44EIXKDZQ2I - [0:0]
:KUBE-SEP-SS2T4ADR43IYLGAO - [0:0]
:KUBE-SVC-AFFINE - [0:0]
:KUBE-SEP-AFF1 - [0:0]
:KUBE-SEP-AFF2 - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.0.50 --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL
-A KUBE-SERVICES -m comment --comment "ns5/affine:p80 cluster IP" -m tcp -p tcp -d 10.96.0.55 --dport 80 -j KUBE-SVC-AFFINE
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.0.50 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.3:8080" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-2AZ33KU3V5PGPQZH
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.10.9:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-S6MED44EIXKDZQ2I
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.4:8080" -j KUBE-SEP-SS2T4ADR43IYLGAO
-A KUBE-SEP-2AZ33KU3V5PGPQZH -m comment --comment default/web:http -s 10.244.1.3 -j KUBE-MARK-MASQ
-A KUBE-SEP-2AZ33KU3V5PGPQZH -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination 10.244.1.3:8080
-A KUBE-SEP-S6MED44EIXKDZQ2I -m comment --comment default/web:http -s 10.244.10.9 -j KUBE-MARK-MASQ
-A KUBE-SEP-S6MED44EIXKDZQ2I -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination 10.244.10.9:8080
-A KUBE-SEP-SS2T4ADR43IYLGAO -m comment --comment default/web:http -s 10.244.2.4 -j KUBE-MARK-MASQ
-A KUBE-SEP-SS2T4ADR43IYLGAO -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination 10.244.2.4:8080
-A KUBE-SVC-AFFINE -m comment --comment "ns5/affine:p80 -> 10.244.3.1:80" -m recent --name KUBE-SEP-AFF1 --rcheck --seconds 10800 --reap -j KUBE-SEP-AFF1
-A KUBE-SVC-AFFINE -m comment --comment "ns5/affine:p80 -> 10.244.3.2:80" -m recent --name KUBE-SEP-AFF2 --rcheck --seconds 10800 --reap -j KUBE-SEP-AFF2
-A KUBE-SVC-AFFINE -m comment --comment "ns5/affine:p80 -> 10.244.3.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-AFF1
-A KUBE-SVC-AFFINE -m comment --comment "ns5/affine:p80 -> 10.244.3.2:80" -j KUBE-SEP-AFF2
-A KUBE-SEP-AFF1 -m comment --comment ns5/affine:p80 -m recent --name KUBE-SEP-AFF1 --set -m tcp -p tcp -j DNAT --to-destination 10.244.3.1:80
-A KUBE-SEP-AFF2 -m comment --comment ns5/affine:p80 -m recent --name KUBE-SEP-AFF2 --set -m tcp -p tcp -j DNAT --to-destination 10.244.3.2:80
COMMIT
`;

export function packet(src: string, dst: string, dstPort: number, protocol: Protocol = 'tcp'): Packet {
  return {
    srcMac: '02:00:00:00:00:01',
    dstMac: '02:00:00:00:00:02',
    srcIp: src as Ipv4,
    dstIp: dst as Ipv4,
    protocol,
    srcPort: 40000,
    dstPort,
    flags: protocol === 'tcp' ? ['SYN'] : [],
    ttl: 64,
  };
}

export function context(p: Packet, overrides: Partial<PacketContext> = {}): PacketContext {
  const ctstate: readonly CtState[] = ['NEW'];
  return { packet: p, mark: 0, ctstate, inInterface: 'cali0', outInterface: null, ...overrides };
}

/** An rng that counts its draws, to check one draw per statistic match reached. */
export function countingRng(seed: number): Rng & { draws: () => number } {
  const inner = createRng(seed);
  let n = 0;
  return {
    nextU32: () => {
      n++;
      return inner.nextU32();
    },
    nextInt: (a, b) => inner.nextInt(a, b),
    draws: () => n,
  };
}

export function env(seed: number, overrides: Partial<EvaluateEnv> = {}): EvaluateEnv {
  const recent: RecentLists = {};
  return { rng: createRng(seed), now: 1000, recent, isLocalAddress: (ip) => ip === '192.168.0.2' || ip === '127.0.0.1', ...overrides };
}
