import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NarrationPanel } from '../../app/panels/NarrationPanel';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import type { Step } from '../../src/index';

/** The narration panel on one step of a preset, in a fresh store. */
function renderAt(options: AppStoreOptions, pick: (s: Step) => boolean) {
  const store = createAppStore({ ...options, step: 0 });
  const step = store.getState().trace.steps.find(pick)!;
  store.getState().seek(step.index);
  render(
    <StoreProvider store={store}>
      <NarrationPanel />
    </StoreProvider>,
  );
  return { step, panel: screen.getByRole('region', { name: options.lang === 'zh' ? '讲解' : 'Narration' }) };
}

describe('NarrationPanel', () => {
  it("in the article's scenario, sets the article's telling of the DNAT apart from what the kernel does, on demand", () => {
    const { panel } = renderAt({ preset: 'article' }, (s) => s.kind === 'dnat');
    const text = panel.querySelector('.pw-narration-text')!.textContent!;
    expect(text).toContain('DNATs the destination to 10.244.2.3:8080 (pod4)');
    expect(text).not.toContain('article');
    const toggle = within(panel).getByRole('button', { name: 'How the article tells it' });
    const note = panel.querySelector<HTMLElement>('[data-id="article-note"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(note.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(note.id);
    expect(note.hidden).toBe(false);
    expect(note.textContent).toMatch(/^The article places this/);
  });

  it('in Chinese too', () => {
    const { panel } = renderAt({ preset: 'article', lang: 'zh' }, (s) => s.kind === 'dnat');
    fireEvent.click(within(panel).getByRole('button', { name: '文章的说法' }));
    expect(panel.querySelector('[data-id="article-note"]')!.textContent).toMatch(/^文章说/);
  });

  it('says nothing of the article in another preset, at the same step', () => {
    const { panel } = renderAt({ preset: 'three-replicas' }, (s) => s.kind === 'dnat');
    expect(panel.querySelector('[data-id="article-note"]')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'How the article tells it' })).toBeNull();
    expect(panel.textContent).not.toMatch(/The article/);
  });

  it('no-endpoints: the REJECT step has no article stage', () => {
    const { panel } = renderAt({ preset: 'no-endpoints' }, (s) => s.kind === 'reject');
    expect(panel.querySelector('[data-id="article-stage"]')).toBeNull();
  });

  it("no-endpoints: the story ends with the client's ECONNREFUSED, after the ICMP error came back", () => {
    const last = renderAt({ preset: 'no-endpoints' }, (s) => s.kind === 'socket-error');
    expect(within(last.panel).getByText(/ICMP · vm1\/veth0 → pod1\/eth0/)).toBeTruthy();
    expect(last.panel.textContent).toContain('connect() fails at once with ECONNREFUSED');
  });
});
