import { type ComponentType, lazy } from 'react';

export type LazyPage = {
  /** The page's component once its chunk is loaded, else null. */
  loaded: () => ComponentType | null;
  /** The same page through React.lazy: suspends until the chunk is loaded. */
  Suspending: ComponentType;
  /** Starts loading the page's chunk (idempotent). */
  preload: () => Promise<unknown>;
};

/** A page in its own chunk, loaded on first render or earlier by `preload`. */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const preload = () => {
    pending ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return pending;
  };
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  return { loaded: () => loaded, Suspending, preload };
}

/**
 * Renders a lazy page without suspending once its chunk is loaded: React reveals a suspended page no
 * sooner than 300 ms after its fallback appeared, so a page preloaded while the session is checked would
 * otherwise still wait out that throttle (bench: admin, time to rows).
 */
export function PageView({ page }: { page: LazyPage }) {
  const Component = page.loaded() ?? page.Suspending;
  return <Component />;
}
