// Paging and ordering helpers for the audit-log viewer: newest first (by time, then id for entries
// written in the same instant), older pages appended without duplicates, and filter suggestions.
import type { AuditEntry } from '../../api/types';

function compareIds(a: AuditEntry['id'], b: AuditEntry['id']): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function newestFirst(entries: readonly AuditEntry[]): AuditEntry[] {
  return [...entries].sort((a, b) => {
    const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
    return Number.isNaN(byTime) || byTime === 0 ? compareIds(b.id, a.id) : byTime;
  });
}

/** Appends an older page, dropping entries already held (pages overlap when entries arrive meanwhile). */
export function appendPage(current: readonly AuditEntry[], page: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(current.map((entry) => String(entry.id)));
  return [...current, ...page.filter((entry) => !seen.has(String(entry.id)))];
}

/** Distinct values of one field, sorted, to suggest in the filter inputs. */
export function distinctValues(entries: readonly AuditEntry[], field: 'actor' | 'action'): string[] {
  return [...new Set(entries.map((entry) => entry[field]))].sort((a, b) => a.localeCompare(b));
}

export interface AuditFilter {
  actor: string;
  action: string;
}

/** Reads the filter from the page URL; absent parameters mean "any". */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  return { actor: (params.get('actor') ?? '').trim(), action: (params.get('action') ?? '').trim() };
}

/** Writes the filter into the URL parameters, keeping unrelated ones (e.g. the live-events topics). */
export function applyAuditFilter(params: URLSearchParams, filter: AuditFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ['actor', 'action'] as const) {
    const value = filter[name].trim();
    if (value === '') next.delete(name);
    else next.set(name, value);
  }
  return next;
}
