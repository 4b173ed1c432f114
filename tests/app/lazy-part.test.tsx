import { act, fireEvent, render, screen } from '@testing-library/react';
import { Component, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPart } from '../../app/shell/lazy-part';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';

/** A chunk the test resolves or rejects by hand. */
function chunk<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function Counter({ label }: { readonly label: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {label} {n}
    </button>
  );
}

const renderIn = (node: ReactNode, lang: 'en' | 'zh' = 'en') =>
  render(<StoreProvider store={createAppStore({ lang })}>{node}</StoreProvider>);
/** Lets the chunk's promise and React's retry of the suspended part run. */
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

afterEach(() => vi.restoreAllMocks());

describe('a part loaded on demand', () => {
  it('holds its place with a quiet loading line, then shows the part', async () => {
    const load = chunk<typeof Counter>();
    const { Part } = lazyPart('editor', () => load.promise);
    renderIn(<Part label="edit" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the scenario editor…');
    expect(screen.queryByRole('button')).toBeNull();
    load.resolve(Counter);
    await settle();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button').textContent).toBe('edit 0');
  });

  it('says it is loading in Chinese on a Chinese page', () => {
    const { Part } = lazyPart('classic', () => new Promise<typeof Counter>(() => {}));
    renderIn(<Part label="x" />, 'zh');
    expect(screen.getByRole('status').textContent).toBe('正在加载文章插图…');
  });

  it('renders at once, with no loading line, when it was loaded before it mounted', async () => {
    const part = lazyPart('list', () => Promise.resolve(Counter));
    await part.preload();
    renderIn(<part.Part label="steps" />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button').textContent).toBe('steps 0');
  });

  it('keeps its state when the page re-renders after it loaded', async () => {
    const load = chunk<typeof Counter>();
    const { Part } = lazyPart('share', () => load.promise);
    const { rerender } = renderIn(<Part label="a" />);
    load.resolve(Counter);
    await settle();
    fireEvent.click(screen.getByRole('button'));
    rerender(
      <StoreProvider store={createAppStore()}>
        <Part label="b" />
      </StoreProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('b 1');
  });

  it('says so with a retry when its chunk cannot be loaded, and loads it anew on Retry', async () => {
    // React reports the error its boundary caught.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const attempts = [chunk<typeof Counter>(), chunk<typeof Counter>()];
    const load = vi.fn(() => attempts[load.mock.calls.length - 1]!.promise);
    const { Part } = lazyPart('ipvs', load);
    renderIn(<Part label="ipvs" />);
    attempts[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await settle();
    expect(screen.getByRole('alert').textContent).toMatch(/The IPVS tables could not be loaded\. Check the connection, then try again\./);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    // The loading line again, with the focus, so that a keyboard user stays in the part.
    expect(screen.getByRole('status').textContent).toBe('Loading the IPVS tables…');
    expect(document.activeElement).toBe(screen.getByRole('status'));
    attempts[1]!.resolve(Counter);
    await settle();
    expect(screen.getByRole('button').textContent).toBe('ipvs 0');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('tries again when it mounts after a failed preload', async () => {
    let fail = true;
    const part = lazyPart('editor', () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(Counter)));
    await expect(part.preload()).resolves.toBeUndefined();
    fail = false;
    renderIn(<part.Part label="edit" />);
    await settle();
    expect(screen.getByRole('button').textContent).toBe('edit 0');
  });

  it('lets an error of the loaded part itself go up, not as a failed load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): ReactNode {
      throw new Error('a bug in the part');
    }
    class Catch extends Component<{ children: ReactNode }, { message: string | null }> {
      override state = { message: null as string | null };
      static getDerivedStateFromError(e: Error) {
        return { message: e.message };
      }
      override render() {
        return this.state.message ?? this.props.children;
      }
    }
    const { Part } = lazyPart('list', () => Promise.resolve(Broken));
    renderIn(
      <Catch>
        <Part />
      </Catch>,
    );
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).toBe('a bug in the part');
  });
});
