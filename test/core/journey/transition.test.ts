import { describe, it, expect } from 'vitest';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import { defineJourney } from '../../../src/core/journey/definition';
import { JourneyStateSchema } from '../../../src/core/journey/state';
import { transition } from '../../../src/core/journey/transition';
import { JourneyDriver, ofType, PILOT_PASS, PRODUCTION_PASS, SANDBOX_PASS, T0, topics } from './fixtures/journey-driver';
import { tinyDefinition } from './fixtures/tiny-definition';

const START = { journeyId: 'journey-medtronic-2026', clientId: 'medtronic' };

function started(): JourneyDriver {
  const d = new JourneyDriver(clientOnboarding);
  d.ok('start_journey', START);
  return d;
}

function inPilot(): JourneyDriver {
  const d = started();
  d.days(10);
  d.ok('promote_to_pilot', {}, SANDBOX_PASS);
  return d;
}

function inProduction(): JourneyDriver {
  const d = inPilot();
  d.days(11);
  d.ok('promote_to_production', {}, PILOT_PASS);
  return d;
}

describe('starting a journey', () => {
  it('enters the sandbox with its units of work and events', () => {
    const d = new JourneyDriver(clientOnboarding);
    const effects = d.ok('start_journey', { ...START, metadata: { industry: 'healthcare' } });
    expect(JourneyStateSchema.parse(d.state)).toEqual({
      journeyId: 'journey-medtronic-2026',
      clientId: 'medtronic',
      definitionId: 'client-onboarding',
      definitionVersion: 1,
      currentStage: 'sandbox',
      previousStage: null,
      status: 'active',
      startedAt: '2026-01-27T09:00:00.000Z',
      stageStartedAt: '2026-01-27T09:00:00.000Z',
      completedStages: [],
      visits: { sandbox: 1 },
      rollback: null,
      metadata: { industry: 'healthcare' },
      version: 1,
    });
    const units = ofType(effects, 'create_unit_of_work').map((e) => e.unit);
    expect(units.map((u) => u.id)).toEqual(['journey-medtronic-2026/sandbox/1/sandbox-setup', 'journey-medtronic-2026/sandbox/1/sandbox-review']);
    expect(units[1]!.dependencies).toEqual(['journey-medtronic-2026/sandbox/1/sandbox-setup']);
    expect(units[0]!.tasks.map((t) => t.handler)).toEqual(['connector-installation-agent', 'dataset-provisioning-agent', 'search-quality-agent']);
    expect(topics(effects)).toEqual(['journey.started', 'journey.stage.entered']);
  });

  it('refuses any other event before the start, and a start without ids', () => {
    const r = transition(clientOnboarding, null, { type: 'promote_to_pilot' }, { now: T0 });
    expect(r).toEqual({
      ok: false,
      rejection: { kind: 'not_started', event: 'promote_to_pilot', stage: null, allowed: ['start_journey'], message: "the journey has not started; send 'start_journey' first" },
    });
    const noClient = transition(clientOnboarding, null, { type: 'start_journey', payload: { journeyId: 'j' } }, { now: T0 });
    expect(noClient).toMatchObject({ ok: false, rejection: { kind: 'invalid_payload', message: "'start_journey' needs clientId in its payload" } });
  });

  it('refuses a malformed event with a pointer to the bad field', () => {
    const r = transition(clientOnboarding, null, { type: 'start_journey', payload: { journeyId: 'j', clientId: 'c', colour: 'red' } as never }, { now: T0 });
    expect(r).toMatchObject({ ok: false, rejection: { kind: 'invalid_payload' } });
    if (!r.ok) expect(r.rejection.message).toMatch(/^event is not valid: \/payload: .*colour/);
  });

  it('refuses a second start', () => {
    const d = started();
    expect(d.send('start_journey', START)).toMatchObject({
      ok: false,
      rejection: { kind: 'already_started', stage: 'sandbox', allowed: ['promote_to_pilot', 'initiate_rollback', 'cancel_journey'] },
    });
  });
});

