import type { ConntrackDirection } from '../conntrack';
import type { Packet } from '../net/packet';

/** conntrack's view of a packet between the hooks of one node (nf_conn + ctinfo, reduced). */
export type ConnState =
  | {
      /** First packet of a connection: the entry is unconfirmed until POSTROUTING. */
      readonly kind: 'new';
      readonly origPacket: Packet;
      readonly dnat: { readonly ip: Packet['dstIp']; readonly port: number } | null;
      /**
       * IPVS, not nf_nat, made the DNAT: with net/ipv4/vs/conntrack=1 it rewrites the
       * entry's reply tuple (ip_vs_nfct.c) but sets no NAT status, and does its own NAT.
       */
      readonly byIpvs?: boolean;
    }
  | { readonly kind: 'tracked'; readonly entryId: number; readonly direction: ConntrackDirection; readonly invalid: boolean };

/** The packet as it moves through one node's hooks, with the skb mark kube-proxy's rules set. */
export interface NetfilterPass {
  readonly packet: Packet;
  readonly mark: number;
  readonly conn: ConnState;
  readonly ctstate: readonly ('NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'SNAT' | 'DNAT')[];
}
