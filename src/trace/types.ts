import type { DeviceId, NodeName } from '../net/ids';
import type { StepPacket } from '../net/packet';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import type { EvaluatedNftRule } from '../nftables/evaluated-rule';

/**
 * What one step of a packet's walk did. The app switches on `kind` and never
 * re-derives network behaviour.
 */
export type PacketStepKind =
  | 'leave-pod' // the pod's eth0 hands the frame to its veth pair
  | 'veth' // the frame crosses the veth pair into the root netns, onto the bridge port
  | 'bridge' // the bridge forwards the frame to another port (L2, MAC lookup hit)
  | 'bridge-miss' // the destination is no bridge port: the frame goes up to the root netns' IP stack
  | 'hook' // a netfilter hook ran (its rules are in `rules`)
  | 'dnat' // nat PREROUTING/OUTPUT rewrote the destination (a rule decided it)
  | 'snat' // nat POSTROUTING masqueraded the source
  | 'conntrack-new' // a new connection was confirmed into the table
  | 'conntrack-hit' // a later packet matched an entry: no nat rule is evaluated
  | 'reverse-nat' // conntrack undid the NAT on a reply (source back to the Service IP)
  | 'route' // the routing decision
  | 'wire' // the packet crosses the network between nodes
  | 'arrive-node' // the packet enters a node on eth0
  | 'deliver' // the packet reaches the destination pod's eth0
  | 'reject' // a REJECT rule (or IPVS with no real server) refused the packet
  | 'icmp-error' // the refusing node sends ICMP port unreachable back, a packet it generates itself
  | 'socket-error' // the ICMP error reaches the sender, whose socket fails: connect() gets ECONNREFUSED
  | 'drop'; // the packet was dropped

/** What one control-plane step did; no packet moves. */
export type ControlPlaneStepKind =
  | 'api-event' // the API server records a change (a pod deleted, a Service created...)
  | 'kube-proxy-sync'; // kube-proxy on a node resyncs its rules (see `rulesDiff`)

/** Every kind of step: a packet's hop or decision, or a control-plane event. */
export type StepKind = PacketStepKind | ControlPlaneStepKind;

export type NetfilterHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/** The article's two figures and their numbered steps. */
export type Figure = 'pod-to-service' | 'service-to-pod';
export interface Stage {
  readonly figure: Figure;
  /** 1..5 for pod-to-service, 1..4 for service-to-pod. */
  readonly n: number;
}

/**
 * A translatable message: the app looks `id` up in its strings and fills in
 * `params`. A list is joined the way the language writes lists ("a, b" in
 * English, "a、b" in Chinese; "∅" when empty).
 */