describe('exit-criteria gates', () => {
  it('blocks a promotion whose checks fail, names them with actual vs expected, and leaves the state alone', () => {
    const d = started();
    const before = structuredClone(d.state);
    const r = d.send('promote_to_pilot', {}, { ...SANDBOX_PASS, search_precision: 0.72, security_vulnerabilities: undefined });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.kind).toBe('gate_failed');
    expect(r.rejection.allowed).toEqual(['promote_to_pilot', 'initiate_rollback', 'cancel_journey']);
    const failing = r.rejection.validation!.checks.filter((c) => !c.passed);
    expect(failing).toEqual([
      { name: 'search_quality', passed: false, actual_value: 0.72, expected_value: '>= 0.8', message: 'search_precision is 0.72, expected >= 0.8' },
      { name: 'security_scan', passed: false, actual_value: null, expected_value: '== 0', message: 'security_vulnerabilities was not reported (expected == 0)' },
    ]);
    expect(r.rejection.message).toBe(
      'exit criteria not met: 5 of 7 checks passed; failed: search_quality (actual 0.72, expected >= 0.8); security_scan (not reported, expected == 0)',
    );
    expect(d.state).toEqual(before);
  });

  it('checks the target stage’s entry criteria too (pilot cohort of 10-50 users)', () => {
    const d = started();
    const r = d.send('promote_to_pilot', {}, { ...SANDBOX_PASS, pilot_cohort_size: 80 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.validation!.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['pilot_cohort_max']);
  });

  it('promotes when every check passes, records the validation and moves the work on', () => {
    const d = started();
    d.days(10);
    const effects = d.ok('promote_to_pilot', { actor: 'delivery-lead' }, SANDBOX_PASS);
    expect(d.state).toMatchObject({ currentStage: 'pilot', previousStage: 'sandbox', completedStages: ['sandbox'], visits: { sandbox: 1, pilot: 1 }, version: 2, stageStartedAt: '2026-02-06T09:00:00.000Z' });
    expect(effects.map((e) => e.type)).toEqual([
      'record_validation',
      'emit_event',
      'cancel_timers',
      'cancel_open_work',
      'emit_event',
      'create_unit_of_work',
      'schedule_timer',
      'emit_event',
    ]);
    expect(ofType(effects, 'record_validation')[0]).toMatchObject({ stage: 'sandbox', event: 'promote_to_pilot', targetStage: 'pilot', result: { passed: true, summary: 'All 7 checks passed' } });
    expect(ofType(effects, 'schedule_timer')).toEqual([
      { type: 'schedule_timer', id: 'journey-medtronic-2026/pilot/1/bug-free-window', journeyId: 'journey-medtronic-2026', stage: 'pilot', key: 'bug-free-window', fireAt: '2026-02-13T09:00:00.000Z' },
    ]);
    expect(ofType(effects, 'cancel_open_work')[0]).toMatchObject({ stage: 'sandbox' });
    const moved = ofType(effects, 'emit_event').find((e) => e.topic === 'journey.transitioned')!;
    expect(moved.payload).toEqual({ journeyId: 'journey-medtronic-2026', clientId: 'medtronic', definitionId: 'client-onboarding', event: 'promote_to_pilot', from: 'sandbox', to: 'pilot', at: '2026-02-06T09:00:00.000Z', actor: 'delivery-lead' });
  });

  it('holds the pilot for its 7-day bug-free window, whatever days_in_stage is reported', () => {
    const d = inPilot();
    d.days(3);
    const early = d.send('promote_to_production', {}, { ...PILOT_PASS, days_in_stage: 30 });
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.rejection.validation!.checks.filter((c) => !c.passed)).toEqual([
        { name: 'bug_free_window', passed: false, actual_value: 3, expected_value: '>= 7', message: 'days_in_stage is 3, expected >= 7' },
      ]);
    }
    d.days(4);
    expect(d.send('promote_to_production', {}, PILOT_PASS).ok).toBe(true);
  });
});

