// The advisor service on both drivers: versioned toolkit documents with audit and events, nothing
// stored on invalid input, the shipped examples loaded once, and live bindings resolved honestly.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisorService } from '../../src/engine/advisor-service';
import type { Principal } from '../../src/engine/token-service';
import { AppError } from '../../src/core/shared/error-codes';
import { JOURNEY_TOPICS, TASK_TOPICS } from '../../src/core/journey/topics';
import { listAudit } from '../../src/store/audit-repo';
import type { Db } from '../../src/store/db';
import { appendEvents, readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const now = new Date('2026-05-04T09:00:00.000Z');
const clock = { now: () => now };
const operator: Principal = { tokenId: 'tok_test', name: 'planner', role: 'operator' };
const content = (file: string) => new URL(`../../content/advisor/${file}`, import.meta.url);

const register = {
  name: 'Vendor risks',
  risks: [{ id: 'V1', title: 'Supplier outage', probability: 2, impact: 4, strategy: 'transfer', owner: 'Ops lead', mitigation: 'Second supplier under contract' }],
};

async function rowCount(db: Db): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM advisor_documents'))[0]!.n;
}

async function expectValidation(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('OW_VALIDATION');
  return err as AppError;
}

describe.each(DRIVERS)('advisor service on %s', (driver) => {
  let db: Db;
  let advisor: AdvisorService;
  beforeAll(async () => {
    db = await openTestDb(driver);
    advisor = new AdvisorService(db, clock);
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads the shipped examples on first start, once', async () => {
    const first = await advisor.seedOnFirstStart();
    expect(first.map((d) => [d.id, d.kind, d.version])).toEqual([
      ['epic-5.1-plan', 'work-breakdown', 1],
      ['epic-5.1-risks', 'risk-register', 1],
      ['epic-5.1-kpis', 'kpi-set', 1],
      ['escalation-okrs', 'kpi-set', 1],
      ['escalation-value-stream', 'value-stream', 1],
    ]);
    expect(await advisor.seedOnFirstStart()).toEqual([]);
    expect(await rowCount(db)).toBe(5);
    const plan = await advisor.get('epic-5.1-plan');
    expect(plan.document.summary).toBe('7 tasks, 144 points');
    // Seed 002's structure with its two developers: 5.1.0 first, 5.1.12 last at 102 points.
    const schedule = plan.analysis as { schedule: { criticalPath: string[]; duration: number } };
    expect(schedule.schedule.duration).toBe(102);
    expect(schedule.schedule.criticalPath[0]).toBe('5.1.0');
    expect(schedule.schedule.criticalPath.at(-1)).toBe('5.1.12');
    const risks = await advisor.get('epic-5.1-risks');
    expect(risks.document.summary).toBe('4 risks: 1 high, 2 medium, 1 low');
  });

  it('saves a document as version 1, then each save of its id as the next version, with audit and events', async () => {
    const v1 = await advisor.save({ id: 'vendor-risks', kind: 'risk-register', name: 'Vendor risks', content: register }, operator);
    expect(v1).toMatchObject({ id: 'vendor-risks', version: 1, kind: 'risk-register', createdBy: 'planner', summary: '1 risk: 1 medium' });
    const changed = { ...register, risks: [{ ...register.risks[0]!, probability: 4 }] };
    const v2 = await advisor.save({ id: 'vendor-risks', kind: 'risk-register', name: 'Vendor risks (reviewed)', content: changed }, operator);
    expect(v2.version).toBe(2);
    expect(v2.summary).toBe('1 risk: 1 high');

    const detail = await advisor.get('vendor-risks');
    expect(detail.document.version).toBe(2);
    expect(detail.versions.map((v) => [v.version, v.name])).toEqual([[1, 'Vendor risks'], [2, 'Vendor risks (reviewed)']]);
    expect((detail.analysis as { risks: Array<{ score: number }> }).risks[0]!.score).toBe(16);
    const old = await advisor.get('vendor-risks', 1);
    expect((old.analysis as { risks: Array<{ score: number }> }).risks[0]!.score).toBe(8);

    const audit = await listAudit(db, { target: 'vendor-risks', limit: 10 });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['planner', 'advisor.document.save'], ['planner', 'advisor.document.save']]);
    expect(audit[0]!.summary).toContain('version 2');
    const events = await readEvents(db, { key: 'vendor-risks', limit: 10 });
    expect(events.map((e) => [e.topic, e.payload.version])).toEqual([['advisor.document.saved', 1], ['advisor.document.saved', 2]]);
    expect((await advisor.list('risk-register')).map((d) => d.id)).toEqual(['epic-5.1-risks', 'vendor-risks']);
  });

  it('creates a new id when none is given, and refuses another kind under an existing id', async () => {
    const created = await advisor.save({ kind: 'kpi-set', name: 'OKRs', content: JSON.parse(await readFile(content('okrs-escalation.json'), 'utf8')) }, operator);
    expect(created.id).toMatch(/^kpi-set-[0-9a-f]{8}$/);
    const before = await rowCount(db);
    const err = await advisor.save({ id: 'vendor-risks', kind: 'value-stream', name: 'x', content: { steps: [{ name: 'a', processTime: 1, waitTime: 0, volume: 1 }] } }, operator).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OW_CONFLICT' });
    expect(await rowCount(db)).toBe(before);
  });

  it('stores nothing when the content is invalid, and says where for every kind', async () => {
    const before = await rowCount(db);
    const eventsBefore = (await readEvents(db, { topicPrefixes: ['advisor.'], limit: 1000 })).length;
    const risk = await expectValidation(advisor.save({ kind: 'risk-register', name: 'r', content: { risks: [{ id: 'X', title: 't', probability: 9, impact: 2, strategy: 'mitigate', owner: 'o' }] } }, operator));
    expect(risk.errors.map((e) => e.pointer).sort()).toEqual(['/risks/0/mitigation', '/risks/0/probability']);
    const csv = await expectValidation(advisor.save({ kind: 'work-breakdown', name: 'w', content: 'id,name,estimate,depends_on\na,A,1,b\nb,B,1,a\n' }, operator));
    expect(csv.errors[0]).toMatchObject({ line: 3, field: 'depends_on' });
    expect(csv.errors[0]!.message).toMatch(/dependency cycle: (a → b → a|b → a → b)/);
    const tasks = await expectValidation(advisor.save({ kind: 'work-breakdown', name: 'w', content: { tasks: [{ id: 'a', name: 'A', estimate: -1 }], people: 0 } }, operator));
    expect(tasks.errors.map((e) => e.pointer).sort()).toEqual(['/people', '/tasks/0/estimate']);
    const okr = await expectValidation(advisor.save({ kind: 'kpi-set', name: 'k', content: { objectives: [{ id: 'O', title: 'T', keyResults: [{ id: 'K', title: 'k', baseline: 5, target: 5 }] }] } }, operator));
    expect(okr.errors.map((e) => e.pointer)).toEqual(['/objectives/0/keyResults/0/target']);
    const stream = await expectValidation(advisor.save({ kind: 'value-stream', name: 'v', content: { steps: [] } }, operator));
    expect(stream.errors.map((e) => e.pointer)).toEqual(['/steps']);
    const envelope = await expectValidation(advisor.save({ id: 'Bad Id', kind: 'plan', name: '' }, operator));
    expect(envelope.errors.map((e) => e.pointer).sort()).toEqual(['/content', '/id', '/kind', '/name']);
    expect(await rowCount(db)).toBe(before);
    expect((await readEvents(db, { topicPrefixes: ['advisor.'], limit: 1000 })).length).toBe(eventsBefore);
  });

  it('exports a saved document as Markdown and CSV, for a chosen version', async () => {
    const md = await advisor.export('epic-5.1-plan', undefined, 'md');
    expect(md.filename).toBe('epic-5.1-plan-v1.md');
    expect(md.body).toContain('# Epic 5.1 – Operational Portal plan');
    expect(md.body).toContain('Critical path: 5.1.0 → 5.1.8 → 5.1.9 → 5.1.10 → 5.1.11 → 5.1.12');
    // Query options win over the saved settings: with one person all 144 points run in a row.
    const csv = await advisor.export('epic-5.1-plan', 1, 'csv', { people: 1 });
    expect(csv.body.split('\n')[0]).toBe('id,name,estimate,depends_on,start,finish,slack,assignee,critical');
    expect(csv.body).not.toContain('Person 2');
    expect(csv.body).toMatch(/^5\.1\.12,Technical Help Desk,21,[^,]*,123,144,0,Person 1,yes$/m);
    const v1 = await advisor.export('vendor-risks', 1, 'csv');
    expect(v1.body).toContain('V1,Supplier outage,2,4,8,medium,transfer');
    await expect(advisor.export('vendor-risks', 9, 'md')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(advisor.get('no-such-doc')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
  });

  it('reports bindings as not yet resolvable while no journey has run, and never invents a value', async () => {
    const kpis = [{ id: 'ttp', name: 'Time to production', unit: 'days', baseline: 30, target: 10, binding: { source: 'journey', metric: 'task_success_rate' } }];
    const before = await advisor.kpi(kpis, '2026-05-04');
    expect(before.bindings).toEqual([expect.objectContaining({ pointer: '/kpis/0/binding', status: 'not yet resolvable', value: null })]);
    expect(before.bindings[0]!.detail).toContain('no journey events');
    expect(before.scorecard!.perspectives.flatMap((p) => p.kpis).concat(before.scorecard!.unassigned)[0]!.current).toBeNull();
    const okrs = await advisor.kpi(JSON.parse(await readFile(content('okrs-escalation.json'), 'utf8')), '2026-05-04');
    expect(okrs.bindings.map((b) => [b.metric, b.status])).toEqual([
      ['mttr', 'not yet resolvable'],
      ['sla_breach_rate', 'not yet resolvable'],
      ['re_escalation_rate', 'not yet resolvable'],
    ]);
    // The stated current values (seed 000's after-measurement) stay; nothing is made up.
    expect(okrs.okrs!.objectives[0]!.keyResults.map((k) => k.current)).toEqual([28, 18, 8]);
  });

  it('resolves a journey binding from the journey events in the log', async () => {
    await db.transaction((tx) =>
      appendEvents(
        tx,
        [
          { topic: JOURNEY_TOPICS.started, key: 'j-1', payload: { journeyId: 'j-1' } },
          { topic: TASK_TOPICS.completed, key: 'j-1', payload: { journeyId: 'j-1', stage: 'PILOT', taskId: 't1' } },
          { topic: TASK_TOPICS.completed, key: 'j-1', payload: { journeyId: 'j-1', stage: 'PILOT', taskId: 't2' } },
          { topic: TASK_TOPICS.completed, key: 'j-1', payload: { journeyId: 'j-1', stage: 'PILOT', taskId: 't3' } },
          { topic: TASK_TOPICS.failed, key: 'j-1', payload: { journeyId: 'j-1', stage: 'PILOT', taskId: 't4' } },
          { topic: JOURNEY_TOPICS.metricsReported, key: 'j-1', payload: { journeyId: 'j-1', metrics: { uptime_pct: 99.2 } } },
        ],
        new Date('2026-05-03T12:00:00.000Z'),
      ),
    );
    const result = await advisor.kpi(
      [
        { id: 'ok', name: 'Task success rate', unit: 'ratio', baseline: 0.5, target: 0.9, binding: { source: 'journey', metric: 'task_success_rate' } },
        { id: 'up', name: 'Pilot uptime', unit: '%', baseline: 98, target: 99.5, binding: { source: 'journey', metric: 'uptime_pct' } },
        { id: 'no', name: 'Unknown metric', unit: 'x', baseline: 1, target: 2, binding: { source: 'journey', metric: 'nothing_like_this' } },
        { id: 'esc', name: 'MTTR', unit: 'h', baseline: 48, target: 30, current: 40, binding: { source: 'escalation', metric: 'mttr' } },
      ],
      '2026-05-04',
    );
    expect(result.bindings.map((b) => [b.metric, b.status, b.value])).toEqual([
      ['task_success_rate', 'resolved', 0.75],
      ['uptime_pct', 'resolved', 99.2],
      ['nothing_like_this', 'not yet resolvable', null],
      ['mttr', 'not yet resolvable', null],
    ]);
    const rows = [...result.scorecard!.perspectives.flatMap((p) => p.kpis), ...result.scorecard!.unassigned];
    expect(Object.fromEntries(rows.map((r) => [r.id, r.current]))).toEqual({ ok: 0.75, up: 99.2, no: null, esc: 40 });
    expect(result.explanation.some((l) => l.includes('Task success rate') && l.includes('journey j-1'))).toBe(true);

    const risk = await advisor.risk({ risks: [{ id: 'R', title: 'Pilot failures', probability: 3, impact: 3, strategy: 'accept', owner: 'QA', kris: [{ name: 'Task success', threshold: 0.8, breachWhen: 'below', binding: { source: 'journey', metric: 'task_success_rate' } }] }] });
    expect(risk.bindings[0]).toMatchObject({ status: 'resolved', value: 0.75, pointer: '/risks/0/kris/0/binding' });
    expect(risk.breachedKris).toEqual([{ riskId: 'R', kri: 'Task success' }]);
  });

  it('links library patterns by problem type only when a pattern source is present', async () => {
    const text = 'Escalations pile up in the L2 backlog and breach the SLA';
    const alone = await advisor.route({ problem: text });
    expect(alone.patterns).toBeNull();
    expect(alone.problemTypes.map((p) => p.type).sort()).toEqual(['Backlog', 'Escalation', 'SLA Failure']);
    expect(alone.explanation.at(-1)).toContain('not linked');
    const withLibrary = new AdvisorService(db, clock);
    const flagship = JSON.parse(await readFile(new URL('../../content/patterns/support-ticket-escalation-backlog.json', import.meta.url), 'utf8')) as { ows: { title?: string }; library: { slug: string; problemTypes: string[] } };
    withLibrary.usePatternSource(async () => [{ slug: flagship.library.slug, title: flagship.ows.title ?? flagship.library.slug, problemTypes: flagship.library.problemTypes }]);
    const linked = await withLibrary.route({ problem: text });
    expect(linked.patterns).toHaveLength(1);
    expect(linked.patterns![0]!.slug).toBe('support-ticket-escalation-backlog');
    expect([...linked.patterns![0]!.sharedTypes].sort()).toEqual(['Backlog', 'Escalation', 'SLA Failure']);
    expect(linked.explanation.at(-1)).toContain('Library patterns:');
  });
});
