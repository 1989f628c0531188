import { describe, it, expect } from 'vitest';
import { builtinMetrics, DAY_MS, isBuiltinMetric } from '../../../src/core/journey/builtin-metrics';

describe('builtinMetrics', () => {
  it('measures days in the stage and in the journey from the injected clock', () => {
    const state = { startedAt: '2026-01-01T00:00:00.000Z', stageStartedAt: '2026-01-10T00:00:00.000Z' };
    expect(builtinMetrics(state, Date.parse('2026-01-13T12:00:00.000Z'))).toEqual({ days_in_stage: 3.5, days_in_journey: 12.5 });
    expect(builtinMetrics(state, Date.parse('2026-01-05T00:00:00.000Z')).days_in_stage).toBe(0); // a clock behind the state never goes negative
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });

  it('knows its own names', () => {
    expect(isBuiltinMetric('days_in_stage')).toBe(true);
    expect(isBuiltinMetric('bug_count')).toBe(false);
  });
});
