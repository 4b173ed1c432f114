import { fireEvent, render, screen, within } from '@testing-library/react';
import { SidePane } from '../../app/shell/SidePane';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';

/** The side pane on a fresh store (the article unless told), switched to the editor tab. */
export function renderEditor(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', ...options });
  render(
    <StoreProvider store={store}>
      <SidePane />
    </StoreProvider>,
  );
  fireEvent.click(screen.getByRole('tab', { name: options.lang === 'zh' ? '编辑场景' : 'Edit scenario' }));
  return store;
}

/** The form a label names, to query inside it. */
export const form = (name: string | RegExp) => within(screen.getByRole('form', { name }));
/** Types into a field as a user would (one change event with the whole value). */
export const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
