import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Panels } from '../../app/panels/Panels';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { layoutCluster } from '../../app/topology/cluster/layout';
import { edgePath } from '../../app/topology/cluster/edge-path';
import { traceStops, tickCategory } from '../../app/controls/timeline-model';

const churn = createAppStore({ preset: 'pod-churn' }).getState().trace;
const sync = churn.steps.find((s) => s.kind === 'kube-proxy-sync' && s.node === 'vm1')!;

function renderAt(step: number, lang?: 'zh') {
  const store = createAppStore({ preset: 'pod-churn', step, ...(lang ? { lang } : {}) });
  render(
    <StoreProvider store={store}>
      <Panels />
    </StoreProvider>,
  );
}

describe('the Rules panel on a kube-proxy-sync step', () => {
  it('shows the removed lines in red with "-" and the added ones in green with "+", in iptables-save syntax', () => {
    renderAt(sync.index);
    const rules = screen.getByRole('region', { name: 'Rules' });
    const removed = within(rules).getAllByTitle('removed');
    const added = within(rules).getAllByTitle('added');
    expect(removed.some((l) => l.textContent?.startsWith('- :KUBE-SEP-XT7GCFF26GVQ7U4V - [0:0]'))).toBe(true);
    expect(added.some((l) => l.textContent?.startsWith('+ -A KUBE-SVC-6FQZKDMVESNX7NUN'))).toBe(true);
    expect(removed[0]!.className).toBe('pw-diff-removed');
    expect(added[0]!.className).toBe('pw-diff-added');
    expect(within(rules).getByText(/conntrack entries kube-proxy deleted/)).toBeTruthy();
  });

  it('speaks Chinese too', () => {
    renderAt(sync.index, 'zh');
    expect(screen.getByText(/nat 表（iptables-save 格式）/)).toBeTruthy();
  });
});

describe('control-plane steps on the cluster drawing and the timeline', () => {
  it('places the API server and each kube-proxy, and a step that stays there is one point', () => {
    const layout = layoutCluster(churn.topology);
    expect(edgePath(layout, 'apiserver', 'apiserver')).toHaveLength(1);
    expect(edgePath(layout, 'vm2/kube-proxy', 'vm2/kube-proxy')).toHaveLength(1);
  });

  it('gives the new kinds their own tick colour and groups them by event', () => {
    expect(tickCategory('api-event')).toBe('control');
    const stops = traceStops(churn).filter((s) => s.kind === 'api-event' || s.kind === 'kube-proxy-sync');
    expect(new Set(stops.map((s) => s.group)).size).toBe(2);
  });
});
