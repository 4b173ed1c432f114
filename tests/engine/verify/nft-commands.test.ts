import { describe, expect, it } from 'vitest';
import { isPacketStep, nodeNftList, presetScenario, simulate, type PacketStep } from '../../../src/index';
import { evaluateNftHook } from '../../../src/nftables';
import { nftCommands } from '../../../src/verify/nft-commands';
import { env, load, packet } from '../nftables/nft-fixtures';

describe('nftCommands', () => {
  const scenario = presetScenario('article')!;
  const listing = nodeNftList(scenario, 'vm1')!;
  const step = simulate(scenario).steps.find(isPacketStep)!;
  // pod1's SYN through vm1's table at prerouting, numgen drawing pod4 (the second endpoint).
  const ctx = packet({ saddr: '10.244.1.2', daddr: '10.96.0.10', dport: 80 });
  const nftRules = evaluateNftHook(load(listing), 'prerouting', ctx, env({ numgen: () => 1 })).evaluated;
  const dnat: PacketStep = { ...step, nftRules };

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
    expect(nftCommands(step, listing)).toEqual([]);
    expect(nftCommands(dnat, null).at(-1)!.expected).toBeNull();
  });
});
