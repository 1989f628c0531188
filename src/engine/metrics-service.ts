// Metrics of the escalation runtime: history imports (preview, then commit), baselines and
// measurements from imported or live tickets, and before/after comparisons with ROI.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  compareFigures,
  computeFiguresByPriority,
  computeRoi,
  DEFAULT_SLA_TARGETS,
  historyRowFacts,
  parseHistoryCsv,
  slaCyclesFor,
  type Comparison,
  type FiguresByPriority,
  type HistoryRow,
  type Roi,
  type TicketFacts,
} from '../core/metrics';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db, Queryable } from '../store/db';
import { readLiveTickets } from '../store/metric-live-repo';
import { findSnapshot, insertSnapshot, listSnapshots, type MetricSnapshot, type SnapshotKind } from '../store/metric-snapshots-repo';
import { findTicketImport, insertTicketImport, latestTicketImport, listTicketImports, readImportRows, type TicketImportRecord } from '../store/ticket-import-repo';
import { commitChange } from './change';
import type { Clock } from './clock';

export type Actor = string | { name: string };
const actorName = (a: Actor) => (typeof a === 'string' ? a : a.name);

/** Rows shown in a preview; the full set is counted, not echoed back. */
const PREVIEW_ROWS = 20;
/** An import larger than this is refused before parsing so one request cannot hold the server. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const isoDate = z.iso.datetime({ offset: true });
export const snapshotInput = z.strictObject({
  source: z.enum(['import', 'live']).default('live'),
  importId: z.string().regex(/^imp_[0-9a-f]{16}$/, 'an import id looks like imp_0123456789abcdef').optional(),
  windowStart: isoDate.optional(),
  windowEnd: isoDate.optional(),
  workspaceId: z.string().min(1).max(200).optional(),
});
export type SnapshotInput = z.input<typeof snapshotInput>;

export const liveInput = z.strictObject({ windowStart: isoDate.optional(), windowEnd: isoDate.optional() });

export interface LiveFigures {
  /** When the figures were computed (open SLA cycles past their target count as breached from then). */
  at: string;
  windowStart: string | null;
  windowEnd: string | null;
  figures: FiguresByPriority;
}

export const compareOptions = z.strictObject({
  costPerHour: z.number().nonnegative().max(1e6).optional(),
  implementationCost: z.number().nonnegative().max(1e12).optional(),
});

export interface ImportPreview {
  importId: string | null;
  committed: boolean;
  total: number;
  valid: number;
  invalid: number;
  columns: Record<string, string>;
  ignoredColumns: string[];
  errors: ReturnType<typeof parseHistoryCsv>['errors'];
  sample: HistoryRow[];
  /** What a baseline of these rows would show. */
  figures: FiguresByPriority;
}

export interface SnapshotComparison {
  baseline: MetricSnapshot;
  measured: MetricSnapshot;
  comparison: Comparison;
  roi: (Roi & { costPerHour: number; implementationCost: number }) | null;
}

const DAY_MS = 86_400_000;

/** The live tickets (created in [start, end) when given) as metric facts at `now`; also read by the KPI bindings. */
export async function liveTicketFacts(q: Queryable, start: Date | null, end: Date | null, now: number): Promise<TicketFacts[]> {
  const live = await readLiveTickets(q, start, end);
  // Tickets the SLA Monitor did not time are judged against the default targets.
  return live.tickets.map((t) => ({ ...t, slaCycles: t.slaCycles ?? slaCyclesFor(t, DEFAULT_SLA_TARGETS, now) }));
}

