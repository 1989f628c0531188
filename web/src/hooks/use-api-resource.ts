// Loads one API resource for a component: loading/ready/error state, cancellation when the inputs
// change or the component unmounts, an explicit reload, and optional polling.
import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type ResourceState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: unknown };

export interface ApiResource<T> {
  state: ResourceState<T>;
  reload(): void;
}

export function useApiResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  options: { pollMs?: number; enabled?: boolean } = {},
): ApiResource<T> {
  const { pollMs, enabled = true } = options;
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading', data: null, error: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!enabled) return undefined;
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (): void => {
      // Keep the previous data on screen while refreshing, so polling does not flicker.
      setState((s) => ({ status: 'loading', data: s.data, error: null }));
      load(aborter.signal)
        .then((data) => {
          if (!aborter.signal.aborted) setState({ status: 'ready', data, error: null });
        })
        .catch((error: unknown) => {
          if (!aborter.signal.aborted) setState((s) => ({ status: 'error', data: s.data, error }));
        })
        .finally(() => {
          if (pollMs !== undefined && !aborter.signal.aborted) timer = setTimeout(run, pollMs);
        });
    };
    run();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
    // `load` is a fresh closure each render; the caller's deps say when it really changes.
  }, [...deps, generation, pollMs, enabled]);

  return { state, reload };
}
