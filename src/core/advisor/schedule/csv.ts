// CSV import and export of a work breakdown (`id,name,estimate,depends_on`, dependencies
// separated by ";") and of a computed schedule; every bad row or field is reported by line and column.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ErrorLocation } from '../../shared/error-codes';
import { invalidInput } from '../validate-input';
import { formatDependencyRef, parseDependencyRef, type DependencyRef } from './dependency-ref';
import { checkReferences, taskIdSchema, type Task } from './work-breakdown';
import type { SchedulePlan } from './schedule-plan';

export const WORK_BREAKDOWN_COLUMNS = ['id', 'name', 'estimate', 'depends_on'] as const;
type Column = (typeof WORK_BREAKDOWN_COLUMNS)[number];

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

interface RowContext {
  line: number;
  cell: (column: Column) => string;
  error: (column: Column, message: string) => ErrorLocation;
}

/** Reads a work breakdown from CSV text; extra columns (such as those of a schedule export) are ignored. */
export function parseWorkBreakdownCsv(text: string): Task[] {
  const records = readRecords(text);
  const [header, ...rows] = records;
  if (!header) throw invalidInput('The CSV', [{ line: 1, message: `the file is empty; expected a header row ${WORK_BREAKDOWN_COLUMNS.join(',')}` }]);
  const positions = readHeader(header.record);
  const errors: ErrorLocation[] = [];
  const tasks: Task[] = [];
  const lines: number[] = [];
  if (rows.length === 0) errors.push({ line: header.info.lines + 1, message: 'the CSV has a header but no task rows' });

  for (const row of rows) {
    const line = row.info.lines - row.record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const ctx: RowContext = {
      line,
      cell: (column) => row.record[positions.get(column)!] ?? '',
      error: (column, message) => ({ line, column: positions.get(column)! + 1, field: column, message: `${column}: ${message}` }),
    };
    if (row.record.length !== header.record.length) {
      errors.push({ line, message: `expected ${header.record.length} fields like the header, found ${row.record.length}` });
      continue;
    }
    const parsed = readRow(ctx);
    if (Array.isArray(parsed)) errors.push(...parsed);
    else {
      tasks.push(parsed);
      lines.push(line);
    }
  }
  if (errors.length === 0) {
    for (const issue of checkReferences(tasks)) {
      const column: Column = issue.field === 'id' ? 'id' : 'depends_on';
      const line = lines[issue.taskIndex]!;
      errors.push({ line, column: positions.get(column)! + 1, field: column, message: `${column}: ${issue.message}` });
    }
  }
  if (errors.length > 0) throw invalidInput('The CSV', errors);
  return tasks;
}

function readRecords(text: string): CsvRecord[] {
  try {
    // Normalised line endings keep csv-parse's line numbers right for quoted multi-line fields.
    return parse(text.replace(/\r\n?/g, '\n'), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw invalidInput('The CSV', [{ line: e.lines ?? 1, message: `not readable as CSV: ${e.message ?? String(error)}` }]);
  }
}

function readHeader(header: string[]): Map<Column, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const errors: ErrorLocation[] = [];
  const positions = new Map<Column, number>();
  for (const column of WORK_BREAKDOWN_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) errors.push({ line: 1, field: column, message: `missing column "${column}"; the header must name ${WORK_BREAKDOWN_COLUMNS.join(',')}` });
    else if (names.indexOf(column, at + 1) >= 0) errors.push({ line: 1, column: names.indexOf(column, at + 1) + 1, field: column, message: `column "${column}" appears twice` });
    else positions.set(column, at);
  }
  if (errors.length > 0) throw invalidInput('The CSV header', errors);
  return positions;
}

function readRow(ctx: RowContext): Task | ErrorLocation[] {
  const errors: ErrorLocation[] = [];
  const id = taskIdSchema.safeParse(ctx.cell('id'));
  if (!id.success) errors.push(ctx.error('id', id.error.issues[0]?.message ?? 'invalid id'));
  const name = ctx.cell('name');
  if (name === '') errors.push(ctx.error('name', 'a task needs a name'));
  const estimate = readEstimate(ctx.cell('estimate'));
  if (typeof estimate === 'string') errors.push(ctx.error('estimate', estimate));
  const deps: DependencyRef[] = [];
  const rawDeps = ctx.cell('depends_on');
  if (rawDeps !== '') {
    for (const part of rawDeps.split(';')) {
      const parsed = parseDependencyRef(part);
      if (parsed.ok) deps.push(parsed.ref);
      else errors.push(ctx.error('depends_on', parsed.message));
    }
  }
  if (errors.length > 0 || !id.success || typeof estimate === 'string') return errors;
  return { id: id.data, name, estimate, dependsOn: deps };
}

function readEstimate(raw: string): number | string {
  if (raw === '') return 'the estimate is empty; give points or days (0 for a milestone)';
  const value = Number(raw);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) || !Number.isFinite(value)) return `"${raw}" is not a number`;
  if (value < 0) return `${raw} is negative; an estimate must be 0 or more`;
  if (value > 1_000_000) return `${raw} is implausibly large (over 1,000,000)`;
  return value;
}

export function stringifyWorkBreakdownCsv(tasks: ReadonlyArray<Task>): string {
  return stringify(
    tasks.map((t) => [t.id, t.name, t.estimate, t.dependsOn.map(formatDependencyRef).join(';')]),
    { header: true, columns: [...WORK_BREAKDOWN_COLUMNS] },
  );
}

/** The schedule as CSV: the work-breakdown columns first, so the file can be imported again. */
export function stringifyScheduleCsv(plan: SchedulePlan, tasks: ReadonlyArray<Task>): string {
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn.map(formatDependencyRef).join(';')]));
  return stringify(
    plan.tasks.map((t) => [t.id, t.name, t.estimate, deps.get(t.id) ?? '', t.start, t.finish, t.slack, t.assignee ?? 'milestone', t.critical ? 'yes' : 'no']),
    { header: true, columns: [...WORK_BREAKDOWN_COLUMNS, 'start', 'finish', 'slack', 'assignee', 'critical'] },
  );
}
