import type {
  expireIpvsConns,
  formatIpsetList,
  formatIpvsadmConnections,
  formatIpvsadmList,
  formatKubeIpvs0,
  lookupIpvsConn,
} from '../ipvs';
import type { ipsetMatches } from '../ipvs/ipset';
import type { printNftList, syncNftablesRules } from '../kube-proxy/nftables';
import type { evaluateNftHook } from '../nftables';
import type { NFTABLES_NARRATION } from '../trace/narration-nftables';
import type { IPVS_OUTSIDE_NARRATION } from '../trace/narration-ipvs-outside';
import type { ProxyMode } from '../trace/types';
import type { ipvsForwardReply, ipvsInput, ipvsRewrite } from './ipvs-hooks';
import type { syncIpvsKernel, syncIpvsNode } from './sync-ipvs-kernel';
import type { nftDnatNote, nftFilterNote, nftNoServiceNote, nftPostroutingNote, nftTrackedNote } from './nft-notes';
import type { runNftHook } from './run-nft-hook';
import type { syncNftKernel } from './sync-nft-kernel';

/** nftables mode's engine: kube-proxy's `table ip kube-proxy`, compiled and walked, and `nft list`. */
export interface NftBackend {
  /** kube-proxy's sync on one node in nftables mode. */
  readonly syncKernel: typeof syncNftKernel;
  /** kube-proxy's table from the cluster's Services and EndpointSlices. */
  readonly syncTable: typeof syncNftablesRules;
  /** A packet through a hook's base chains. */
  readonly evaluateHook: typeof evaluateNftHook;
  /** One step of the walk through the slice of a hook's base chains it stands for. */
  readonly atHook: typeof runNftHook;
  /** `nft list table ip kube-proxy`. */
  readonly printList: typeof printNftList;
  /** The walk's notes, from what the rules of `table ip kube-proxy` did, and their sentences in each language. */
  readonly notes: {
    readonly filter: typeof nftFilterNote;
    readonly noService: typeof nftNoServiceNote;
    readonly postrouting: typeof nftPostroutingNote;
    readonly tracked: typeof nftTrackedNote;
    readonly dnat: typeof nftDnatNote;
  };
  readonly narration: typeof NFTABLES_NARRATION;
}

/** IPVS mode's engine: kube-proxy's virtual servers and ipsets, and IPVS's hooks with their schedulers. */
export interface IpvsBackend {
  /** kube-proxy's sync on one node in IPVS mode. */
  readonly syncKernel: typeof syncIpvsKernel;
  /** kube-proxy's IPVS sync itself, for the node views (`ipvsadm -Ln`, `ipset list`). */
  readonly sync: typeof syncIpvsNode;
  /** A packet to a ClusterIP on kube-ipvs0: filter INPUT, then ip_vs_in. */
  readonly input: typeof ipvsInput;
  /** ip_vs_in's scheduling and rewrite, at LOCAL_IN or LOCAL_OUT. */
  readonly rewrite: typeof ipvsRewrite;
  /** ip_vs_out: a real server's reply rewritten back to the virtual server. */
  readonly forwardReply: typeof ipvsForwardReply;
  /** The IPVS connection a packet belongs to, in either direction. */
  readonly lookupConn: typeof lookupIpvsConn;
  /** The IPVS connections still alive at a moment. */
  readonly expireConns: typeof expireIpvsConns;
  /** `-m set --match-set` against one of kube-proxy's ipsets. */
  readonly ipsetMatches: typeof ipsetMatches;
  /** `ipvsadm -Ln`, `ipvsadm -Lnc`, `ipset list`, `ip addr show kube-ipvs0`. */
  readonly formatList: typeof formatIpvsadmList;
  readonly formatConnections: typeof formatIpvsadmConnections;
  readonly formatIpsets: typeof formatIpsetList;
  readonly formatKubeIpvs0: typeof formatKubeIpvs0;
  /** The sentences of IPVS mode's walks for clients outside the cluster, in each language. */
  readonly narration: typeof IPVS_OUTSIDE_NARRATION;
}

/** The engine each kube-proxy mode other than iptables needs besides the iptables one every mode uses. */
export interface ModeEngines {
  readonly nftables: NftBackend;
  readonly ipvs: IpvsBackend;
}

/**
 * The walk reaches IPVS and nftables mode's engines only through the ones registered here,
 * so that a program that never runs those modes (the page in iptables mode, before its first
 * frame) need not load them: the CLI, the simulation worker and the tests register every one
 * at start (registerEveryModeEngine), the page each when it first needs its mode.
 */
const registered: { -readonly [M in keyof ModeEngines]?: ModeEngines[M] } = {};

/** Makes a mode available to `simulate` and the node views; registering again replaces its engine. */
export function registerModeEngine<M extends keyof ModeEngines>(mode: M, engine: ModeEngines[M]): void {
  registered[mode] = engine as never;
}

/** Whether `mode` can run here (iptables mode always can). */
export const hasModeEngine = (mode: ProxyMode): boolean => mode === 'iptables' || registered[mode] !== undefined;

/** A mode's registered engine; throws, naming the fix, when nothing registered one. */
export function modeEngine<M extends keyof ModeEngines>(mode: M): ModeEngines[M] {
  const engine = registered[mode];
  if (engine === undefined)
    throw new Error(`${mode} mode's engine is not loaded: call registerEveryModeEngine() (or registerModeEngine) before using that mode`);
  return engine as ModeEngines[M];
}
