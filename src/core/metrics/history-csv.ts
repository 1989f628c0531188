// Historical tickets from a CSV export (ours, Zendesk's or Jira's column names): the valid rows and,
// for every bad one, its line and column, so a preview can list them before anything is stored.
import { parse } from 'csv-parse/sync';
import type { ErrorLocation } from '../shared/error-codes';
import { normalizePriority, type Priority } from './definitions';

export const HISTORY_COLUMNS = ['created', 'first_response', 'resolved', 'priority', 'assignee', 'escalations', 'reopens', 'external_id'] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];
const REQUIRED: readonly HistoryColumn[] = ['created', 'priority'];

/** Header names are compared lowercased with spaces, dashes and underscores removed. */
const ALIASES: Record<HistoryColumn, readonly string[]> = {
  created: ['created', 'createdat', 'createddate', 'creationdate', 'opened', 'openedat'],
  first_response: ['firstresponse', 'firstresponseat', 'firstreplyat', 'firstreplied', 'firstrepliedat', 'firstresponsetime', 'firstreplytime'],
  resolved: ['resolved', 'resolvedat', 'resolveddate', 'resolutiondate', 'solved', 'solvedat', 'closedat'],
  priority: ['priority', 'ticketpriority'],
  assignee: ['assignee', 'assigneename', 'assignedto', 'agent', 'owner'],
  escalations: ['escalations', 'escalationcount', 'escalated', 'timesescalated', 'groupstations'],
  reopens: ['reopens', 'reopencount', 'reopened', 'timesreopened'],
  external_id: ['id', 'ticketid', 'ticket', 'key', 'issuekey', 'externalid'],
};

export interface HistoryRow {
  line: number;
  externalId: string | null;
  priority: Priority;
  assignee: string | null;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  escalationCount: number;
  reopenCount: number;
}

export interface HistoryParse {
  /** Which header (as written in the file) fed each column; unmatched columns are listed in `ignored`. */
  columns: Partial<Record<HistoryColumn, string>>;
  ignored: string[];
  rows: HistoryRow[];
  errors: ErrorLocation[];
  /** Data rows read (valid + invalid). */
  total: number;
}

const normalize = (h: string) => h.toLowerCase().replace(/[\s_\-.()]/g, '');

/** ISO 8601 (Z or offset, else UTC) or `YYYY-MM-DD HH:mm[:ss]` in UTC; anything else is refused, not guessed. */
export function parseHistoryDate(raw: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', ms = '0', zone] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))] as const;
  const utc = Date.UTC(...fields);
  const check = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March; a calendar that does not exist is an error.
  if (check.getUTCFullYear() !== fields[0] || check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return undefined;
  if (!zone || zone.toUpperCase() === 'Z') return utc;
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000 * (z[1] === '-' ? -1 : 1);
  return utc - offset;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export function parseHistoryCsv(text: string): HistoryParse {
  const empty = (errors: ErrorLocation[]): HistoryParse => ({ columns: {}, ignored: [], rows: [], errors, total: 0 });
  let records: CsvRecord[];
  try {
    records = parse(text.replace(/\r\n?/g, '\n'), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return empty([{ line: e.lines ?? 1, message: `not readable as CSV: ${e.message ?? String(error)}` }]);
  }
  const [header, ...data] = records;
  if (!header) return empty([{ line: 1, message: `the file is empty; expected a header row naming at least ${REQUIRED.join(', ')}` }]);

  const columns: Partial<Record<HistoryColumn, string>> = {};
  const positions = new Map<HistoryColumn, number>();
  const ignored: string[] = [];
  const headerErrors: ErrorLocation[] = [];
  header.record.forEach((name, i) => {
    const key = normalize(name);
    const column = HISTORY_COLUMNS.find((c) => ALIASES[c].includes(key));
    if (!column) ignored.push(name);
    else if (positions.has(column)) headerErrors.push({ line: 1, column: i + 1, field: column, message: `"${name}" is a second ${column} column (first: "${columns[column]}")` });
    else {
      positions.set(column, i);
      columns[column] = name;
    }
  });
  for (const c of REQUIRED) {
    if (!positions.has(c)) headerErrors.push({ line: 1, field: c, message: `missing a ${c} column (accepted names: ${ALIASES[c].join(', ')}; case, spaces and underscores do not matter)` });
  }
  if (headerErrors.length > 0) return { columns, ignored, rows: [], errors: headerErrors, total: data.length };

  const rows: HistoryRow[] = [];
  const errors: ErrorLocation[] = [];
  for (const r of data) {
    const line = r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    const row = readRow(r.record, line, positions, columns);
    if ('errors' in row) errors.push(...row.errors);
    else rows.push(row);
  }
  return { columns, ignored, rows, errors, total: data.length };
}

function readRow(cells: string[], line: number, positions: Map<HistoryColumn, number>, names: Partial<Record<HistoryColumn, string>>): HistoryRow | { errors: ErrorLocation[] } {
  const errors: ErrorLocation[] = [];
  const cell = (c: HistoryColumn) => (positions.has(c) ? (cells[positions.get(c)!] ?? '') : '');
  const fail = (c: HistoryColumn, message: string) => errors.push({ line, column: positions.get(c)! + 1, field: names[c] ?? c, message: `${names[c] ?? c}: ${message}` });
  const date = (c: HistoryColumn, required: boolean): number | null => {
    const raw = cell(c);
    if (raw === '') {
      if (required) fail(c, 'is empty; every ticket needs its creation time');
      return null;
    }
    const at = parseHistoryDate(raw);
    if (at === undefined) {
      fail(c, `"${raw}" is not a date; use ISO 8601 (2024-03-01T09:30:00Z) or YYYY-MM-DD HH:mm (UTC)`);
      return null;
    }
    return at;
  };
  const count = (c: HistoryColumn): number => {
    const raw = cell(c);
    if (raw === '') return 0;
    if (!/^\d+$/.test(raw) || Number(raw) > 1000) {
      fail(c, `"${raw}" is not a whole number from 0 to 1000`);
      return 0;
    }
    return Number(raw);
  };
  const createdAt = date('created', true);
  const firstResponseAt = date('first_response', false);
  const resolvedAt = date('resolved', false);
  const rawPriority = cell('priority');
  const priority = normalizePriority(rawPriority);
  if (!priority) fail('priority', rawPriority === '' ? 'is empty; use urgent, high, normal or low (or Jira\'s Highest…Lowest)' : `"${rawPriority}" is not a priority; use urgent, high, normal or low (or Jira's Highest…Lowest)`);
  const escalationCount = count('escalations');
  const reopenCount = count('reopens');
  if (createdAt !== null) {
    if (firstResponseAt !== null && firstResponseAt < createdAt) fail('first_response', 'is before the ticket was created');
    if (resolvedAt !== null && resolvedAt < createdAt) fail('resolved', 'is before the ticket was created');
  }
  if (errors.length > 0 || createdAt === null || !priority) return { errors };
  const ext = cell('external_id');
  const assignee = cell('assignee');
  return { line, externalId: ext === '' ? null : ext.slice(0, 200), priority, assignee: assignee === '' ? null : assignee.slice(0, 200), createdAt, firstResponseAt, resolvedAt, escalationCount, reopenCount };
}
