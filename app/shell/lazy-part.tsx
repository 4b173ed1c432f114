import { Component, lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { loadingStrings, type LazyPartName } from '../i18n/loading-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';
import './lazy-part.css';

/** A part's chunk could not be fetched or run (offline, a deploy replaced it): the part offers to try again. */
export class PartLoadError extends Error {
  constructor(
    readonly part: LazyPartName,
    cause: unknown,
  ) {
    super(`the ${part} chunk could not be loaded`, { cause });
  }
}

/** A component whose code loads on demand, and how to load it ahead of need. */
export interface LazyPart<P extends object> {
  /** The part: itself once loaded; meanwhile a quiet placeholder filling its box; a message with Retry when it could not load. */
  readonly Part: ComponentType<P>;
  /**
   * Starts loading the chunk (once; again after a failure) and resolves when that is over: then the part
   * renders without waiting, or, when the load failed, shows why with Retry. Never rejects.
   */
  readonly preload: () => Promise<void>;
}

/** The placeholder while a part loads: the part's box, one muted line. Focused when a retry put it there, so focus stays in the part. */
function Loading({ part, focus }: { readonly part: LazyPartName; readonly focus: boolean }) {
  const t = loadingStrings[useAppStore(selectLang)];
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div ref={box} className="lazy-part-state" role="status" aria-busy="true" tabIndex={-1} data-id={`loading-${part}`}>
      {t.loading(part)}
    </div>
  );
}

function LoadFailed({ part, onRetry }: { readonly part: LazyPartName; readonly onRetry: () => void }) {
  const t = loadingStrings[useAppStore(selectLang)];
  return (
    <div className="lazy-part-state" role="alert" data-id={`load-failed-${part}`}>
      <p>{t.failed(part)}</p>
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}

interface BoundaryProps {
  readonly part: LazyPartName;
  readonly onRetry: () => void;
  readonly children: (retried: boolean) => ReactNode;
}

/** Catches a part's failed load (only that: any other error goes on up, as it would without the part being lazy). */
class LoadBoundary extends Component<BoundaryProps, { error: unknown; retried: boolean }> {
  override state = { error: null as unknown, retried: false };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error, retried } = this.state;
    if (error === null) return this.props.children(retried);
    if (!(error instanceof PartLoadError)) throw error;
    const retry = () => {
      this.props.onRetry();
      this.setState({ error: null, retried: true });
    };
    return <LoadFailed part={this.props.part} onRetry={retry} />;
  }
}

/**
 * A part of the page in a chunk of its own (React.lazy), for what the first
 * frame does not show: the editor, the share menu, the IPVS tables, the other
 * views. Once loaded it renders synchronously, without a Suspense pass, so a
 * part preloaded before the first render (the view a URL opens) never flashes
 * its placeholder. A failed load shows a message with Retry, which loads it anew.
 */
export function lazyPart<P extends object>(part: LazyPartName, load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const fetchPart = () =>
    (pending ??= load().then(
      (component) => void (loaded = component),
      (cause: unknown) => {
        pending = null;
        shared = makeLazy();
        throw new PartLoadError(part, cause);
      },
    ));
  // React.lazy keeps a failure for good: after one, parts mounted later (and a retry) get a new one.
  const makeLazy = () => lazy(() => fetchPart().then(() => ({ default: loaded! })));
  let shared = makeLazy();

  function Part(props: P) {
    // Chosen once per mount: a part loaded before it mounted renders directly; one that mounted while
    // loading stays under its Suspense boundary, since switching would remount it and lose its state.
    const [ready] = useState(() => ({ component: loaded }));
    const [waiting, setWaiting] = useState(() => ({ component: shared }));
    if (ready.component) {
      const Loaded = ready.component;
      return <Loaded {...props} />;
    }
    const Pending = waiting.component;
    return (
      <LoadBoundary part={part} onRetry={() => setWaiting({ component: makeLazy() })}>
        {(retried) => (
          <Suspense fallback={<Loading part={part} focus={retried} />}>
            <Pending {...props} />
          </Suspense>
        )}
      </LoadBoundary>
    );
  }
  Part.displayName = `Lazy(${part})`;
  return { Part, preload: () => fetchPart().catch(() => undefined) };
}
