import { render } from '@testing-library/react';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { ClusterView } from '../../app/topology/ClusterView';

/** The cluster view on its own store (the article unless `options` say otherwise), and a lookup by `data-id` inside its svg. */
export function renderClusterView(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', ...options });
  const view = render(
    <StoreProvider store={store}>
      <ClusterView />
    </StoreProvider>,
  );
  const svg = view.container.querySelector<SVGSVGElement>('[data-id="cluster-view"]')!;
  const byId = (id: string) => svg.querySelector<SVGGElement>(`[data-id="${id}"]`);
  return { store, svg, byId };
}
