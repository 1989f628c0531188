// The workspace service on both drivers: seed 000 through commitChange with history, audit and
// events; refusals that change nothing; the durable stabilization timer; CSV with owners; case study.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/shared/error-codes';
import { PatternService } from '../../src/engine/pattern-service';
import { WorkspaceService } from '../../src/engine/workspace-service';
import type { Db } from '../../src/store/db';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { AFTER, BEFORE } from '../core/workspace/fixtures';
import { catalogJson, FLAGSHIP_SLUG } from './pattern-fixtures';

const DAY = 86_400_000;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe.each(DRIVERS)('workspace service (%s)', (driver) => {
  let db: Db;
  let now = Date.parse('2026-04-01T08:00:00.000Z');
  const clock = { now: () => new Date(now) };
  let service: WorkspaceService;

  beforeAll(async () => {
    db = await openTestDb(driver);
    const patterns = new PatternService(db, clock);
    await patterns.publish(catalogJson(FLAGSHIP_SLUG), 'system');
    service = new WorkspaceService(db, clock, () => undefined, patterns, () => ({}));
  });
  afterAll(async () => {
    await service.stop();
    await db.close();
  });

  it('carries a team from assignment to lessons with history, audit and events', async () => {
    const created = await service.create({ team: 'Tier 2 support', owner: 'Dana', patternSlug: FLAGSHIP_SLUG, stabilizationDays: 14 }, 'dana');
    const id = created.workspace.id;
    expect(created.journey.next).toEqual({ step: 'kickoff', blockers: [] });

    const kicked = await service.step(id, 'kickoff', { owners: { 'IMP-001': 'Ana' } }, 'dana');
    const unowned = kicked.workspace.items.filter((i) => i.owner === null).map((i) => i.id);
    expect(unowned.length).toBeGreaterThan(0);
    expect(kicked.journey.next?.blockers).toHaveLength(unowned.length);

    const refused = await refusal(service.step(id, 'export', {}, 'dana'));
    expect(refused.status).toBe(409);
    expect(refused.errors.filter((e) => e.field === 'missing').map((e) => e.message)).toEqual(kicked.workspace.items.filter((i) => i.owner === null).map((i) => `an owner for checklist item ${i.id} (${i.summary})`));
    expect(refused.errors.at(-1)).toEqual({ field: 'allowed', message: 'owners, export' });
    expect((await service.get(id)).workspace.version).toBe(kicked.workspace.version);

    await service.step(id, 'owners', { owners: Object.fromEntries(unowned.map((u, i) => [u, `Engineer ${i}`])) }, 'dana');
    const csv = await service.checklistCsv(id, 'https://ow.example.com');
    expect(csv.csv.split('\n')[0]).toBe('Summary,Description,Issue Type,Labels,Priority,Assignee');
    expect(csv.csv).toContain(',Ana\n');
    await service.step(id, 'export', {}, 'dana');

    const noFigures = await refusal(service.step(id, 'baseline', { source: 'live' }, 'dana'));
    expect(noFigures.message).toMatch(/no metrics service/);
    await service.step(id, 'baseline', { source: 'manual', figures: BEFORE }, 'dana');
    await service.step(id, 'shadow', {}, 'dana');
    const prod = await service.step(id, 'production', {}, 'dana');
    expect(prod.workspace.escalationMode).toEqual({ mode: 'production', applied: false });
    expect(prod.journey.window).toEqual({ endsAt: new Date(now + 14 * DAY).toISOString(), elapsed: false, daysLeft: 14 });

    now += 3 * DAY;
    const early = await refusal(service.step(id, 'measure', { figures: AFTER }, 'dana'));
    expect(early.message).toMatch(/stabilization window to end at .* \(11 day\(s\) left\)/);
    expect(await service.timer.markEnded()).toBe(0);

    now += 11 * DAY;
    expect(await service.timer.markEnded()).toBe(1);
    expect(await service.timer.markEnded()).toBe(0);
    await service.step(id, 'measure', { figures: AFTER }, 'dana');
    const report = await service.report(id);
    expect(report.markdown).toContain('| MTTR | All tickets | 48.0 h | 28.0 h | 41.7 % better |');
    await service.step(id, 'report', { implementationCost: 1000, costPerHour: 50 }, 'dana');
    const done = await service.step(id, 'lessons', { lessons: ['Monitor alert thresholds too aggressive'] }, 'dana');

    expect(done.workspace.stage).toBe('lessons');
    expect(done.journey.steps.every((s) => s.status === 'done')).toBe(true);
    expect(done.history.map((h) => h.step)).toEqual(['assign', 'kickoff', 'owners', 'export', 'baseline', 'shadow', 'production', 'stabilized', 'measure', 'report', 'lessons']);
    const events = await db.query<{ topic: string }>("SELECT topic FROM events WHERE payload->>'workspaceId' = $1 AND topic <> 'workspace.advanced' ORDER BY id", [id]);
    expect(events.map((e) => e.topic)).toEqual(['pattern.assigned', 'implementation.started', 'metrics.baselined', 'workspace.stabilized', 'metrics.measured', 'results.reported', 'pattern.referenced']);
    const audit = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE target = $1 ORDER BY id', [id]);
    expect(audit.map((a) => a.action)).toEqual(['workspace.create', 'workspace.kickoff', 'workspace.owners', 'workspace.export', 'workspace.baseline', 'workspace.shadow', 'workspace.production', 'workspace.measure', 'workspace.report', 'workspace.lessons']);
  });

  it('refuses bad input with pointers and unknown workspaces and steps with 404', async () => {
    const bad = await refusal(service.create({ team: '', owner: 'Dana', patternSlug: 'Not A Slug' }, 'dana'));
    expect(bad.errors.map((e) => e.pointer).sort()).toEqual(['/patternSlug', '/team']);
    expect((await refusal(service.create({ team: 'T', owner: 'D', patternSlug: 'no-such-pattern' }, 'dana'))).status).toBe(404);
    expect((await refusal(service.get('ws_nope'))).status).toBe(404);
    const w = await service.create({ team: 'T', owner: 'D', patternSlug: FLAGSHIP_SLUG }, 'dana');
    expect((await refusal(service.step(w.workspace.id, 'deploy', {}, 'dana'))).status).toBe(404);
    expect((await refusal(service.step(w.workspace.id, 'kickoff', { owners: { 'IMP-001': '' } }, 'dana'))).errors[0]?.pointer).toBe('/owners/IMP-001');
  });

  it('exports an anonymized case study with the client white-label terms', async () => {
    const client = { name: 'Initech', aliases: ['Initech Inc'], label: 'a payments company', terms: [{ from: 'L2', to: 'Initech Tier 2 Engineering' }] };
    const w = await service.create({ team: 'Initech support', owner: 'Mo', patternSlug: FLAGSHIP_SLUG, client }, 'mo');
    const md = await service.caseStudy(w.workspace.id);
    expect(md.toLowerCase()).not.toContain('initech');
    expect(md).toContain('a payments company Tier 2 Engineering');
    expect(md).toContain('```mermaid\nsequenceDiagram');
  });
});
