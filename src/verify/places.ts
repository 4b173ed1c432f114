import type { NodeName } from '../net/ids';
import type { Topology } from '../trace/types';
import type { VerifyCommand, VerifyPlace } from './types';

/**
 * A root shell in a node's own namespaces without logging in: `kubectl debug
 * node/NAME` runs a pod in the host's network and PID namespaces with the host's
 * filesystem at /host; `--profile=sysadmin` makes it privileged, which iptables,
 * conntrack and ipvsadm need; `chroot /host` runs the node's own binaries, so
 * iptables speaks the node's backend (nft or legacy). ssh to the node does as well.
 */
function enterNode(node: NodeName): VerifyCommand {
  return {
    id: 'enter-node',
    params: { node },
    command: `kubectl debug node/${node} -it --profile=sysadmin --image=busybox -- chroot /host`,
    expected: null,
  };
}

/**
 * A pod's network namespace, from a shell on its node: the CRI runtime knows
 * the pod sandbox's process, whose namespace `nsenter -t "$PID" -n` then enters
 * (the names are regular expressions to crictl, hence the anchors).
 */
function findPodPid(pod: string, namespace: string): VerifyCommand {
  const sandbox = `crictl pods -q --state ready --name '^${pod}$' --namespace '^${namespace}$'`;
  return {
    id: 'find-pod-pid',
    params: { pod },
    command: `PID=$(crictl inspectp --output go-template --template '{{.info.pid}}' "$(${sandbox})")`,
    expected: null,
  };
}

/** What to run once to be where the commands run. */
export function enterCommands(place: VerifyPlace): VerifyCommand[] {
  if (place.kind === 'node') return [enterNode(place.node)];
  if (place.kind === 'pod') return [enterNode(place.node), findPodPid(place.pod, place.namespace)];
  return [];
}

/** A command run inside a pod's network namespace, with the node's binaries. */
export const inPod = (command: string) => `nsenter -t "$PID" -n ${command}`;

/** The pod whose eth0 a device id names ("pod1/eth0"), as it was at that step; null for a node's device. */
export function podPlace(topology: Topology, device: string): VerifyPlace | null {
  const [name, dev] = device.split('/');
  if (dev !== 'eth0') return null;
  const pod = topology.pods.find((p) => p.name === name);
  return pod ? { kind: 'pod', node: pod.node, pod: pod.name, namespace: pod.namespace } : null;
}
