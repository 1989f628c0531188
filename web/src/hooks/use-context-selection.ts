// The operator's selected context (agent / journey / client / queue) kept in the URL as
// `?ctx=kind:id`, remembered in sessionStorage so pages opened without it pick it up again, and a
// helper that keeps it on links between pages.
import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

export const CONTEXT_KINDS = ['agent', 'journey', 'client', 'queue'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];
export interface Selection {
  kind: ContextKind;
  id: string;
}

const STORAGE_KEY = 'ow.context';

export function parseSelection(raw: string | null): Selection | null {
  if (raw === null) return null;
  const at = raw.indexOf(':');
  if (at < 0) return null;
  const kind = raw.slice(0, at);
  const id = raw.slice(at + 1).trim();
  if (!(CONTEXT_KINDS as readonly string[]).includes(kind) || id === '' || /\s/.test(id)) return null;
  return { kind: kind as ContextKind, id };
}

export function formatSelection(s: Selection): string {
  return `${s.kind}:${s.id}`;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Storage disabled: the URL still carries the context.
  }
}

/** Appends the context to an in-app link (keeping its own query). */
export function withContext(path: string, s: Selection | null): string {
  if (s === null) return path;
  const [base, query = ''] = path.split('?') as [string, string?];
  const params = new URLSearchParams(query);
  params.set('ctx', formatSelection(s));
  return `${base}?${params.toString()}`;
}

export function useContextSelection(): { selection: Selection | null; select(s: Selection | null): void } {
  const [params, setParams] = useSearchParams();
  const fromUrl = parseSelection(params.get('ctx'));

  // A page opened without ?ctx takes the one this tab last used, so it is carried across pages.
  useEffect(() => {
    if (params.get('ctx') !== null) {
      if (fromUrl !== null) store(formatSelection(fromUrl));
      return;
    }
    const remembered = parseSelection(stored());
    if (remembered !== null) setParams((p) => withParam(p, formatSelection(remembered)), { replace: true });
  }, [params, fromUrl, setParams]);

  const select = useCallback(
    (s: Selection | null) => {
      store(s === null ? null : formatSelection(s));
      setParams((p) => withParam(p, s === null ? null : formatSelection(s)), { replace: false });
    },
    [setParams],
  );
  return { selection: fromUrl, select };
}

function withParam(p: URLSearchParams, value: string | null): URLSearchParams {
  const next = new URLSearchParams(p);
  if (value === null) next.delete('ctx');
  else next.set('ctx', value);
  return next;
}
