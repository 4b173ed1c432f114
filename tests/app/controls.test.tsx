import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Controls } from '../../app/controls/Controls';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';

function renderControls(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', ...options });
  render(
    <StoreProvider store={store}>
      <Controls />
    </StoreProvider>,
  );
  return store;
}

const button = (name: string) => screen.getByRole('button', { name });
const counter = () => screen.getByText(/^\d+ \/ \d+$/);
/** The counter's whole text (the classic view prefixes the figure's name). */
const counterText = () => document.querySelector('[data-id="counter"]')!.textContent;
const N = createAppStore({ preset: 'article' }).getState().trace.steps.length;

describe('Controls', () => {
  it.each([
    ['Step forward', 3, 4],
    ['Step back', 3, 2],
    ['First step', 3, 0],
    ['Last step', 3, N - 1],
  ])('%s moves from step %i to step %i and the counter follows', (name, from, to) => {
    const store = renderControls({ step: from });
    expect(counter().textContent).toBe(`${from + 1} / ${N}`);
    fireEvent.click(button(name));
    expect(store.getState().cursor.step).toBe(to);
    expect(counter().textContent).toBe(`${to + 1} / ${N}`);
  });

  it('toggles Play to Pause and back', () => {
    const store = renderControls();
    fireEvent.click(button('Play'));
    expect(store.getState().playing).toBe(true);
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    fireEvent.click(button('Pause'));
    expect(store.getState().playing).toBe(false);
    expect(button('Play')).toBeTruthy();
  });

  it('marks the ends: First and Step back at the first step, Step forward and Last at the last', () => {
    renderControls({ step: 0 });
    expect(button('First step').getAttribute('aria-disabled')).toBe('true');
    expect(button('Step back').getAttribute('aria-disabled')).toBe('true');
    expect(button('Step forward').hasAttribute('aria-disabled')).toBe(false);
    fireEvent.click(button('Last step'));
    expect(button('Step forward').getAttribute('aria-disabled')).toBe('true');
    expect(button('Last step').getAttribute('aria-disabled')).toBe('true');
  });

  it('changes speed with Faster and Slower, within 0.25x and 4x', () => {
    const store = renderControls();
    const select = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    expect(select.value).toBe('1');
    for (let i = 0; i < 10; i++) fireEvent.click(button('Faster'));
    expect(store.getState().speed).toBe(4);
    expect(select.value).toBe('4');
    expect(screen.getByRole('option', { name: '4x', selected: true })).toBeTruthy();
    expect(button('Faster').getAttribute('aria-disabled')).toBe('true');
    for (let i = 0; i < 10; i++) fireEvent.click(button('Slower'));
    expect(store.getState().speed).toBe(0.25);
    expect(screen.getByRole('option', { name: '0.25x', selected: true })).toBeTruthy();
    expect(button('Slower').getAttribute('aria-disabled')).toBe('true');
  });

  it('sets the speed from the picker', () => {
    const store = renderControls();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '0.5' } });
    expect(store.getState().speed).toBe(0.5);
  });

  it('seeks with the timeline slider, which names the step and its kind', () => {
    const store = renderControls({ step: 0 });
    const slider = screen.getByRole('slider', { name: 'Timeline' }) as HTMLInputElement;
    expect(slider.min).toBe('1');
    expect(slider.max).toBe(String(N));
    fireEvent.change(slider, { target: { value: '4' } });
    expect(store.getState().cursor.step).toBe(3);
    expect(slider.getAttribute('aria-valuetext')).toBe(`Step 4 of ${N}: dnat`);
    expect(counter().textContent).toBe(`4 / ${N}`);
  });

  it('has one tick per step, coloured by kind, and clicking one seeks', () => {
    const store = renderControls({ step: 0 });
    const ticks = screen.getAllByRole('button', { hidden: true, name: /^\d+ (SYN|SYN-ACK|ACK) / });
    expect(ticks).toHaveLength(N);
    const dnatTick = ticks.find((t) => t.dataset.kind === 'dnat')!;
    expect(dnatTick.dataset.category).toBe('nat');
    expect(ticks.find((t) => t.dataset.kind === 'reverse-nat')!.dataset.category).toBe('nat');
    fireEvent.click(dnatTick);
    expect(store.getState().cursor.step).toBe(Number(dnatTick.dataset.step));
    expect(dnatTick.hasAttribute('data-current')).toBe(true);
  });

  it('follows the article’s nine pictures in the classic view', () => {
    const store = renderControls({ view: 'classic', step: 2 });
    expect(counterText()).toBe('Pod to Service 3 / 5');
    const slider = screen.getByRole('slider', { name: 'Timeline' }) as HTMLInputElement;
    expect(slider.max).toBe('9');
    expect(slider.value).toBe('3');
    fireEvent.click(button('Step forward'));
    expect(counterText()).toBe('Pod to Service 4 / 5');
    fireEvent.change(slider, { target: { value: '7' } });
    expect(counterText()).toBe('Service to Pod 2 / 4');
    expect(store.getState().trace.steps[store.getState().cursor.step]).toMatchObject({ stage: { figure: 'service-to-pod', n: 2 } });
    expect(slider.getAttribute('aria-valuetext')).toMatch(/^Service to Pod 2 \/ 4: /);
  });

  it('names every control in Chinese with a Chinese store', () => {
    renderControls({ lang: 'zh' });
    for (const name of ['播放', '下一步', '上一步', '第一步', '最后一步', '加快', '减慢']) expect(button(name)).toBeTruthy();
    expect(screen.getByRole('slider', { name: '时间轴' })).toBeTruthy();
  });

  it('labels each packet’s run of ticks, numbering connections when there are several', () => {
    renderControls({ preset: 'session-affinity' });
    const labels = [...document.querySelectorAll('.pw-tick-group')].map((e) => e.textContent);
    expect(labels).toEqual(['#1 SYN', '#1 SYN-ACK', '#1 ACK', '#2 SYN', '#2 SYN-ACK', '#2 ACK']);
  });

  it('numbers the article’s pictures on the classic view’s ticks', () => {
    renderControls({ view: 'classic' });
    const ticks = screen.getAllByRole('button', { hidden: true, name: /^(Pod to Service|Service to Pod) \d$/ });
    expect(ticks.map((t) => t.textContent).join('')).toBe('123451234');
  });
});