describe('the seed 003 lifecycle', () => {
  it('runs Sandbox → Pilot → Production → Completed (the 30-day Medtronic timeline) and then accepts nothing', () => {
    const d = inProduction();
    expect(d.state).toMatchObject({ currentStage: 'production', completedStages: ['sandbox', 'pilot'], status: 'active' });
    d.days(9);
    const effects = d.ok('mark_complete', {}, PRODUCTION_PASS);
    expect(d.state).toMatchObject({ currentStage: 'completed', status: 'completed', completedStages: ['sandbox', 'pilot', 'production'], version: 4 });
    expect(Date.parse(d.state!.stageStartedAt) - Date.parse(d.state!.startedAt)).toBe(30 * 86_400_000);
    expect(topics(effects)).toEqual(['journey.gate.passed', 'journey.transitioned', 'journey.stage.entered', 'journey.completed']);
    expect(d.send('cancel_journey')).toEqual({
      ok: false,
      rejection: { kind: 'journey_finished', event: 'cancel_journey', stage: 'completed', allowed: [], message: "journey 'journey-medtronic-2026' has ended in stage 'completed' (completed); it accepts no more events" },
    });
  });

  it('cancels from any active stage, stopping the open work', () => {
    for (const make of [started, inPilot, inProduction]) {
      const d = make();
      const from = d.state!.currentStage;
      const effects = d.ok('cancel_journey', { reason: 'contract ended' });
      expect(d.state).toMatchObject({ currentStage: 'cancelled', status: 'cancelled', previousStage: from });
      expect(ofType(effects, 'cancel_open_work')).toEqual([{ type: 'cancel_open_work', journeyId: 'journey-medtronic-2026', stage: from, reason: `journey left stage '${from}' on event 'cancel_journey'` }]);
      expect(topics(effects)).toContain('journey.cancelled');
      expect(d.state!.completedStages).not.toContain(from);
    }
  });

  it('rejects events the stage does not accept, naming the allowed ones', () => {
    const d = started();
    expect(d.send('mark_complete')).toMatchObject({
      ok: false,
      rejection: { kind: 'event_not_allowed', allowed: ['promote_to_pilot', 'initiate_rollback', 'cancel_journey'], message: "event 'mark_complete' is not allowed in stage 'sandbox' (allowed: promote_to_pilot, initiate_rollback, cancel_journey)" },
    });
    expect(d.send('teleport')).toMatchObject({ ok: false, rejection: { kind: 'event_not_allowed', message: "unknown event 'teleport' (allowed: promote_to_pilot, initiate_rollback, cancel_journey)" } });
  });
});

