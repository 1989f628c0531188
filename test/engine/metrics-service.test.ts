// The metrics service on both drivers: a CSV preview stores nothing, a commit stores only the valid
// rows with audit and event, baselines and measurements become snapshots, and compare gives % and ROI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/shared/error-codes';
import { MetricsService } from '../../src/engine/metrics-service';
import { listAudit } from '../../src/store/audit-repo';
import type { Db } from '../../src/store/db';
import { readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const now = new Date('2026-05-04T09:00:00.000Z');
const clock = { now: () => now };

/** Two weeks before (48 h to resolve) and two weeks after (24 h), one bad row in the middle. */
function historyCsv(): string {
  const lines = ['Ticket ID,Created At,First Response,Solved At,Priority,Assignee,Escalations,Reopens'];
  for (let d = 1; d <= 28; d++) {
    const day = `2026-03-${String(d).padStart(2, '0')}`;
    const resolveH = d <= 14 ? 48 : 24;
    const resolved = new Date(Date.parse(`${day}T08:00:00Z`) + resolveH * 3_600_000).toISOString();
    lines.push(`${d},${day} 08:00,${day} 09:00,${resolved},${d % 2 ? 'high' : 'Medium'},Ana,${d % 7 === 0 ? 2 : 1},0`);
    if (d === 10) lines.push('x,2026-13-01 08:00,,,normal,Bo,0,0');
  }
  return lines.join('\n');
}

async function count(db: Db, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
}

describe.each(DRIVERS)('MetricsService on %s', (driver) => {
  let db: Db;
  let metrics: MetricsService;
  beforeAll(async () => {
    db = await openTestDb(driver);
    metrics = new MetricsService(db, clock);
  });
  afterAll(async () => {
    await db.close();
  });

  it('previews an import without storing anything, then commits only the valid rows', async () => {
    const preview = await metrics.importHistory(historyCsv(), { commit: false, actor: 'ana' });
    expect(preview).toMatchObject({ committed: false, importId: null, total: 29, valid: 28, invalid: 1 });
    expect(preview.errors).toEqual([expect.objectContaining({ line: 12, field: 'Created At' })]);
    expect(preview.figures.all.mttrHours.mean).toBe(36);
    expect(await count(db, 'ticket_import_rows')).toBe(0);

    const done = await metrics.importHistory(historyCsv(), { commit: true, actor: 'ana' });
    expect(done.committed).toBe(true);
    expect(done.importId).toMatch(/^imp_[0-9a-f]{16}$/);
    expect(await count(db, 'ticket_import_rows')).toBe(28);
    const events = await readEvents(db, { topicPrefixes: ['tickets.imported'], limit: 10 });
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ id: done.importId, valid: 28, total: 29, errors: 1 })]);
    expect((await listAudit(db, { limit: 10 })).some((a) => a.action === 'tickets.import' && a.target === done.importId)).toBe(true);
  });

  it('refuses to commit a file with no valid rows and stores nothing', async () => {
    const before = await count(db, 'ticket_imports');
    const err = await metrics.importHistory('created,priority\nnope,high\n', { commit: true, actor: 'ana' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).errors[0]).toMatchObject({ line: 2, field: 'created' });
    expect(await count(db, 'ticket_imports')).toBe(before);
  });

  it('baselines and measures windows of the import and compares them with ROI', async () => {
    const baseline = await metrics.captureBaseline({ source: 'import', windowStart: '2026-03-01T00:00:00Z', windowEnd: '2026-03-15T00:00:00Z', workspaceId: 'ws-1', actor: 'ana' });
    const measured = await metrics.measure({ source: 'import', windowStart: '2026-03-15T00:00:00Z', windowEnd: '2026-03-29T00:00:00Z', actor: 'ana' });
    expect(baseline).toMatchObject({ kind: 'baseline', source: 'import', workspaceId: 'ws-1' });
    expect(baseline.figures.all).toMatchObject({ tickets: 14, mttrHours: { mean: 48 } });
    expect(measured.figures.all.mttrHours.mean).toBe(24);
    // High-priority resolution target is 24 h: every before ticket breached it, no after ticket did.
    expect(baseline.figures.byPriority.high.slaBreachRate).toBe(0.5);
    expect(measured.figures.byPriority.high.slaBreachRate).toBe(0);
    expect((await readEvents(db, { topicPrefixes: ['metrics.'], limit: 10 })).map((e) => e.topic)).toEqual(['metrics.baselined', 'metrics.measured']);

    const cmp = await metrics.compare(baseline.id, measured.id, { costPerHour: 10, implementationCost: 1000 });
    expect(cmp.comparison.all.find((m) => m.key === 'mttrHours')).toMatchObject({ before: 48, after: 24, improvementPct: 50 });
    // 24 h saved × 7 tickets/week = 168 h/week → 1,680 per week at 10/h.
    expect(cmp.roi).toMatchObject({ hoursSavedPerWeek: 168, weeklySavings: 1680 });
    expect(cmp.roi!.paybackWeeks).toBeCloseTo(1000 / 1680);
    expect((await metrics.listSnapshots({ workspaceId: 'ws-1' })).map((s) => s.id)).toEqual([baseline.id]);
  });

  it('answers unknown snapshots and bad windows with clear errors and stores nothing', async () => {
    const before = await count(db, 'metric_snapshots');
    await expect(metrics.getSnapshot('ms_0000000000000000')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(metrics.measure({ source: 'import', windowStart: '2026-03-15T00:00:00Z', windowEnd: '2026-03-01T00:00:00Z', actor: 'ana' })).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [expect.objectContaining({ pointer: '/windowEnd' })] });
    await expect(metrics.measure({ source: 'import', windowStart: 'yesterday', actor: 'ana' })).rejects.toMatchObject({ errors: [expect.objectContaining({ pointer: '/windowStart' })] });
    await expect(metrics.measure({ source: 'import', windowStart: '2030-01-01T00:00:00Z', actor: 'ana' })).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    expect(await count(db, 'metric_snapshots')).toBe(before);
  });
});
