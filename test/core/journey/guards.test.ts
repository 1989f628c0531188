import { describe, it, expect } from 'vitest';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import { findStage } from '../../../src/core/journey/definition';
import { evaluateGate, evaluateGuard } from '../../../src/core/journey/guards';

const sandbox = findStage(clientOnboarding, 'sandbox')!;
const pilot = findStage(clientOnboarding, 'pilot')!;
const now = Date.parse('2026-02-10T00:00:00.000Z');
const state = { startedAt: '2026-02-01T00:00:00.000Z', stageStartedAt: '2026-02-01T00:00:00.000Z' };

describe('evaluateGate', () => {
  it('checks the source exit criteria, then the target entry criteria', () => {
    const result = evaluateGate(sandbox, pilot, state, { now, metrics: {} });
    expect(result.checks.map((c) => c.name)).toEqual([
      'connectors_syncing',
      'search_quality',
      'security_scan',
      'stakeholder_approval',
      'pilot_cohort_min',
      'pilot_cohort_max',
      'production_infrastructure',
    ]);
    expect(result.passed).toBe(false);
  });

  it('computes days_in_stage itself, overriding a reported value', () => {
    const production = findStage(clientOnboarding, 'production')!;
    const result = evaluateGate(pilot, production, state, { now, metrics: { days_in_stage: 0 } });
    expect(result.checks.find((c) => c.name === 'bug_free_window')).toMatchObject({ passed: true, actual_value: 9 });
  });
});

describe('evaluateGuard', () => {
  const args = { from: pilot, to: sandbox, state: null, ctx: { now }, expectedUnits: ['u1', 'u2', 'u3'] };

  it('passes without a guard', () => {
    expect(evaluateGuard('none', args)).toEqual({ ok: true });
  });

  it('lists the units that are not completed, including units nobody reported', () => {
    const result = evaluateGuard('units_completed', { ...args, ctx: { now, units: [{ id: 'u1', stage: 'pilot', status: 'completed' }, { id: 'u2', stage: 'pilot', status: 'failed' }] } });
    expect(result).toEqual({
      ok: false,
      kind: 'units_incomplete',
      incompleteUnits: [
        { id: 'u2', status: 'failed' },
        { id: 'u3', status: 'not reported' },
      ],
      message: "units of work of stage 'pilot' are not all completed: u2 (failed), u3 (not reported)",
    });
    const done = ['u1', 'u2', 'u3'].map((id) => ({ id, stage: 'pilot', status: 'completed' as const }));
    expect(evaluateGuard('units_completed', { ...args, ctx: { now, units: done } })).toEqual({ ok: true });
  });

  it('returns the passing validation for the effect that records it', () => {
    const result = evaluateGuard('exit_criteria', { ...args, from: null, to: sandbox });
    expect(result).toEqual({ ok: true, validation: { passed: true, checks: [], summary: 'No criteria to check: passed' } });
  });
});