describe('rollback', () => {
  it('rolls back a pilot manually with a reason, runs the pilot rollback unit, and resumes in the sandbox', () => {
    const d = inPilot();
    const pilotUnits = [...d.units.keys()].filter((id) => id.includes('/pilot/'));
    d.days(2);
    const effects = d.ok('initiate_rollback', { trigger: 'client_request', reason: 'Client asked to pause the pilot', actor: 'alice' });
    expect(d.state).toMatchObject({ currentStage: 'rollback', previousStage: 'pilot', status: 'rolling_back', completedStages: ['sandbox'] });
    expect(d.state!.rollback).toEqual({
      from: 'pilot',
      target: { kind: 'stage', stage: 'sandbox' },
      trigger: 'client_request',
      reason: 'Client asked to pause the pilot',
      automatic: false,
      evidence: [],
      startedAt: '2026-02-08T09:00:00.000Z',
    });
    expect(effects.map((e) => e.type)).toEqual(['start_rollback', 'emit_event', 'cancel_timers', 'cancel_open_work', 'emit_event', 'create_unit_of_work', 'emit_event']);
    const rollbackUnit = ofType(effects, 'create_unit_of_work')[0]!.unit;
    expect(rollbackUnit).toMatchObject({ id: 'journey-medtronic-2026/rollback/1/pilot-rollback', kind: 'rollback', stage: 'rollback' });
    expect(ofType(effects, 'emit_event')[0]).toMatchObject({ topic: 'journey.rollback.started', payload: { from: 'pilot', target: "resume at 'sandbox'", trigger: 'client_request', actor: 'alice' } });

    // The rollback cannot complete before its unit of work has.
    const early = d.send('complete_rollback');
    expect(early).toMatchObject({
      ok: false,
      rejection: { kind: 'units_incomplete', allowed: ['complete_rollback', 'cancel_journey'], incompleteUnits: [{ id: rollbackUnit.id, status: 'pending' }] },
    });

    d.completeUnitsOf('rollback');
    d.days(1);
    const resumed = d.ok('complete_rollback');
    expect(d.state).toMatchObject({ currentStage: 'sandbox', previousStage: 'rollback', status: 'active', rollback: null, completedStages: [], visits: { sandbox: 2, pilot: 1, rollback: 1 } });
    expect(ofType(resumed, 'mark_units_rolled_back')).toEqual([{ type: 'mark_units_rolled_back', journeyId: 'journey-medtronic-2026', stage: 'pilot' }]);
    expect(ofType(resumed, 'finish_rollback')).toEqual([
      { type: 'finish_rollback', journeyId: 'journey-medtronic-2026', from: 'pilot', outcome: 'resumed', stage: 'sandbox', at: '2026-02-09T09:00:00.000Z' },
    ]);
    expect(ofType(resumed, 'create_unit_of_work').map((e) => e.unit.id)).toEqual(['journey-medtronic-2026/sandbox/2/sandbox-setup', 'journey-medtronic-2026/sandbox/2/sandbox-review']);
    expect(pilotUnits).toEqual(['journey-medtronic-2026/pilot/1/pilot-rollout']);

    // …and can be promoted again, into a second pilot visit with fresh ids.
    const again = d.ok('promote_to_pilot', {}, SANDBOX_PASS);
    expect(ofType(again, 'create_unit_of_work').map((e) => e.unit.id)).toEqual(['journey-medtronic-2026/pilot/2/pilot-rollout']);
    expect(d.state).toMatchObject({ completedStages: ['sandbox'], visits: { pilot: 2 } });
  });

  it('rolls back automatically when a metric rule fires, recording the evidence', () => {
    const d = inPilot();
    d.ok('initiate_rollback', {}, { user_satisfaction: 3.1 });
    expect(d.state!.rollback).toMatchObject({
      trigger: 'user_satisfaction_low',
      automatic: true,
      reason: 'user_satisfaction_low: user_satisfaction is 3.1, rule < 3.5 (User satisfaction score drops below 3.5/5.0)',
      evidence: [{ metric: 'user_satisfaction', actual_value: 3.1, threshold: 3.5 }],
    });
  });

  it('refuses a manual rollback without a reason and leaves the state unchanged', () => {
    const d = inPilot();
    const before = structuredClone(d.state);
    expect(d.send('initiate_rollback', { trigger: 'critical_bug' }, { bug_count: 0 })).toMatchObject({
      ok: false,
      rejection: { kind: 'invalid_payload', stage: 'pilot', message: "a manual rollback with trigger 'critical_bug' needs a reason (no metric rule for it fires in stage 'pilot')" },
    });
    expect(d.state).toEqual(before);
  });

  it('returns production to the pilot, and a sandbox to itself', () => {
    const p = inProduction();
    p.ok('initiate_rollback', { trigger: 'major_incident', reason: 'P1 outage' });
    p.completeUnitsOf('rollback');
    p.ok('complete_rollback');
    expect(p.state).toMatchObject({ currentStage: 'pilot', completedStages: ['sandbox'], visits: { pilot: 2 } });

    const s = started();
    s.ok('initiate_rollback', { trigger: 'security_vulnerability', reason: 'CVE in connector' });
    expect(s.state!.rollback!.target).toEqual({ kind: 'stage', stage: 'sandbox' });
    s.completeUnitsOf('rollback');
    s.ok('complete_rollback');
    expect(s.state).toMatchObject({ currentStage: 'sandbox', visits: { sandbox: 2, rollback: 1 } });
  });

  it('can cancel instead of resuming, from the rollback stage or by targeting "cancel"', () => {
    const a = inPilot();
    a.ok('initiate_rollback', { trigger: 'client_request', reason: 'pause' });
    const cancelled = a.ok('cancel_journey');
    expect(a.state).toMatchObject({ currentStage: 'cancelled', status: 'cancelled', rollback: null });
    expect(ofType(cancelled, 'finish_rollback')[0]).toMatchObject({ outcome: 'cancelled', stage: 'cancelled', from: 'pilot' });
    expect(ofType(cancelled, 'mark_units_rolled_back')).toEqual([]);

    const b = inPilot();
    b.ok('initiate_rollback', { trigger: 'client_request', reason: 'client churned', target: 'cancel' });
    b.completeUnitsOf('rollback');
    const done = b.ok('complete_rollback');
    expect(b.state!.currentStage).toBe('cancelled');
    expect(topics(done)).toEqual(['journey.rollback.completed', 'journey.transitioned', 'journey.stage.entered', 'journey.cancelled']);

    const c = inPilot();
    c.ok('initiate_rollback', { trigger: 'client_request', reason: 'pause' });
    c.completeUnitsOf('rollback');
    expect(c.send('complete_rollback', { target: 'completed' })).toMatchObject({ ok: false, rejection: { kind: 'invalid_payload' } });
    c.ok('complete_rollback', { target: 'pilot' });
    expect(c.state!.currentStage).toBe('pilot');
  });
});

describe('guards of other definitions', () => {
  it('rejects a state that belongs to another definition or stage', () => {
    const d = started();
    const tiny = defineJourney(tinyDefinition());
    expect(transition(tiny, d.state, { type: 'submit' }, { now: T0 })).toMatchObject({ ok: false, rejection: { kind: 'definition_mismatch' } });
    expect(transition(clientOnboarding, { ...d.state!, currentStage: 'limbo' }, { type: 'cancel_journey' }, { now: T0 })).toMatchObject({ ok: false, rejection: { kind: 'unknown_stage' } });
    expect(() => transition(clientOnboarding, d.state, { type: 'cancel_journey' }, { now: Number.NaN })).toThrow(/epoch milliseconds/);
  });
});
