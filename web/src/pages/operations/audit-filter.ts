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

/** The audit search's filters, in the order the Audit page shows them; the overview panel uses the first two. */
export const AUDIT_FIELDS = ['actor', 'action', 'target', 'since', 'until'] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];
export type AuditFilter<F extends AuditField = 'actor' | 'action'> = Record<F, string>;

/** Reads the filter from the page URL; absent parameters mean "any". */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter;
export function auditFilterFromParams<F extends AuditField>(params: URLSearchParams, fields: readonly F[]): AuditFilter<F>;
export function auditFilterFromParams(params: URLSearchParams, fields: readonly AuditField[] = ['actor', 'action']): Partial<Record<AuditField, string>> {
  return Object.fromEntries(fields.map((name) => [name, (params.get(name) ?? '').trim()]));
}

/** Writes the filter into the URL parameters, keeping unrelated ones (e.g. the live-events topics). */
export function applyAuditFilter(params: URLSearchParams, filter: Partial<Record<AuditField, string>>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of AUDIT_FIELDS) {
    const value = filter[name];
    if (value === undefined) continue;
    if (value.trim() === '') next.delete(name);
    else next.set(name, value.trim());
  }
  return next;
}

/** datetime-local values are local wall time; the API wants instants. */
function toInstant(local: string): string | undefined {
  if (local === '') return undefined;
  const t = Date.parse(local);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The filter as search parameters: empty fields left out, the time range as instants. */
export function auditSearchOf(filter: Partial<Record<AuditField, string>>): Partial<Record<AuditField, string>> {
  const search: Partial<Record<AuditField, string>> = {};
  for (const name of AUDIT_FIELDS) {
    const value = filter[name] ?? '';
    const sent = name === 'since' || name === 'until' ? toInstant(value) : value === '' ? undefined : value;
    if (sent !== undefined) search[name] = sent;
  }
  return search;
}
