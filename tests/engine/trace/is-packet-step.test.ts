import { describe, expect, it } from 'vitest';
import { frameAt, isControlPlaneStep, isPacketStep, presetScenario, simulate } from '../../../src/index';

const churn = simulate(presetScenario('pod-churn')!);

describe('isPacketStep and isControlPlaneStep', () => {
  it('tell the control-plane steps (api-event, kube-proxy-sync) from the packet steps', () => {
    const kinds = (steps: readonly { kind: string }[]) => new Set(steps.map((s) => s.kind));
    expect(kinds(churn.steps.filter(isControlPlaneStep))).toEqual(new Set(['api-event', 'kube-proxy-sync']));
    const packetKinds = kinds(churn.steps.filter(isPacketStep));
    expect(packetKinds.has('api-event') || packetKinds.has('kube-proxy-sync')).toBe(false);
    expect(packetKinds).toContain('dnat');
  });

  it('a control-plane step carries no packet, no rules, no connection: no placeholder to misread', () => {
    for (const step of churn.steps.filter(isControlPlaneStep)) {
      expect(step.label).toBe('control-plane');
      for (const field of ['before', 'after', 'rules', 'connection', 'packet', 'hook', 'stage']) expect(step).not.toHaveProperty(field);
    }
  });

  it("frameAt has no packet to draw on a control-plane step, and the step's result on a packet step", () => {
    const event = churn.steps.findIndex(isControlPlaneStep);
    expect(frameAt(churn, { step: event, t: 0.5 })).toMatchObject({ from: 'apiserver', to: 'apiserver', packet: null });
    const dnat = churn.steps.filter(isPacketStep).find((s) => s.kind === 'dnat')!;
    expect(frameAt(churn, { step: dnat.index, t: 0 })?.packet).toEqual(dnat.after);
  });
});
