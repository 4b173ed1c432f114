import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { FirstStepHint } from '../../app/shell/FirstStepHint';
import { TitleBar } from '../../app/shell/TitleBar';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';

function renderWith(ui: React.ReactNode, options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', ...options });
  render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return store;
}

const hint = () => document.querySelector('[data-id="first-step-hint"]');

describe('the first-step hint', () => {
  it('asks to press Play or → until the first step is taken, then stays away', () => {
    const store = renderWith(<FirstStepHint />);
    expect(hint()?.textContent).toContain('Press Play or → to follow the packet');
    act(() => store.getState().stepForward());
    expect(hint()).toBeNull();
    act(() => store.getState().stepBack());
    expect(hint()).toBeNull();
  });

  it('goes as soon as playback starts, and speaks Chinese with full-width punctuation', () => {
    const store = renderWith(<FirstStepHint />, { lang: 'zh', step: 3 });
    expect(hint()?.textContent).toContain('按“播放”或 → 键，跟随数据包');
    act(() => store.getState().play());
    expect(hint()).toBeNull();
  });
});

describe('the title bar', () => {
  it('names the source article by its author and title and links it in a new tab', () => {
    renderWith(<TitleBar />, { lang: 'zh' });
    const link = screen.getByRole('link', { name: /A Guide to the Kubernetes Networking Model/ });
    expect(link.getAttribute('href')).toBe('https://sookocheff.com/post/kubernetes/understanding-kubernetes-networking-model/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    expect(link.closest('p')!.textContent).toMatch(/^原文：Kevin Sookocheff，《A Guide to the Kubernetes Networking Model》/);
  });
});

describe('the page', () => {
  it('puts Play before the panels and the settings in the Tab order, with no positive tabindex', () => {
    renderWith(<App embed={false} />);
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, [tabindex]')].filter(
      (el) => el.tabIndex >= 0,
    );
    const play = screen.getByRole('button', { name: 'Play' });
    const index = focusable.indexOf(play);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(5);
    expect(focusable.indexOf(screen.getByRole('combobox', { name: 'Scenario' }))).toBeGreaterThan(index);
    expect(focusable.indexOf(screen.getByRole('tab', { name: 'Step details' }))).toBeGreaterThan(index);
    expect(document.querySelector('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])')).toBeNull();
  });

  it('shows the narration beside the evidence, outside the side tabs', () => {
    renderWith(<App embed={false} />, { step: 6 });
    const narration = screen.getByRole('region', { name: 'Narration' });
    expect(narration.closest('[role="tabpanel"]')).toBeNull();
    expect(screen.getByRole('region', { name: 'This step' }).closest('[role="tabpanel"]')).not.toBeNull();
  });
});