export interface Note {
  readonly id: string;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

/** One conntrack entry as `conntrack -L` prints it. */
export interface ConntrackLine {
  readonly id: number;
  readonly text: string;
}

/** A node's conntrack table after a step. */
export interface NodeConntrack {
  readonly node: NodeName;
  readonly entries: readonly ConntrackLine[];
}

/** What happened to conntrack at this step, if anything. */
export interface ConntrackChange {
  readonly node: NodeName;
  readonly entryId: number;
  readonly change: 'new' | 'update' | 'hit';
  /** TCP state before and after ("SYN_SENT" -> "SYN_RECV"); empty for UDP. */
  readonly from: string;
  readonly to: string;
}

/** The packet a step moves: one of the connection's, or the ICMP error a refused one brought back. */
export type PacketLabel = 'SYN' | 'SYN-ACK' | 'ACK' | 'request' | 'reply' | 'ICMP';

/** A step's label: its packet, or 'control-plane' for api-event and kube-proxy-sync steps, which move none. */
export type StepLabel = PacketLabel | 'control-plane';

/** One table's change in a kube-proxy sync: lines as `iptables-save` prints them. */
export interface RulesDiffTable {
  readonly table: 'filter' | 'nat';
  /** Lines only after the sync (`:KUBE-SEP-… - [0:0]` chain declarations and `-A …` rules), in iptables-save order. */
  readonly added: readonly string[];
  /** Lines only before the sync, in iptables-save order. */
  readonly removed: readonly string[];
}

/**
 * What one kube-proxy sync changed on its node: the kernel's tables before and
 * after, diffed line by line in `iptables-save` syntax (the node's whole filter
 * and nat tables, built-in chains included, as `iptables-save` would print them;
 * not kube-proxy's restore input), the IPVS table in IPVS mode, and the
 * conntrack entries kube-proxy's stale-UDP cleanup deleted.
 */
export interface RulesDiff {
  /** Only the tables that changed (filter before nat, iptables-save's order). */
  readonly tables: readonly RulesDiffTable[];
  /** IPVS mode: `ipvsadm -Ln` before and after the sync; null in iptables mode. */
  readonly ipvs: { readonly before: readonly string[]; readonly after: readonly string[] } | null;
  /** nftables mode: `nft list table ip kube-proxy` before and after the sync, line by line; null in the other modes. */
  readonly nft: { readonly before: readonly string[]; readonly after: readonly string[] } | null;
  /** Entries conntrack.CleanStaleEntries deleted, as `conntrack -L` printed them just before. */
  readonly conntrackDeleted: readonly ConntrackLine[];
}

/**
 * kube-proxy's mode: iptables rules, IPVS virtual servers (with a few iptables rules and
 * ipsets), or nftables (`table ip kube-proxy`, with verdict maps; no iptables rules).
 */
export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

/** A node's IPVS state after a step, as its tools print it (IPVS mode only). */
export interface NodeIpvs {
  readonly node: NodeName;
  /** `ipvsadm -Ln`, line by line, banner and headers included. */
  readonly table: readonly string[];
  /** `ipvsadm -Lnc`, line by line. */
  readonly connections: readonly string[];
}

/** What IPVS did at this step, if anything. */
export interface IpvsChange {
  readonly node: NodeName;
  /** The virtual server as `ipvsadm -Ln` names it: "TCP  10.96.0.10:80". */
  readonly virtualServer: string;
  /** The real server, "10.244.2.3:8080". */
  readonly realServer: string;
  readonly scheduler: string;
  /**
   * 'scheduled': a new connection, the scheduler chose the real server;
   * 'persistent': a persistence template (sessionAffinity) chose it;
   * 'existing': a later packet of a known IPVS connection;
   * 'reply': IPVS rewrote a reply's source back to the virtual server.
   */
  readonly change: 'scheduled' | 'persistent' | 'existing' | 'reply';
}

/** What every step has: where it happens, the tables after it, its narration, its time. */
interface StepCommon {
  readonly index: number;
  /** The node whose namespaces the step happens in; null on the wire and at the API server. */
  readonly node: NodeName | null;
  /** Where the step starts, and where it moves the packet (a control-plane step stays where it is). */
  readonly at: DeviceId;
  readonly to: DeviceId;
  /** Every node's conntrack table after the step. */
  readonly conntrack: readonly NodeConntrack[];
  /** The step's node's IPVS tables after the step (IPVS mode, steps on a node); null otherwise. */
  readonly ipvs: NodeIpvs | null;
  readonly note: Note;
  /** Simulated seconds since the scenario started. */
  readonly time: number;
}

/** One hop or decision of a packet's walk, as plain readonly data. */
export interface PacketStep extends StepCommon {
  readonly kind: PacketStepKind;
  /** Index of the connection in the scenario's traffic. */
  readonly connection: number;
  /** Index of the packet within its connection (0 = SYN or request). */
  readonly packet: number;
  readonly label: PacketLabel;
  /** 'original' for client -> server packets, 'reply' for server -> client. */
  readonly direction: 'original' | 'reply';
  readonly hook: NetfilterHook | null;
  readonly before: StepPacket;
  readonly after: StepPacket;
  /** The iptables rules evaluated at this step, in evaluation order (none in nftables mode: kube-proxy writes none). */
  readonly rules: readonly EvaluatedRule[];
  /**
   * nftables mode: the rules of `table ip kube-proxy` evaluated at this step's hook, in
   * evaluation order, with their map and set lookups; empty in the other modes and on steps
   * at no hook.
   */
  readonly nftRules: readonly EvaluatedNftRule[];
  readonly conntrackChange: ConntrackChange | null;
  readonly ipvsChange: IpvsChange | null;
  /** Always null: only a kube-proxy sync changes rules (kept so a packet step's JSON has every field it always had). */
  readonly rulesDiff: null;
  /** The article's step this one belongs to; null where the article's story does not go (a refused connection, an ICMP error). */
  readonly stage: Stage | null;
  /**
   * How the article tells this step, where that differs from what the kernel
   * does: set only in the article's own scenario, on the steps its figures
   * draw (the bridge handing the packet up, the DNAT, the un-DNAT).
   */
  readonly articleNote: Note | null;
}

/** A control-plane event (an API change, a kube-proxy resync on one node): no packet moves. */
export interface ControlPlaneStep extends StepCommon {
  readonly kind: ControlPlaneStepKind;
  readonly label: 'control-plane';
  /** kube-proxy-sync steps: what the sync changed on the node; null for api-event steps. */
  readonly rulesDiff: RulesDiff | null;
}

/**
 * One step of a trace: a packet's hop or decision, or a control-plane event.
 * Narrow on `kind` (or with `isPacketStep`) before reading a packet.
 */
export type Step = PacketStep | ControlPlaneStep;

/** The walk of a connection: who talked to whom and where it ended. */
export interface ConnectionSummary {
  readonly index: number;
  readonly client: string;
  readonly service: string;
  /** The endpoint the first packet was DNATed to ("10.244.2.3:8080"), or null. */
  readonly endpoint: string | null;
  readonly endpointPod: string | null;
  readonly outcome: 'established' | 'answered' | 'rejected' | 'dropped';
  /**
   * What the first packet cost the kernels it crossed: rules evaluated (all hooks,
   * all nodes; iptables rules, and in nftables mode the nft rules of `table ip
   * kube-proxy`, each counted once whatever lookups it made) and IPVS hash lookups
   * (ip_vs_conn_in_get, ip_vs_service_find...). iptables mode walks KUBE-SERVICES
   * rule by rule, so its count grows with the number of Services; nftables mode
   * looks the Service up in one verdict map (`@service-ips`), and IPVS in a hash:
   * theirs does not.
   */
  readonly cost: { readonly rulesEvaluated: number; readonly ipvsLookups: number };
  readonly firstStep: number;
  readonly lastStep: number;
}

/** The cluster a trace ran in, with every address resolved, for drawing it. */
export interface Topology {
  readonly clusterCidr: string;
  readonly serviceCidr: string;
  readonly nodes: readonly {
    readonly name: NodeName;
    readonly ip: string;
    readonly podCidr: string;
    /** cbr0's address: the pods' default gateway. */
    readonly bridgeIp: string;
    /** Addresses bound to the dummy device kube-ipvs0 (IPVS mode: every ClusterIP, as /32); empty in iptables mode. */
    readonly ipvsAddresses: readonly string[];
  }[];
  readonly pods: readonly {
    readonly name: string;
    readonly namespace: string;
    readonly node: NodeName;
    readonly ip: string;
    /** The root-namespace end of its veth pair ("veth0"): device `<node>/<veth>`. */
    readonly veth: string;
    readonly ready: boolean;
    readonly labels: Readonly<Record<string, string>>;
  }[];
  readonly services: readonly {
    readonly namespace: string;
    readonly name: string;
    readonly clusterIP: string;
    readonly ports: readonly {
      readonly name: string;
      readonly port: number;
      readonly protocol: string;
      readonly targetPort: number | string;
    }[];
    /** The pods behind it that are ready (kube-proxy's endpoints). */
    readonly endpoints: readonly string[];
  }[];
}

/** Everything `simulate` recorded: plain JSON, safe to snapshot, compare or send. */
export interface Trace {
  readonly scenarioName: string;
  readonly seed: number;
  readonly mode: ProxyMode;
  /** IPVS mode's scheduler ("rr"); null in iptables mode. */
  readonly scheduler: string | null;
  /**
   * Every pod and Service the trace saw, each with its latest state: a place
   * in the drawing for everything. What existed at a given step is in `epochs`.
   */
  readonly topology: Topology;
  /**
   * The cluster as it was from each control-plane event on: the first epoch
   * starts at step 0; each event's first step starts the next one. Use
   * `topologyAt(trace, step)`.
   */
  readonly epochs: readonly { readonly fromStep: number; readonly topology: Topology }[];
  readonly steps: readonly Step[];
  readonly connections: readonly ConnectionSummary[];
}

/** A position in the trace: a step and how far (0 <= t < 1) the packet is along it. */
export interface Cursor {
  readonly step: number;
  readonly t: number;
}

/** What is on screen at a cursor. */
export interface Frame {
  readonly step: Step;
  readonly stepIndex: number;
  readonly from: DeviceId;
  readonly to: DeviceId;
  /** 0..1 along the edge from `from` to `to`. */
  readonly progress: number;
  /**
   * The packet as drawn during the step: the step's result (`step.after`), as
   * the article's figures show a step with its rewrite already on the card.
   * Panels compare it with `step.before`. Null on a control-plane step, which moves no packet.
   */
  readonly packet: StepPacket | null;
}
