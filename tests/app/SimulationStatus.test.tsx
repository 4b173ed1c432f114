import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PRESETS, type ScenarioInput } from '../../src/index';
import type { BackgroundSimulator, SimulationOutcome } from '../../app/store/background-simulator';
import { createAppStore } from '../../app/store/create-app-store';
import { BACKGROUND_MIN_OBJECTS } from '../../app/store/needs-background';
import { StoreProvider } from '../../app/store/StoreProvider';
import { SimulationStatus } from '../../app/shell/SimulationStatus';

/** A background simulator that reports what the test says and never finishes unless told to fail. */
function heldBackground() {
  const calls: { progress: (p: { done: number; total: number }) => void; fail: (m: string) => void; cancel: ReturnType<typeof vi.fn> }[] =
    [];
  const background: BackgroundSimulator = (_job, progress) => {
    let fail!: (m: string) => void;
    const result = new Promise<SimulationOutcome>((_, reject) => (fail = (m) => reject(new Error(m))));
    const cancel = vi.fn();
    calls.push({ progress, fail, cancel });
    return { result, cancel };
  };
  return { background, calls };
}

const big: ScenarioInput = {
  ...PRESETS.article!,
  cluster: {
    ...PRESETS.article!.cluster,
    services: Array.from({ length: BACKGROUND_MIN_OBJECTS }, (_, i) => ({
      name: `svc${i + 1}`,
      selector: { app: 'web' },
      ports: [{ port: 80 }],
    })),
  },
};

function renderStatus(lang: 'en' | 'zh' = 'en') {
  const { background, calls } = heldBackground();
  const store = createAppStore({ background, lang });
  render(
    <StoreProvider store={store}>
      <SimulationStatus />
    </StoreProvider>,
  );
  return { store, calls };
}

describe('SimulationStatus', () => {
  it('shows nothing while no simulation runs', () => {
    renderStatus();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows a progressbar with its value and a Cancel button that cancels', () => {
    const { store, calls } = renderStatus();
    act(() => void store.getState().loadScenario(big));
    const bar = screen.getByRole('progressbar', { name: 'Simulating the scenario…' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    act(() => calls[0]!.progress({ done: 2, total: 5 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('40%')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls[0]!.cancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(store.getState().presetName).toBe('article');
  });

  it('cancels on Escape, and says which mode it simulates in Chinese', () => {
    const { store, calls } = renderStatus('zh');
    store.getState().loadPreset('article');
    act(() => void store.getState().loadScenario({ ...big, name: 'big' }));
    act(() => store.getState().setMode('ipvs'));
    // A load redone in another mode is still the load: it keeps its label.
    expect(screen.getByRole('progressbar', { name: '正在模拟场景…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '取消' }).getAttribute('aria-keyshortcuts')).toBe('Escape');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(calls[1]!.cancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('leaves Escape to whoever handled it first', () => {
    const { store, calls } = renderStatus();
    act(() => void store.getState().loadScenario(big));
    const event = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    event.preventDefault();
    act(() => void window.dispatchEvent(event));
    expect(calls[0]!.cancel).not.toHaveBeenCalled();
  });

  it('says why a simulation failed, until dismissed', async () => {
    const { store, calls } = renderStatus();
    act(() => void store.getState().loadScenario(big));
    await act(async () => calls[0]!.fail('out of memory'));
    expect(screen.getByRole('alert').textContent).toContain(
      'The scenario could not be simulated (out of memory). The previous one is still on screen.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
