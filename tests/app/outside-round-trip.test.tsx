import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { setTraffic } from '../../app/editor/edits';
import { addExternalClient, setServiceExposure } from '../../app/editor/outside-edits';
import { restoreSavedScenario, saveScenarioChanges, STORAGE_KEY } from '../../app/editor/persist';
import { useScenarioDownload } from '../../app/shell/useScenarioDownload';
import { MAX_UPLOAD_BYTES } from '../../app/shell/useScenarioUpload';
import { createAppStore, type AppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { openFromUrl, writeUrl } from '../../app/url/url-state';
import { PRESETS } from '../../src/index';

const saved: { text?: string } = {};
vi.mock('../../app/shell/save-file', () => ({ saveFile: (_name: string, text: string) => void (saved.text = text) }));

/** The article edited as the editor does it: svc1 a LoadBalancer under policy Local with a fixed node port, a laptop and an office client sending from outside. */
const edited = (() => {
  const article = PRESETS.article!;
  let s = setServiceExposure(article, 'svc1', {
    type: 'LoadBalancer',
    externalIPs: ['192.0.2.10'],
    loadBalancerIPs: ['203.0.113.10'],
    loadBalancerSourceRanges: ['203.0.113.0/24'],
    externalTrafficPolicy: 'Local',
    healthCheckNodePort: 32000,
    internalTrafficPolicy: 'Local',
  });
  s = {
    ...s,
    cluster: {
      ...s.cluster,
      services: [{ ...s.cluster.services[0]!, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }],
    },
  };
  s = addExternalClient(s, { name: 'laptop', kind: 'host', ip: '192.168.0.100' });
  s = addExternalClient(s, { name: 'office', kind: 'internet', ip: '203.0.113.25', via: 'load-balancer' });
  return setTraffic(s, [
    { from: 'laptop', to: 'svc1', port: 80, address: 'node-port', node: 'vm1' },
    { from: 'office', to: 'svc1', port: 80, address: 'load-balancer' },
    { from: 'pod1', to: 'svc1', port: 80 },
  ]);
})();

function editedStore(): AppStore {
  const store = createAppStore({ preset: 'article' });
  expect(store.getState().commitEdit(edited).ok).toBe(true);
  return store;
}

/** What a reader of the page would compare: the scenario, and the walk it gives. */
const shown = (store: AppStore) => {
  const s = store.getState();
  return { scenario: s.scenario, steps: s.trace.steps.length, outside: s.trace.topology.outside };
};

describe('an edited version 2 scenario reopens the same', () => {
  it('through its link (s=)', () => {
    const first = editedStore();
    expect(first.getState().trace.topology.outside?.services[0]).toMatchObject({ nodePorts: [30080], healthCheckNodePort: 32000 });
    const again = openFromUrl(writeUrl(first.getState()), createAppStore);
    expect(again.getState().alerts).toEqual([]);
    expect(shown(again)).toEqual(shown(first));
  });

  it('through the browser’s storage', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    const first = createAppStore({ preset: 'article' });
    saveScenarioChanges(first, storage);
    expect(first.getState().commitEdit(edited).ok).toBe(true);
    expect(JSON.parse(items.get(STORAGE_KEY)!).scenario.schemaVersion).toBe(2);
    const second = createAppStore();
    expect(restoreSavedScenario(second, storage)).toBe(true);
    expect(shown(second)).toEqual(shown(first));
  });

  it('through a downloaded file, opened again', async () => {
    const first = editedStore();
    const wrapper = ({ children }: { children: ReactNode }) => <StoreProvider store={first}>{children}</StoreProvider>;
    renderHook(() => useScenarioDownload(), { wrapper }).result.current();
    expect(saved.text).toContain('"externalClients"');
    const second = createAppStore();
    const started = second.getState().loadScenario(saved.text!, { ownMode: true, textLimit: MAX_UPLOAD_BYTES });
    const loaded = started.ok === 'pending' ? await started.settled : started;
    expect(loaded).toMatchObject({ ok: true });
    expect(shown(second)).toEqual(shown(first));
  });
});
