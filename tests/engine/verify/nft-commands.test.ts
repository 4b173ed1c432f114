import { describe, expect, it } from 'vitest';
import { isPacketStep, nodeNftList, presetScenario, simulate } from '../../../src/index';
import { nftCommands } from '../../../src/verify/nft-commands';

describe('nftCommands', () => {
  const scenario = presetScenario('article')!;
  const listing = nodeNftList(scenario, 'vm1')!;
  const steps = simulate(scenario, { mode: 'nftables' }).steps.filter(isPacketStep);
  // pod1's SYN DNATed at vm1's prerouting to pod4 (the article's seed draws it).
  const dnat = steps.find((s) => s.kind === 'dnat')!;

  it('lists the deciding chain, the service-ips map the packet matched and the whole table as the engine prints it', () => {
    const commands = nftCommands(dnat, listing);
    expect(commands.map((c) => c.command)).toEqual([
      'nft list chain ip kube-proxy endpoint-QQR2H6K7-default/svc1/tcp/http__10.244.2.3/8080',
      'nft list map ip kube-proxy service-ips',
      'nft list table ip kube-proxy',
    ]);
    expect(commands[0]!.params.position).toBe('2');
    expect(commands[2]!.expected).toEqual({ lines: listing.split('\n'), fidelity: 'same' });
  });

  it('says nothing when the step ran no nftables rule, and prints no expected table when it is not known', () => {
    expect(nftCommands(steps[0]!, listing)).toEqual([]);
    expect(nftCommands(dnat, null).at(-1)!.expected).toBeNull();
  });
});
