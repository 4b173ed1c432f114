export interface KubeIpvs0Options {
  /** The interface index `ip` prints first ("4: kube-ipvs0: ..."). */
  readonly index: number;
  /**
   * The dummy device's MAC. The kernel picks a random one (eth_hw_addr_random in
   * drivers/net/dummy.c); the default is the one of kubernetes#107662's capture.
   */
  readonly mac?: string;
}

/**
 * `ip addr show kube-ipvs0` as iproute2 prints it for kube-proxy's dummy device
 * (kubernetes#107662): `<BROADCAST,NOARP>`, `qdisc noop state DOWN` (kube-proxy never sets
 * it up; the addresses still count as local), then each address as a /32 with
 * `scope global kube-ipvs0` and infinite lifetimes, in the order they were bound.
 * iproute2 leaves a space after `group default`; it is kept. Older netlink libraries
 * also set `brd <same address>` on each /32 (kubernetes#65158); current kube-proxy does not.
 *
 * @example formatKubeIpvs0(['10.96.0.1', '10.96.0.10'], { index: 4 })[2] // "    inet 10.96.0.1/32 scope global kube-ipvs0"
 */
export function formatKubeIpvs0(addresses: readonly string[], options: KubeIpvs0Options): string[] {
  const mac = options.mac ?? '2a:ba:0a:f2:11:c8';
  return [
    `${options.index}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `,
    `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`,
    ...addresses.flatMap((a) => [`    inet ${a}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever']),
  ];
}
