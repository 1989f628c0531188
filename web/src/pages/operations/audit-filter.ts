// Filtering and ordering of audit entries for the audit-log viewer: exact actor and action
// matches, newest first (by time, then id for entries written in the same instant).
import type { AuditEntry } from '../../api/types';

export interface AuditFilter {
  actor: string | null;
  action: string | null;
}

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries.filter(
    (entry) =>
      (filter.actor === null || entry.actor === filter.actor) && (filter.action === null || entry.action === filter.action),
  );
}

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

/** Distinct values of one field, sorted, for the filter drop-downs; a selected value is kept even if no loaded entry has it. */
export function distinctValues(entries: readonly AuditEntry[], field: 'actor' | 'action', selected: string | null): string[] {
  const values = new Set(entries.map((entry) => entry[field]));
  if (selected !== null) values.add(selected);
  return [...values].sort((a, b) => a.localeCompare(b));
}

/** Appends an older page, dropping entries already held (pages can overlap when new entries arrive). */
export function appendPage(current: readonly AuditEntry[], page: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(current.map((entry) => String(entry.id)));
  return [...current, ...page.filter((entry) => !seen.has(String(entry.id)))];
}
