import type { NodeName } from '../net/ids';

/**
 * Where a command runs on a real cluster: a node's root network namespace
 * (where kube-proxy's rules, conntrack, IPVS, the bridge and the routes live),
 * a pod's network namespace on its node, or any machine with kubectl.
 */
export type VerifyPlace =
  | { readonly kind: 'node'; readonly node: NodeName }
  | { readonly kind: 'pod'; readonly node: NodeName; readonly pod: string; readonly namespace: string }
  | { readonly kind: 'cluster' };

/** What a command is for; the app words each one (with `params`) in its language. */
export type VerifyCommandId =
  | 'enter-node'
  | 'find-pod-pid'
  | 'chain-list'
  | 'chain-rules'
  | 'save-grep'
  | 'trace-add'
  | 'trace-watch'
  | 'trace-watch-legacy'
  | 'trace-remove'
  | 'nft-trace-add'
  | 'nft-trace-watch'
  | 'nft-trace-remove'
  | 'nft-list-chain'
  | 'nft-list-set'
  | 'nft-list-table'
  | 'conntrack-list'
  | 'conntrack-events'
  | 'ipvs-service'
  | 'ipvs-connections'
  | 'ipvs-list'
  | 'route-get'
  | 'bridge-fdb'
  | 'tcpdump'
  | 'ipset-list'
  | 'save-nat'
  | 'watch-slices';

/**
 * What the command prints, as the engine's own formatters print this step's
 * state. `same`: the text a real node with the same cluster prints (chain
 * names are hashes of the Service's namespace, name and port, so they match);
 * `ports-and-timers`: the same lines, but a real client picks another
 * ephemeral port and timers and counters will have moved on.
 */
export interface VerifyOutput {
  readonly lines: readonly string[];
  readonly fidelity: 'same' | 'ports-and-timers' | 'same-members';
}

/** One command to run on a real node, filled with this step's values. */
export interface VerifyCommand {
  readonly id: VerifyCommandId;
  /** The step's values the purpose names (a chain, a table, a device, an address). */
  readonly params: Readonly<Record<string, string>>;
  /** The command line, to copy as is (plain text: never markup). */
  readonly command: string;
  /** What it prints, when the engine can say; null otherwise. */
  readonly expected: VerifyOutput | null;
}

/**
 * Commands that run in one place: `enter` gets a root shell there (run once),
 * then `commands`. `topic` 'trace' is the set that follows one packet through
 * the rules: add a TRACE rule, watch, remove it.
 */
export interface VerifyGroup {
  readonly topic: 'inspect' | 'trace';
  readonly place: VerifyPlace;
  readonly enter: readonly VerifyCommand[];
  readonly commands: readonly VerifyCommand[];
}
