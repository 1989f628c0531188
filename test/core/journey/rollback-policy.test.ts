import { describe, it, expect } from 'vitest';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import { defineJourney } from '../../../src/core/journey/definition';
import { decideRollbackTarget, describeTarget, evaluateRollbackTriggers, resolveRollbackCause } from '../../../src/core/journey/rollback-policy';
import { tinyDefinition } from './fixtures/tiny-definition';

describe('evaluateRollbackTriggers', () => {
  it('returns the rules that fire, with evidence', () => {
    const fired = evaluateRollbackTriggers(clientOnboarding, 'pilot', { user_satisfaction: 3.2, bug_count: 0, performance_degradation: 0.35 });
    expect(fired).toEqual([
      {
        trigger: 'user_satisfaction_low',
        metric: 'user_satisfaction',
        operator: '<',
        threshold: 3.5,
        actual_value: 3.2,
        message: 'user_satisfaction_low: user_satisfaction is 3.2, rule < 3.5 (User satisfaction score drops below 3.5/5.0)',
      },
      {
        trigger: 'performance_degradation',
        metric: 'performance_degradation',
        operator: '>',
        threshold: 0.2,
        actual_value: 0.35,
        message: 'performance_degradation: performance_degradation is 0.35, rule > 0.2 (Performance degradation above 20%)',
      },
    ]);
  });

  it('does not fire on healthy, missing or non-finite metrics, nor for stages without rules', () => {
    expect(evaluateRollbackTriggers(clientOnboarding, 'pilot', { user_satisfaction: 4.1, bug_count: 0 })).toEqual([]);
    expect(evaluateRollbackTriggers(clientOnboarding, 'pilot', {})).toEqual([]);
    expect(evaluateRollbackTriggers(clientOnboarding, 'pilot', { user_satisfaction: Number.NaN })).toEqual([]);
    expect(evaluateRollbackTriggers(clientOnboarding, 'completed', { user_satisfaction: 1 })).toEqual([]);
    expect(evaluateRollbackTriggers(clientOnboarding, 'production', { user_satisfaction: 3.9 }).map((f) => f.trigger)).toEqual(['user_satisfaction_low']);
  });
});

describe('resolveRollbackCause', () => {
  it('accepts a manual rollback with a declared trigger and a reason', () => {
    expect(resolveRollbackCause(clientOnboarding, 'pilot', { trigger: 'client_request', reason: '  Client asked to pause for budget review ' }, {})).toEqual({
      ok: true,
      cause: { trigger: 'client_request', reason: 'Client asked to pause for budget review', automatic: false, evidence: [] },
    });
  });

  it('refuses a manual rollback without a reason, or with an unknown trigger', () => {
    expect(resolveRollbackCause(clientOnboarding, 'pilot', { trigger: 'client_request', reason: ' ' }, {})).toEqual({
      ok: false,
      message: "a manual rollback with trigger 'client_request' needs a reason (no metric rule for it fires in stage 'pilot')",
    });
    const unknown = resolveRollbackCause(clientOnboarding, 'pilot', { trigger: 'solar_flare', reason: 'x' }, {});
    expect(unknown).toEqual({
      ok: false,
      message:
        "unknown rollback trigger 'solar_flare' (triggers: security_vulnerability, data_quality_low, user_satisfaction_low, critical_bug, performance_degradation, major_incident, client_request)",
    });
  });

  it('takes a trigger whose rule fires as evidence enough, and picks the first firing rule when none is named', () => {
    const named = resolveRollbackCause(clientOnboarding, 'pilot', { trigger: 'critical_bug' }, { bug_count: 2 });
    expect(named).toMatchObject({ ok: true, cause: { trigger: 'critical_bug', automatic: true, reason: 'critical_bug: bug_count is 2, rule > 0 (Critical bugs discovered)' } });
    const auto = resolveRollbackCause(clientOnboarding, 'sandbox', {}, { security_vulnerabilities: 3, data_quality_score: 0.5 });
    expect(auto).toMatchObject({ ok: true, cause: { trigger: 'security_vulnerability', automatic: true } });
    expect(resolveRollbackCause(clientOnboarding, 'sandbox', {}, {})).toEqual({
      ok: false,
      message:
        "no rollback trigger given and no rollback rule of stage 'sandbox' fires; send a trigger (security_vulnerability, data_quality_low, user_satisfaction_low, critical_bug, performance_degradation, major_incident, client_request) and a reason",
    });
  });
});

describe('decideRollbackTarget', () => {
  it('returns to the previous stable stage under the default policy', () => {
    expect(decideRollbackTarget(clientOnboarding, { currentStage: 'pilot', completedStages: ['sandbox'] })).toEqual({ ok: true, target: { kind: 'stage', stage: 'sandbox' } });
    expect(decideRollbackTarget(clientOnboarding, { currentStage: 'production', completedStages: ['sandbox', 'pilot'] })).toEqual({ ok: true, target: { kind: 'stage', stage: 'pilot' } });
    expect(decideRollbackTarget(clientOnboarding, { currentStage: 'sandbox', completedStages: [] })).toEqual({ ok: true, target: { kind: 'stage', stage: 'sandbox' } });
  });

  it('honours an override, a stage policy over the definition policy, and reports bad overrides', () => {
    expect(decideRollbackTarget(clientOnboarding, { currentStage: 'production', completedStages: ['sandbox', 'pilot'] }, 'sandbox')).toEqual({ ok: true, target: { kind: 'stage', stage: 'sandbox' } });
    expect(decideRollbackTarget(clientOnboarding, { currentStage: 'pilot', completedStages: ['sandbox'] }, 'cancel')).toEqual({ ok: true, target: { kind: 'cancel' } });
    expect(decideRollbackTarget(clientOnboarding, { currentStage: 'pilot', completedStages: [] }, 'completed')).toEqual({
      ok: false,
      message: `rollback target 'completed' is not an active stage (use one of sandbox, pilot, production or "cancel")`,
    });
    const input = tinyDefinition();
    input.rollbackTarget = { kind: 'cancel' };
    input.stages[1] = { ...input.stages[1]!, rollbackTarget: { kind: 'same' } };
    const def = defineJourney(input);
    expect(decideRollbackTarget(def, { currentStage: 'review', completedStages: ['draft'] })).toEqual({ ok: true, target: { kind: 'stage', stage: 'review' } });
    input.stages[1] = { ...input.stages[1]!, rollbackTarget: undefined };
    expect(decideRollbackTarget(defineJourney(input), { currentStage: 'review', completedStages: ['draft'] })).toEqual({ ok: true, target: { kind: 'cancel' } });
  });

  it('describes targets in words', () => {
    expect(describeTarget({ kind: 'cancel' })).toBe('cancel the journey');
    expect(describeTarget({ kind: 'stage', stage: 'pilot' })).toBe("resume at 'pilot'");
  });
});
