import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, RulesPanel } from '../../app/panels/RulesPanel';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { isPacketStep } from '../../src/index';

/** The scale preset: a hook step runs KUBE-SERVICES with a rule per Service, a list longer than one frame draws. */
const store = createAppStore({ preset: 'scale' });
const long = store
  .getState()
  .trace.steps.filter(isPacketStep)
  .find((s) => s.rules.length > FIRST_ROWS + 100)!;
const texts = () =>
  within(screen.getByRole('region', { name: 'Rules' }))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('code')!.textContent);

describe('the rules panel on a long list', () => {
  it('shows the first rules at once, then every rule in evaluation order, the deciding one marked', async () => {
    act(() => store.getState().seek(long.index));
    render(
      <StoreProvider store={store}>
        <RulesPanel />
      </StoreProvider>,
    );
    const first = texts();
    expect(first.length).toBeGreaterThanOrEqual(FIRST_ROWS);
    expect(first.length).toBeLessThan(long.rules.length);
    expect(first).toEqual(long.rules.slice(0, first.length).map((r) => r.text));
    await waitFor(() => expect(texts()).toHaveLength(long.rules.length));
    expect(texts()).toEqual(long.rules.map((r) => r.text));
    const decided = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'true');
    expect(decided.map((li) => li.querySelector('code')!.textContent)).toEqual(long.rules.filter((r) => r.decided).map((r) => r.text));

    // Another step's list starts again from its first rules, never showing the last step's.
    const other = store
      .getState()
      .trace.steps.filter(isPacketStep)
      .find((s) => s.index > long.index && s.rules.length > FIRST_ROWS)!;
    act(() => store.getState().seek(other.index));
    expect(texts()).toEqual(other.rules.slice(0, texts().length).map((r) => r.text));
    await waitFor(() => expect(texts()).toEqual(other.rules.map((r) => r.text)));
  });
});
