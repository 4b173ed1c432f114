/*
 * The `table ip kube-proxy` kube-proxy's nftables mode writes, as plain data: what the
 * kernel holds after a sync (knftables' Fake keeps the same objects). Both printers and,
 * later, the evaluator read this; nothing here knows how it is printed.
 */

/** `ip` for an IPv4 proxier, `ip6` for an IPv6 one (knftables.IPv4Family / IPv6Family). */
export type NftFamily = 'ip' | 'ip6';

/** A base chain's hook: where netfilter calls it. */
export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** What makes a chain a base chain (type, hook and numeric priority). */
export interface NftBaseChainSpec {
  readonly type: 'filter' | 'nat';
  readonly hook: NftHook;
  /** The number kube-proxy's tests print (-110, -100, 0, 100); `nft list` names some of them. */
  readonly priority: number;
}

/** One rule: its text as kube-proxy hands it to nft, and its comment without quotes. */
export interface NftRule {
  readonly text: string;
  readonly comment?: string;
}

export interface NftChain {
  readonly name: string;
  readonly base?: NftBaseChainSpec;
  readonly comment?: string;
  readonly rules: readonly NftRule[];
}

/** One set or map element: the key's parts (`172.30.0.41`, `tcp`, `80`), a verdict for maps. */
export interface NftElement {
  readonly key: readonly string[];
  /** `goto service-...`, `drop`; absent in a set. */
  readonly value?: string;
  readonly comment?: string;
}

/** A named set (`kind: 'set'`) or verdict map (`kind: 'map'`). */
export interface NftSet {
  readonly kind: 'set' | 'map';
  readonly name: string;
  /** The key type's parts: `['ipv4_addr', 'inet_proto', 'inet_service']`. */
  readonly keyType: readonly string[];
  /** Maps only: the value type (`verdict`). */
  readonly valueType?: string;
  readonly flags?: readonly string[];
  readonly timeoutSeconds?: number;
  readonly comment?: string;
  readonly elements: readonly NftElement[];
}

/** A whole table: chains and sets in the order they are created (each sorted by name, as knftables' Fake dumps them). */
export interface NftTable {
  readonly family: NftFamily;
  readonly name: string;
  readonly comment?: string;
  readonly chains: readonly NftChain[];
  /** Sets first, then maps. */
  readonly sets: readonly NftSet[];
}
