import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PageAlerts } from '../../app/shell/PageAlerts';
import { Header } from '../../app/shell/Header';
import { TitleBar } from '../../app/shell/TitleBar';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';

const renderWith = (store = createAppStore()) => {
  render(
    <StoreProvider store={store}>
      <TitleBar />
      <Header />
      <PageAlerts />
    </StoreProvider>,
  );
  return store;
};

describe('the header', () => {
  it('switches the language: the title and the pickers follow', () => {
    const store = renderWith();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('A packet from a Pod to a Service and back');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(store.getState().lang).toBe('zh');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('数据包从 Pod 到 Service 再返回');
    expect(screen.getByRole('button', { name: '集群视图' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(store.getState().lang).toBe('en');
  });

  it('switches the view and the scenario', () => {
    const store = renderWith();
    fireEvent.click(screen.getByRole('button', { name: 'Article figures' }));
    expect(store.getState().view).toBe('classic');
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'hairpin' } });
    expect(store.getState().presetName).toBe('hairpin');
    expect(store.getState().trace.connections[0]!.client).toBe('pod4');
  });

  it('shows a URL alert as text, never as HTML, and lets it be dismissed', () => {
    const store = createAppStore();
    store.getState().addAlert({ param: 'preset', value: '<img src=x onerror=alert(1)>', reason: 'unknown' });
    renderWith(store);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The URL parameter “preset” ("<img src=x onerror=alert(1)>") is not one this page knows');
    expect(alert.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: preset' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
