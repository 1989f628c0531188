// Audit entries as CSV rows. A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR)
// gets a leading apostrophe, so an exported actor name or summary cannot run in the reader's sheet.
import { stringify } from 'csv-stringify/sync';

export const AUDIT_CSV_COLUMNS = ['id', 'createdAt', 'actor', 'action', 'target', 'summary', 'details'] as const;

export interface AuditCsvEntry {
  id: number;
  createdAt: string;
  actor: string;
  action: string;
  target: string;
  summary: string;
  details?: Record<string, unknown>;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function auditCsvRows(entries: readonly AuditCsvEntry[]): string[][] {
  return [
    [...AUDIT_CSV_COLUMNS],
    ...entries.map((e) => [String(e.id), e.createdAt, e.actor, e.action, e.target, e.summary, e.details ? JSON.stringify(e.details) : ''].map(safeCell)),
  ];
}

/** The whole export as CSV text (RFC 4180 quoting by csv-stringify). */
export function auditCsv(entries: readonly AuditCsvEntry[]): string {
  return stringify(auditCsvRows(entries));
}
