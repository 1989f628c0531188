// Several parts of a library page keep their state in the same URL query (search, white-label
// rows, SOW rates, open evidence) and write it after a debounce. Each write must start from the
// URL as it is now, not as it was when the write was scheduled, or one part would undo another's.
import { useCallback, useRef } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router-dom';

export type ParamsUpdate = (current: URLSearchParams) => URLSearchParams;

export function useSearchParamsUpdater(): [URLSearchParams, (update: ParamsUpdate, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef({ params, setParams });
  latest.current = { params, setParams };
  const update = useCallback((change: ParamsUpdate, options?: NavigateOptions) => {
    const next = change(new URLSearchParams(latest.current.params));
    // Seen by a second update in the same tick, before the router re-renders with it.
    latest.current = { ...latest.current, params: next };
    if (next.toString() !== new URLSearchParams(window.location.search).toString()) latest.current.setParams(next, options);
  }, []);
  return [params, update];
}
