import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../app/export/export-file-name';

describe('exportFileName', () => {
  it.each([
    ['article', 'iptables', { kind: 'figure', figure: 'pod-to-service', n: 3 }, 'png', 'packetwalk-article-pod-to-service-3.png'],
    ['article', 'iptables', { kind: 'figure', figure: 'service-to-pod' }, 'gif', 'packetwalk-article-service-to-pod.gif'],
    ['three-replicas', 'ipvs', { kind: 'step', step: 7 }, 'svg', 'packetwalk-three-replicas-ipvs-step-7.svg'],
    ['My lab: ../etc', 'iptables', { kind: 'steps', from: 1, to: 12 }, 'gif', 'packetwalk-my-lab-etc-steps-1-12.gif'],
  ] as const)('%s (%s) %o as %s -> %s', (scenario, mode, subject, ext, file) => {
    expect(exportFileName(scenario, mode, subject, ext)).toBe(file);
  });
});
