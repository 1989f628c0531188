import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import type { Criterion } from '../../../src/core/journey/criterion';
import { allowedEvents, defineJourney, findStage, type JourneyDefinition } from '../../../src/core/journey/definition';
import { journeyFromSequence } from '../../../src/core/journey/from-sequence';
import { statusOf } from '../../../src/core/journey/stage-entry';
import { JourneyStateSchema, type JourneyState, type UnitSnapshot } from '../../../src/core/journey/state';
import { transition } from '../../../src/core/journey/transition';
import { T0 } from './fixtures/journey-driver';
import { tinyDefinition } from './fixtures/tiny-definition';

const sequence = journeyFromSequence(JSON.parse(readFileSync(new URL('../../fixtures/sequences/operator-implementation.json', import.meta.url), 'utf8')));
if (!sequence.ok) throw new Error('operator-implementation did not convert');

const definitions: Array<[string, JourneyDefinition]> = [
  ['client onboarding', clientOnboarding],
  ['tiny', defineJourney(tinyDefinition())],
  ['operator-implementation sequence', sequence.definition],
];

function stepArb(def: JourneyDefinition) {
  const metricNames = [
    ...new Set(def.stages.flatMap((s) => [...s.exitCriteria, ...s.entryCriteria, ...s.rollbackRules].map((c) => c.metric))),
    'unrelated_metric',
  ];
  const metricArb = fc.dictionary(
    fc.constantFrom(...metricNames),
    fc.oneof(fc.constantFrom(0, 1, 3.2, 4.6, 7, 25, 500, 0.9), fc.double({ min: -10, max: 1000, noNaN: true })),
  );
  const satisfy = (c: Criterion): number =>
    c.operator === '>' || c.operator === '!=' ? c.threshold + 1 : c.operator === '<' ? c.threshold - 1 : c.threshold;
  return fc.record({
    /** Mostly an event the current stage accepts (so walks get far), sometimes any event or a bogus one. */
    pickAllowed: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    choice: fc.oneof(fc.constant(0), fc.nat()), // the first allowed event is the forward one
    anyType: fc.constantFrom(...def.events.map((e) => e.name), 'bogus_event'),
    payload: fc.record(
      {
        journeyId: fc.constant('j-1'),
        clientId: fc.constant('acme'),
        trigger: fc.oneof({ arbitrary: fc.constantFrom(...def.rollbackTriggers.map((t) => t.id)), weight: 4 }, { arbitrary: fc.constant('unknown_trigger'), weight: 1 }),
        reason: fc.oneof({ arbitrary: fc.constant('client asked'), weight: 4 }, { arbitrary: fc.constantFrom('', '  '), weight: 1 }),
        target: fc.constantFrom(...def.stages.map((s) => s.id), 'cancel', 'nowhere'),
      },
      { requiredKeys: ['journeyId', 'clientId'] },
    ),
    /** Random metrics, or metrics that pass the current stage's gate. */
    passGate: fc.boolean(),
    metrics: metricArb,
    advanceMs: fc.integer({ min: 0, max: 10 * 86_400_000 }),
    completeUnits: fc.boolean(),
  }).map((step) => ({
    ...step,
    typeIn: (stage: string | null) => {
      const allowed = allowedEvents(def, stage);
      return step.pickAllowed && allowed.length > 0 ? allowed[step.choice % allowed.length]! : step.anyType;
    },
    metricsIn: (stage: string | null) => {
      if (!step.passGate) return step.metrics;
      const from = stage === null ? [] : (findStage(def, stage)?.exitCriteria ?? []);
      return Object.fromEntries([...def.stages.flatMap((s) => s.entryCriteria), ...from].map((c) => [c.metric, satisfy(c)]));
    },
  }));
}

describe.each(definitions)('transition on random event sequences: %s', (_name, def) => {
  it('never reaches a state outside the definition, and a rejected event never changes state', () => {
    const stageIds = new Set(def.stages.map((s) => s.id));
    const activeIds = new Set(def.stages.filter((s) => s.kind === 'active').map((s) => s.id));
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb(def), { minLength: 1, maxLength: 40 }), (steps) => {
        let state: JourneyState | null = null;
        let now = T0;
        const units = new Map<string, UnitSnapshot>();
        for (const step of steps) {
          now += step.advanceMs;
          if (step.completeUnits) for (const u of units.values()) u.status = 'completed';
          const stageNow = state?.currentStage ?? null;
          const type = step.typeIn(stageNow);
          const ctx = { now, metrics: step.metricsIn(stageNow), units: [...units.values()] };
          const before = structuredClone(state);
          const event = { type, payload: step.payload };
          const result = transition(def, state, event, ctx);
          expect(transition(def, state, event, ctx)).toEqual(result); // pure: same input, same output
          expect(state).toEqual(before); // never mutates its input
          if (!result.ok) {
            expect(result.rejection.allowed).toEqual(allowedEvents(def, state?.currentStage ?? null));
            expect(result.rejection.message).not.toMatch(/undefined|null|\[object Object\]/);
            continue;
          }
          const next: JourneyState = result.state;
          JourneyStateSchema.parse(next);
          expect(stageIds.has(next.currentStage)).toBe(true);
          const stage = findStage(def, next.currentStage)!;
          expect(next.status).toBe(statusOf(stage));
          expect(next.version).toBe((state?.version ?? 0) + 1);
          expect(next.rollback !== null).toBe(stage.kind === 'rollback');
          expect(next.visits[next.currentStage]).toBeGreaterThanOrEqual(1);
          expect(new Set(next.completedStages).size).toBe(next.completedStages.length);
          for (const s of next.completedStages) expect(activeIds.has(s)).toBe(true);
          const declared = def.transitions.some((t) => t.from === (state?.currentStage ?? null) && t.event === type);
          expect(declared).toBe(true);
          for (const e of result.effects) if (e.type === 'create_unit_of_work') units.set(e.unit.id, { id: e.unit.id, stage: e.unit.stage, status: 'pending' });
          state = next;
          reached.add(next.currentStage);
        }
      }),
      { numRuns: 150 },
    );
    // The walks must actually explore: every stage, successful ends included, was visited.
    expect([...reached].sort()).toEqual([...stageIds].sort());
  });
});
