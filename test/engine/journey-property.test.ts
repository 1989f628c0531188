// Random operator sessions against the stored engine (PGlite): whatever is sent, a refused action
// leaves the stored journey exactly as it was, the journey is always in a stage of its definition
// with the matching status, and the timeline has one open visit — the current stage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../src/store/db';
import { clientOnboarding } from '../../src/core/journey/client-onboarding';
import { AppError } from '../../src/core/shared/error-codes';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { getJourney } from '../../src/store/journey-states-repo';
import { listVisits } from '../../src/store/journey-records-repo';
import { openTestDb } from '../helpers/databases';
import { DAY, PILOT_DONE, PRODUCTION_DONE, SANDBOX_DONE, TestClock, journeyRuntime } from './journey-helpers';

const EVENTS = ['promote_to_pilot', 'promote_to_production', 'mark_complete', 'complete_rollback', 'start_journey', 'no_such_event'];
const TRIGGERS = ['client_request', 'critical_bug', 'not_a_trigger'];

type Action =
  | { kind: 'event'; event: string }
  | { kind: 'metrics'; pack: 'sandbox' | 'pilot' | 'production' | 'bad' }
  | { kind: 'rollback'; trigger: string; target: 'none' | 'cancel' | 'sandbox' }
  | { kind: 'cancel' }
  | { kind: 'work' }
  | { kind: 'wait'; days: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EVENTS).map((event) => ({ kind: 'event' as const, event })) },
  { weight: 3, arbitrary: fc.constantFrom('sandbox', 'pilot', 'production', 'bad').map((pack) => ({ kind: 'metrics' as const, pack: pack as 'sandbox' })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rollback' as const), trigger: fc.constantFrom(...TRIGGERS), target: fc.constantFrom('none', 'cancel', 'sandbox') as fc.Arbitrary<'none'> }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'work' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map((days) => ({ kind: 'wait' as const, days })) },
);

const PACKS = { sandbox: SANDBOX_DONE, pilot: PILOT_DONE, production: PRODUCTION_DONE, bad: { user_satisfaction: 2.1, search_precision: 0.3 } };

describe('random operator sessions on the stored engine', () => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    clock = new TestClock();
    jr = journeyRuntime(db, clock);
    await jr.definitions.ensureBuiltins();
  });
  afterAll(async () => {
    await db.close();
  });

  async function perform(id: string, a: Action): Promise<void> {
    switch (a.kind) {
      case 'event':
        return void (await jr.journeys.applyEvent(id, { type: a.event }, 'prop'));
      case 'metrics':
        return void (await jr.journeys.reportMetrics(id, { metrics: PACKS[a.pack] }, 'prop'));
      case 'rollback':
        return void (await jr.journeys.rollback(id, { trigger: a.trigger, reason: 'property test', ...(a.target === 'none' ? {} : { target: a.target }) }, 'prop'));
      case 'cancel':
        return void (await jr.journeys.cancel(id, { reason: 'property test' }, 'prop'));
      case 'work': {
        await jr.worker!.drain();
        const d = await jr.views.detail(id, { eventLimit: 0 });
        for (const t of d.units.flatMap((u) => u.tasks).filter((x) => x.kind === 'human' && x.ready)) await jr.tasks.complete(t.id, {}, 'prop');
        return;
      }
      case 'wait':
        clock.advance(a.days * DAY);
        await jr.timers.fireDue();
    }
  }

  it('refusals change nothing; the state always belongs to the definition; one open visit, the current stage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 10 }), async (actions) => {
        const { journey } = await jr.journeys.start({ definition: 'client-onboarding', clientId: 'prop' }, 'prop');
        const id = journey.journeyId;
        for (const a of actions) {
          const before = await getJourney(db, id);
          try {
            await perform(id, a);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            expect(await getJourney(db, id)).toEqual(before);
          }
          const after = (await getJourney(db, id))!;
          const stage = clientOnboarding.stages.find((s) => s.id === after.currentStage);
          expect(stage, `stage ${after.currentStage}`).toBeDefined();
          const expected = stage!.kind === 'rollback' ? 'rolling_back' : stage!.kind === 'final' ? (stage!.outcome === 'failure' ? 'cancelled' : 'completed') : 'active';
          expect(after.status).toBe(expected);
          const open = (await listVisits(db, id)).filter((v) => v.leftAt === null);
          expect(open.map((v) => `${v.stage}:${v.visit}`)).toEqual([`${after.currentStage}:${after.visits[after.currentStage]}`]);
        }
        if ((await getJourney(db, id))!.status !== 'completed' && (await getJourney(db, id))!.status !== 'cancelled') await jr.journeys.cancel(id, { reason: 'end of run' }, 'prop');
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
