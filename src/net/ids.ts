/** Branded identifiers: a node name cannot be passed where a pod name is meant. */
export type NodeName = string & { readonly __brand: 'NodeName' };
export type PodName = string & { readonly __brand: 'PodName' };
/**
 * A device on the drawing: "vm1/eth0", "vm1/cbr0", "vm1/veth0", "pod1/eth0",
 * "vm1/kube-ipvs0", or "net" for the wire between nodes.
 */
export type DeviceId = string & { readonly __brand: 'DeviceId' };

export const nodeName = (s: string) => s as NodeName;
export const podName = (s: string) => s as PodName;
export const deviceId = (s: string) => s as DeviceId;
