import { filterHook, type FilterVerdict } from './filter-hook';
import type { NetfilterPass } from './netfilter-pass';
import { device, type RecordStep } from './step-draft';
import type { NodeKernel, World } from './world';

/** filter OUTPUT for the packet IPVS re-injected at LOCAL_OUT (nat OUTPUT is skipped: the connection's destination NAT is already set up). */
export function outputAfterIpvs(world: World, kernel: NodeKernel, pass: NetfilterPass, outDev: string, record: RecordStep): FilterVerdict {
  const node = kernel.node.name;
  const at = device(node, 'OUTPUT');
  return filterHook(
    world,
    kernel,
    pass,
    'OUTPUT',
    { inDev: null, outDev },
    { at, to: () => device(node, 'POSTROUTING') },
    () => ({ id: 'output.after-ipvs', params: { node } }),
    record,
  ).verdict;
}
