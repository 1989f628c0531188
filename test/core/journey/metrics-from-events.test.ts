import { describe, it, expect } from 'vitest';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import { metricsFromEvents, type LoggedEvent } from '../../../src/core/journey/metrics-from-events';
import { JOURNEY_TOPICS, TASK_TOPICS } from '../../../src/core/journey/topics';

const day = (n: number) => Date.parse('2026-02-01T00:00:00.000Z') + n * 86_400_000;
const at = (n: number) => new Date(day(n)).toISOString();
const ev = (topic: string, dayN: number, payload: Record<string, unknown>): LoggedEvent => ({ topic, key: 'j1', payload: { journeyId: 'j1', ...payload }, createdAt: at(dayN) });

describe('metricsFromEvents', () => {
  it('computes task counts, success rate and error rate for the stage', () => {
    const events = [
      ev(TASK_TOPICS.completed, 1, { stage: 'pilot', taskId: 'a' }),
      ev(TASK_TOPICS.attemptFailed, 1, { stage: 'pilot', taskId: 'b' }),
      ev(TASK_TOPICS.completed, 2, { stage: 'pilot', taskId: 'b' }),
      ev(TASK_TOPICS.attemptFailed, 2, { stage: 'pilot', taskId: 'c' }),
      ev(TASK_TOPICS.failed, 3, { stage: 'pilot', taskId: 'c' }),
      ev(TASK_TOPICS.completed, 3, { stage: 'sandbox', taskId: 'x' }),
      { ...ev(TASK_TOPICS.completed, 3, { stage: 'pilot' }), payload: { journeyId: 'other', stage: 'pilot' } },
    ];
    const { values, sources } = metricsFromEvents(events, { journeyId: 'j1', stage: 'pilot', until: day(10) });
    expect(values).toEqual({ tasks_completed: 2, tasks_failed: 1, task_attempts_failed: 3, task_success_rate: 2 / 3, task_error_rate: 3 / 5 });
    expect(Object.values(sources).every((s) => s === 'computed')).toBe(true);
  });

  it('leaves rates out when there is nothing to divide by', () => {
    expect(metricsFromEvents([], { journeyId: 'j1', until: day(0) }).values).toEqual({ tasks_completed: 0, tasks_failed: 0, task_attempts_failed: 0 });
  });

  it('keeps the latest reported value of each metric, for this stage or for any stage', () => {
    const events = [
      ev(JOURNEY_TOPICS.metricsReported, 3, { stage: 'pilot', metrics: { user_satisfaction: 4.4, p95_latency_ms: 420 } }),
      ev(JOURNEY_TOPICS.metricsReported, 1, { stage: 'pilot', metrics: { user_satisfaction: 3.9 } }),
      ev(JOURNEY_TOPICS.metricsReported, 2, { metrics: { search_precision: 0.9, label: 'not a number', nan: Number.NaN } }),
      ev(JOURNEY_TOPICS.metricsReported, 2, { stage: 'sandbox', metrics: { search_precision: 0.5 } }),
      ev(JOURNEY_TOPICS.metricsReported, 20, { stage: 'pilot', metrics: { user_satisfaction: 1 } }),
    ];
    const { values, sources } = metricsFromEvents(events, { journeyId: 'j1', stage: 'pilot', until: day(10) });
    expect(values).toMatchObject({ user_satisfaction: 4.4, p95_latency_ms: 420, search_precision: 0.9 });
    expect(values).not.toHaveProperty('label');
    expect(values).not.toHaveProperty('nan');
    expect(sources.user_satisfaction).toBe('reported');
  });

  it('counts matching events in a trailing window and lets computed counts override reports', () => {
    const events = [
      ev('journey.bug.reported', 1, { severity: 'critical' }),
      ev('journey.bug.reported', 6, { severity: 'minor' }),
      ev('journey.bug.reported', 7, { severity: 'critical' }),
      ev('journey.incident.reported', 8, { severity: 'P1' }),
      ev('journey.incident.reported', 8, { severity: 'P3' }),
      ev(JOURNEY_TOPICS.metricsReported, 9, { metrics: { bug_count: 0 } }),
    ];
    const query = { journeyId: 'j1', stage: 'pilot', since: day(0), counters: clientOnboarding.counters };
    const at10 = metricsFromEvents(events, { ...query, until: day(10) });
    expect(at10.values.bug_count).toBe(1); // day 1 is outside the 7-day window ending on day 10
    expect(at10.sources.bug_count).toBe('computed');
    expect(at10.values.major_incident_count).toBe(1);
    expect(metricsFromEvents(events, { ...query, until: day(7) }).values.bug_count).toBe(2);
    expect(metricsFromEvents(events, { ...query, since: day(7.5), until: day(10) }).values.bug_count).toBe(0);
  });

  it('says which event has a bad timestamp', () => {
    expect(() => metricsFromEvents([ev('x', 1, {}), { topic: 'x', payload: {}, createdAt: 'yesterday' }], { journeyId: 'j1', until: day(1) })).toThrow(
      'events[1].createdAt is not an ISO-8601 instant: "yesterday"',
    );
  });
});