export class MetricsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void = () => undefined,
  ) {}

  async importHistory(csvText: string, opts: { commit: boolean; actor: Actor }): Promise<ImportPreview> {
    if (Buffer.byteLength(csvText, 'utf8') > MAX_IMPORT_BYTES) throw new AppError('OW_PAYLOAD_TOO_LARGE', `The CSV exceeds ${MAX_IMPORT_BYTES} bytes; split the export by date`);
    const parsed = parseHistoryCsv(csvText);
    const now = this.clock.now().getTime();
    const preview: ImportPreview = {
      importId: null,
      committed: false,
      total: parsed.total,
      valid: parsed.rows.length,
      invalid: parsed.total - parsed.rows.length,
      columns: parsed.columns,
      ignoredColumns: parsed.ignored,
      errors: parsed.errors,
      sample: parsed.rows.slice(0, PREVIEW_ROWS),
      figures: computeFiguresByPriority(parsed.rows.map((r) => historyRowFacts(r, DEFAULT_SLA_TARGETS, now))),
    };
    if (!opts.commit) return preview;
    if (parsed.rows.length === 0) {
      throw new AppError('OW_VALIDATION', `Nothing to import: the CSV has no valid ticket rows (${parsed.errors.length} errors)`, parsed.errors);
    }
    const id = `imp_${randomBytes(8).toString('hex')}`;
    const who = actorName(opts.actor);
    await commitChange(
      this.db,
      this.clock,
      async (tx, at) => {
        const record = await insertTicketImport(tx, { id, rowsTotal: parsed.total, errors: parsed.errors, columns: parsed.columns, rows: parsed.rows, createdBy: who }, at);
        return {
          result: record,
          audit: { actor: who, action: 'tickets.import', target: id, summary: `imported ${parsed.rows.length} of ${parsed.total} historical tickets (${parsed.errors.length} errors skipped)` },
          events: [{ topic: 'tickets.imported', key: id, payload: { id, valid: parsed.rows.length, total: parsed.total, errors: parsed.errors.length } }],
        };
      },
      this.onEvents,
    );
    return { ...preview, importId: id, committed: true };
  }

  listImports(limit = 50): Promise<TicketImportRecord[]> {
    return listTicketImports(this.db, limit);
  }

  captureBaseline(input: SnapshotInput & { actor: Actor }): Promise<MetricSnapshot> {
    return this.snapshot('baseline', input);
  }

  measure(input: SnapshotInput & { actor: Actor }): Promise<MetricSnapshot> {
    return this.snapshot('measured', input);
  }

  async getSnapshot(id: string): Promise<MetricSnapshot> {
    const s = await findSnapshot(this.db, id);
    if (!s) throw new AppError('OW_NOT_FOUND', `No metric snapshot with id ${id}`);
    return s;
  }

  listSnapshots(q: { kind?: SnapshotKind; workspaceId?: string; limit?: number } = {}): Promise<MetricSnapshot[]> {
    return listSnapshots(this.db, { ...q, limit: q.limit ?? 50 });
  }

  async compare(baselineId: string, measuredId: string, options: { implementationCost?: number; costPerHour?: number } = {}): Promise<SnapshotComparison> {
    const opts = compareOptions.safeParse(options);
    if (!opts.success) throw new AppError('OW_VALIDATION', 'The comparison options are not valid', zodIssuesToLocations(opts.error.issues));
    const baseline = await this.getSnapshot(baselineId);
    const measured = await this.getSnapshot(measuredId);
    const comparison = compareFigures(baseline.figures, measured.figures);
    const { costPerHour, implementationCost } = opts.data;
    let roi: SnapshotComparison['roi'] = null;
    if (costPerHour !== undefined && implementationCost !== undefined) {
      const span = measured.windowStart && measured.windowEnd ? (Date.parse(measured.windowEnd) - Date.parse(measured.windowStart)) / DAY_MS : 0;
      roi = {
        ...computeRoi({
          baselineMttrHours: baseline.figures.all.mttrHours.mean,
          measuredMttrHours: measured.figures.all.mttrHours.mean,
          resolvedTickets: measured.figures.all.resolved,
          windowDays: span,
          costPerHour,
          implementationCost,
        }),
        costPerHour,
        implementationCost,
      };
    }
    return { baseline, measured, comparison, roi };
  }

  /**
   * The figures of the live tickets right now (created in the window when one is given), stored nowhere:
   * what a measurement would record, for the portal, the KPI bindings and `GET /api/metrics/live`.
   */
  async live(raw: unknown = {}): Promise<LiveFigures> {
    const parsed = liveInput.safeParse(raw);
    if (!parsed.success) throw new AppError('OW_VALIDATION', 'The live metrics query is not valid', zodIssuesToLocations(parsed.error.issues));
    const start = parsed.data.windowStart ? new Date(parsed.data.windowStart) : null;
    const end = parsed.data.windowEnd ? new Date(parsed.data.windowEnd) : null;
    if (start && end && end <= start) throw new AppError('OW_VALIDATION', 'The window is empty', [{ pointer: '/windowEnd', message: `windowEnd ${parsed.data.windowEnd} is not after windowStart ${parsed.data.windowStart}` }]);
    const now = this.clock.now();
    const facts = await this.liveFacts(start, end, now.getTime());
    return { at: now.toISOString(), windowStart: start?.toISOString() ?? null, windowEnd: end?.toISOString() ?? null, figures: computeFiguresByPriority(facts) };
  }

  private liveFacts(start: Date | null, end: Date | null, now: number): Promise<TicketFacts[]> {
    return liveTicketFacts(this.db, start, end, now);
  }

  private async snapshot(kind: SnapshotKind, raw: SnapshotInput & { actor: Actor }): Promise<MetricSnapshot> {
    const { actor, ...rest } = raw;
    const parsed = snapshotInput.safeParse(rest);
    if (!parsed.success) throw new AppError('OW_VALIDATION', `The ${kind} request is not valid`, zodIssuesToLocations(parsed.error.issues));
    const input = parsed.data;
    const start = input.windowStart ? new Date(input.windowStart) : null;
    const end = input.windowEnd ? new Date(input.windowEnd) : null;
    if (start && end && end <= start) throw new AppError('OW_VALIDATION', 'The window is empty', [{ pointer: '/windowEnd', message: `windowEnd ${input.windowEnd} is not after windowStart ${input.windowStart}` }]);
    const now = this.clock.now().getTime();
    let facts: TicketFacts[];
    let importId: string | null = null;
    if (input.source === 'live') {
      facts = await this.liveFacts(start, end, now);
    } else {
      const imp = input.importId ? await findTicketImport(this.db, input.importId) : await latestTicketImport(this.db);
      if (!imp) throw new AppError(input.importId ? 'OW_NOT_FOUND' : 'OW_CONFLICT', input.importId ? `No ticket import with id ${input.importId}` : 'No ticket history has been imported yet; import a CSV first (ow metrics import FILE --commit)');
      importId = imp.id;
      facts = (await readImportRows(this.db, imp.id, start, end)).map((r) => historyRowFacts(r, DEFAULT_SLA_TARGETS, now));
    }
    if (facts.length === 0) throw new AppError('OW_CONFLICT', `No tickets ${input.source === 'import' ? `in import ${importId}` : 'in the ticket store'} were created in the window; nothing to ${kind === 'baseline' ? 'baseline' : 'measure'}`);
    const created = facts.map((f) => f.createdAt);
    // Without explicit bounds the window is the span of the tickets it covers, so ROI can give a weekly rate.
    const windowStart = start ?? new Date(Math.min(...created));
    const windowEnd = end ?? new Date(Math.max(...created) + 1);
    const figures = computeFiguresByPriority(facts);
    const who = actorName(actor);
    const topic = kind === 'baseline' ? 'metrics.baselined' : 'metrics.measured';
    const id = `ms_${randomBytes(8).toString('hex')}`;
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, at) => {
        const snap = await insertSnapshot(tx, { id, kind, source: input.source, importId, windowStart, windowEnd, figures, workspaceId: input.workspaceId ?? null, createdBy: who }, at);
        const mttr = figures.all.mttrHours.mean;
        return {
          result: snap,
          audit: { actor: who, action: kind === 'baseline' ? 'metrics.baseline' : 'metrics.measure', target: id, summary: `${kind} of ${figures.all.tickets} ${input.source} tickets (MTTR ${mttr === null ? 'n/a' : `${mttr.toFixed(1)} h`})` },
          events: [{ topic, key: id, payload: { id, kind, source: input.source, importId, workspaceId: input.workspaceId ?? null, tickets: figures.all.tickets, mttrHours: mttr, slaBreachRate: figures.all.slaBreachRate, reEscalationRate: figures.all.reEscalationRate } }],
        };
      },
      this.onEvents,
    );
    return committed.result;
  }
}
