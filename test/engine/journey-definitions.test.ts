// Definitions users register, sequences run as journeys, and durable timers, on both drivers.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { SequenceService } from '../../src/engine/sequence-service';
import { readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { DAY, SANDBOX_DONE, TestClock, journeyRuntime, rows } from './journey-helpers';

/** A small user definition: intake → review (a human sign-off) → done, with a 2-day reminder timer that sends an event. */
function reviewFlow(overrides: Record<string, unknown> = {}) {
  return {
    id: 'vendor-review',
    name: 'Vendor review',
    events: [{ name: 'start' }, { name: 'submit' }, { name: 'escalate' }, { name: 'approve' }, { name: 'cancel' }],
    stages: [
      { id: 'intake', name: 'Intake', kind: 'active', unitsOfWork: [{ key: 'collect', name: 'Collect documents', tasks: [{ key: 'fetch', name: 'Fetch documents', handler: 'echo' }] }] },
      {
        id: 'review',
        name: 'Review',
        kind: 'active',
        exitCriteria: [{ metric: 'risk_score', operator: '<=', threshold: 3 }],
        timers: [{ key: 'reminder', afterMs: 2 * DAY, event: 'escalate' }],
        unitsOfWork: [{ key: 'sign-off', name: 'Sign-off', tasks: [{ key: 'sign', name: 'Sign', handler: 'reviewer', kind: 'human' }] }],
      },
      { id: 'escalated', name: 'Escalated', kind: 'active' },
      { id: 'done', name: 'Done', kind: 'final', outcome: 'success' },
      { id: 'cancelled', name: 'Cancelled', kind: 'final', outcome: 'failure' },
    ],
    transitions: [
      { from: null, event: 'start', to: 'intake' },
      { from: 'intake', event: 'submit', to: 'review', guard: 'units_completed' },
      { from: 'review', event: 'approve', to: 'done', guard: 'exit_criteria' },
      { from: 'review', event: 'escalate', to: 'escalated' },
      { from: 'escalated', event: 'approve', to: 'done' },
      { from: 'intake', event: 'cancel', to: 'cancelled' },
      { from: 'review', event: 'cancel', to: 'cancelled' },
    ],
    ...overrides,
  };
}

describe.each(DRIVERS)('journey definitions, sequences and timers on %s', (driver) => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  beforeAll(async () => {
    db = await openTestDb(driver);
    clock = new TestClock();
    jr = journeyRuntime(db, clock);
    await jr.definitions.ensureBuiltins();
  });
  afterAll(async () => {
    await db.close();
  });

  const definitionCount = async () => (await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM journey_definitions'))[0]!.n;

  it('refuses an invalid definition with every problem’s pointer, storing nothing', async () => {
    const before = await definitionCount();
    const bad = reviewFlow({ stages: [{ id: 'Intake!', name: '', kind: 'active' }], events: [] });
    await expect(jr.definitions.register(bad, 'dana')).rejects.toMatchObject({
      code: 'OW_VALIDATION',
      errors: expect.arrayContaining([expect.objectContaining({ pointer: '/events' }), expect.objectContaining({ pointer: '/stages/0/id' }), expect.objectContaining({ pointer: '/stages/0/name' })]),
    });
    const cyclic = reviewFlow();
    (cyclic.stages[0] as { unitsOfWork: unknown }).unitsOfWork = [{ key: 'collect', name: 'C', tasks: [{ key: 'a', name: 'A', handler: 'echo', dependsOn: ['b'] }, { key: 'b', name: 'B', handler: 'echo', dependsOn: ['a'] }] }];
    await expect(jr.definitions.register(cyclic, 'dana')).rejects.toMatchObject({ code: 'OW_DEPENDENCY_CYCLE', status: 422, errors: [expect.objectContaining({ message: expect.stringContaining('collect/a → collect/b → collect/a') })] });
    const unknownHandler = reviewFlow();
    (unknownHandler.stages[0] as { unitsOfWork: Array<{ tasks: Array<{ handler: string }> }> }).unitsOfWork[0]!.tasks[0]!.handler = 'ghost-agent';
    await expect(jr.definitions.register(unknownHandler, 'dana')).rejects.toMatchObject({ code: 'OW_UNKNOWN_HANDLER', status: 422, errors: [{ pointer: '/stages/0/unitsOfWork/0/tasks/0/handler', message: expect.stringContaining("unknown handler 'ghost-agent'") }] });
    await expect(jr.definitions.register({ ...reviewFlow(), id: 'client-onboarding' }, 'dana')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    expect(await definitionCount()).toBe(before);
  });

  it('registers versions: each registration is the next version; a running journey keeps its own', async () => {
    const v1 = await jr.definitions.register(reviewFlow(), 'dana');
    expect(v1).toMatchObject({ id: 'vendor-review', version: 1, source: 'user', createdBy: 'dana' });
    const started = await jr.journeys.start({ definition: 'vendor-review', clientId: 'contoso' }, 'dana');
    const v2 = await jr.definitions.register({ ...reviewFlow(), name: 'Vendor review (v2)' }, 'dana');
    expect(v2.version).toBe(2);
    await expect(jr.definitions.register({ ...reviewFlow(), version: 7 }, 'dana')).rejects.toMatchObject({ code: 'OW_CONFLICT', errors: [{ pointer: '/version', message: "the next version of 'vendor-review' is 3" }] });
    expect((await jr.views.detail(started.journey.journeyId)).journey).toMatchObject({ definitionVersion: 1, definitionName: 'Vendor review' });
    const listed = (await jr.definitions.list()).find((d) => d.id === 'vendor-review');
    expect(listed).toMatchObject({ version: 2, versions: 2, name: 'Vendor review (v2)', stages: ['intake', 'review', 'escalated', 'done', 'cancelled'] });
    expect((await jr.definitions.detail('vendor-review')).versions.map((v) => v.version)).toEqual([1, 2]);
    await jr.journeys.cancel(started.journey.journeyId, { reason: 'test done' }, 'dana');
  });

  it('a durable timer fires once after its delay, from a fresh runtime, and sends its event', async () => {
    const { journey } = await jr.journeys.start({ definition: 'vendor-review', clientId: 'fabrikam' }, 'dana');
    await jr.worker!.drain();
    await jr.journeys.applyEvent(journey.journeyId, { type: 'submit' }, 'dana');
    const timer = (await jr.views.detail(journey.journeyId)).timers[0]!;
    expect(timer).toMatchObject({ key: 'reminder', event: 'escalate', status: 'scheduled', fireAt: new Date(clock.t + 2 * DAY).toISOString() });
    clock.advance(2 * DAY - 1);
    expect(await jr.timers.fireDue()).toBe(0);
    clock.advance(1);
    // A process that starts after the timer was scheduled fires it: the timers table is the memory.
    const restarted = journeyRuntime(db, clock);
    const [a, b] = await Promise.all([restarted.timers.fireDue(), jr.timers.fireDue()]);
    expect(a + b).toBe(1);
    const d = await jr.views.detail(journey.journeyId);
    expect(d.journey.currentStage).toBe('escalated');
    expect(d.timers[0]).toMatchObject({ status: 'fired', firedAt: clock.now().toISOString(), result: "sent 'escalate': moved from 'review' to 'escalated'" });
    const fired = (await readEvents(db, { key: journey.journeyId, limit: 100 })).filter((e) => e.topic === 'journey.timer.fired');
    expect(fired).toHaveLength(1);
    expect(d.units.find((u) => u.key === 'sign-off')?.status).toBe('cancelled');
  });

  it('timers of a stage the journey left never fire', async () => {
    const { journey } = await jr.journeys.start({ definition: 'vendor-review', clientId: 'tailspin' }, 'dana');
    await jr.worker!.drain();
    await jr.journeys.applyEvent(journey.journeyId, { type: 'submit' }, 'dana');
    const sign = (await jr.views.detail(journey.journeyId)).units.flatMap((u) => u.tasks).find((t) => t.key === 'sign')!;
    await jr.tasks.complete(sign.id, { output: { metrics: { risk_score: 2 } } }, 'reviewer-rita');
    await jr.journeys.applyEvent(journey.journeyId, { type: 'approve' }, 'dana');
    clock.advance(3 * DAY);
    expect(await jr.timers.fireDue()).toBe(0);
    const d = await jr.views.detail(journey.journeyId);
    expect(d.journey).toMatchObject({ currentStage: 'done', status: 'completed' });
    expect(d.timers[0]?.status).toBe('cancelled');
  });

  it('runs a stored musical sequence as a journey: beats as tasks, manual beats by people, each movement moving on by itself', async () => {
    await new SequenceService(db, clock).seedOnFirstStart();
    await expect(jr.journeys.start({ sequenceId: 'msp-domain-expert', clientId: 'northwind' }, 'sam')).rejects.toMatchObject({
      code: 'OW_UNKNOWN_HANDLER',
      errors: expect.arrayContaining([expect.objectContaining({ pointer: '/stages/0/unitsOfWork/0/tasks/1/handler' })]),
    });
    const { journey } = await jr.journeys.start({ sequenceId: 'msp-domain-expert', clientId: 'northwind', handlers: { '*': 'echo' } }, 'sam');
    expect(journey).toMatchObject({ definitionId: 'sequence-msp-domain-expert', currentStage: 'pattern-research-selection', handlerAliases: { '*': 'echo' } });
    for (let round = 0; round < 40; round++) {
      await jr.worker!.drain();
      const d = await jr.views.detail(journey.journeyId);
      if (d.journey.status !== 'active') break;
      for (const t of d.units.flatMap((u) => u.tasks).filter((t) => t.kind === 'human' && t.ready)) await jr.tasks.complete(t.id, { output: { done: true } }, 'consultant-kim');
    }
    const d = await jr.views.detail(journey.journeyId);
    expect(d.journey).toMatchObject({ currentStage: 'completed', status: 'completed' });
    expect(d.stageHistory.map((v) => v.stage)).toEqual(['pattern-research-selection', 'proposal-customization-client-presentation', 'pattern-adaptation-delivery', 'results-measurement-case-study', 'completed']);
    expect(d.stageHistory.slice(1).map((v) => v.enteredOn)).toEqual(['pattern.selected', 'client.presentation', 'solution.delivered', 'case.study.created']);
    const tasks = d.units.flatMap((u) => u.tasks);
    expect(tasks).toHaveLength(14);
    expect(tasks.every((t) => t.status === 'completed')).toBe(true);
    expect(tasks.filter((t) => t.kind === 'automated').every((t) => t.handler === 'echo' && t.agent !== 'echo')).toBe(true);
    const topics = (await readEvents(db, { key: journey.journeyId, limit: 1000 })).map((e) => e.topic);
    expect(topics).toContain('beat.engagement.received');
    expect(topics.filter((t) => t === 'beat.pattern.selected')).toHaveLength(2);
    // Running the same sequence again reuses the stored derived definition.
    const again = await jr.journeys.start({ sequenceId: 'msp-domain-expert', clientId: 'contoso', handlers: { '*': 'echo' } }, 'sam');
    expect(again.journey.definitionVersion).toBe(journey.definitionVersion);
    await jr.journeys.cancel(again.journey.journeyId, { reason: 'test done' }, 'sam');
  });

  it('an inline sequence that cannot become a journey is refused with pointers into the request', async () => {
    await expect(jr.journeys.start({ sequence: { id: 's', name: 'S', movements: [] }, clientId: 'x' }, 'sam')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [{ pointer: '/sequence/movements' }] });
    await expect(jr.journeys.start({ sequenceId: 'nope', clientId: 'x' }, 'sam')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
  });

  it('metrics known at the start reach the first stage’s gate', async () => {
    const { journey } = await jr.journeys.start({ definition: 'client-onboarding', clientId: 'adventure-works', metrics: SANDBOX_DONE }, 'sam');
    const d = await jr.views.detail(journey.journeyId);
    expect(d.metrics.values).toMatchObject(SANDBOX_DONE);
    const moved = await jr.journeys.applyEvent(journey.journeyId, { type: 'promote_to_pilot' }, 'sam');
    expect(moved.journey.currentStage).toBe('pilot');
    await jr.journeys.cancel(journey.journeyId, { reason: 'test done' }, 'sam');
  });
});
