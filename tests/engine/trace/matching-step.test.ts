import { describe, expect, it } from 'vitest';
import { isPacketStep, matchingStep, presetScenario, simulate, type PacketStep } from '../../../src/index';

describe('matchingStep: the same packet at the same place in the other mode', () => {
  const scenario = presetScenario('nodeport')!;
  const iptables = simulate(scenario, { mode: 'iptables' });
  const ipvs = simulate(scenario, { mode: 'ipvs' });

  it("goes to the SYN-ACK's arrival on the laptop in IPVS mode, though the IPVS walk is longer", () => {
    const from = iptables.steps.findIndex((s) => isPacketStep(s) && s.label === 'SYN-ACK' && s.to === 'laptop/eth0');
    const to = matchingStep(iptables, from, ipvs);
    const step = ipvs.steps[to] as PacketStep;
    expect(step).toMatchObject({ label: 'SYN-ACK', connection: 0, to: 'laptop/eth0', kind: 'wire' });
    // The index alone lands elsewhere on the way: the IPVS SYN took more steps (kube-ipvs0, INPUT, OUTPUT).
    expect(to).toBeGreaterThan(from);
    expect((ipvs.steps[from] as PacketStep).to).not.toBe('laptop/eth0');
    // And back.
    expect(matchingStep(ipvs, to, iptables)).toBe(from);
  });

  it('a step with no place of its own in the other walk goes to the same packet, not another one', () => {
    // IPVS's INPUT step has no counterpart in iptables mode: the SYN's first step there.
    const input = ipvs.steps.findIndex((s) => isPacketStep(s) && s.label === 'SYN' && s.kind === 'dnat');
    const back = iptables.steps[matchingStep(ipvs, input, iptables)] as PacketStep;
    expect(back).toMatchObject({ label: 'SYN', connection: 0 });
  });

  it('keeps the index (clamped) for a control-plane step', () => {
    const churn = presetScenario('pod-churn')!;
    const a = simulate(churn, { mode: 'iptables' });
    const b = simulate(churn, { mode: 'ipvs' });
    const event = a.steps.findIndex((s) => !isPacketStep(s));
    expect(matchingStep(a, event, b)).toBe(Math.min(event, b.steps.length - 1));
  });
});
