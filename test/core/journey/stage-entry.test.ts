import { describe, it, expect } from 'vitest';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import { defineJourney, findStage } from '../../../src/core/journey/definition';
import { enterStageEffects, expectedUnitIds, leaveStageEffects, statusOf, unitTemplatesFor } from '../../../src/core/journey/stage-entry';
import { tinyDefinition } from './fixtures/tiny-definition';

const stage = (id: string) => findStage(clientOnboarding, id)!;

describe('stage entry and exit', () => {
  it('maps stage kinds to journey statuses', () => {
    expect(['sandbox', 'rollback', 'completed', 'cancelled'].map((id) => statusOf(stage(id)))).toEqual(['active', 'rolling_back', 'completed', 'cancelled']);
  });

  it('runs the rolled-back stage’s rollback unit in the rollback stage', () => {
    expect(unitTemplatesFor(stage('rollback'), stage('production')).map((u) => u.key)).toEqual(['production-rollback']);
    expect(unitTemplatesFor(stage('rollback'), undefined)).toEqual([]);
    expect(expectedUnitIds('j', stage('rollback'), 3, stage('pilot'))).toEqual(['j/rollback/3/pilot-rollback']);
    expect(expectedUnitIds('j', stage('sandbox'), 1, undefined)).toEqual(['j/sandbox/1/sandbox-setup', 'j/sandbox/1/sandbox-review']);
  });

  it('schedules timers relative to entry, carrying the event to send when one is declared', () => {
    const input = tinyDefinition();
    input.stages[1] = { ...input.stages[1]!, timers: [{ key: 'auto-approve', afterMs: 3_600_000, event: 'approve' }] };
    const review = findStage(defineJourney(input), 'review')!;
    const effects = enterStageEffects({ journeyId: 'j', clientId: 'c', stage: review, visit: 2, nowMs: Date.parse('2026-03-01T10:00:00.000Z') });
    expect(effects.find((e) => e.type === 'schedule_timer')).toEqual({
      type: 'schedule_timer',
      id: 'j/review/2/auto-approve',
      journeyId: 'j',
      stage: 'review',
      key: 'auto-approve',
      fireAt: '2026-03-01T11:00:00.000Z',
      event: 'approve',
    });
  });

  it('announces the end of the journey when entering a final stage', () => {
    const effects = enterStageEffects({ journeyId: 'j', clientId: 'c', stage: stage('cancelled'), visit: 1, nowMs: 0 });
    expect(effects.map((e) => (e.type === 'emit_event' ? e.topic : e.type))).toEqual(['journey.stage.entered', 'journey.cancelled']);
  });

  it('cancels the stage’s timers and open work on the way out', () => {
    expect(leaveStageEffects('j', stage('pilot'), 'cancel_journey')).toEqual([
      { type: 'cancel_timers', journeyId: 'j', stage: 'pilot' },
      { type: 'cancel_open_work', journeyId: 'j', stage: 'pilot', reason: "journey left stage 'pilot' on event 'cancel_journey'" },
    ]);
  });
});
