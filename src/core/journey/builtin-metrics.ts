// Metrics every gate can use without anyone reporting them, computed from the journey state
// and the injected clock (e.g. "no critical bugs in a 7-day window" needs days_in_stage >= 7).
export const DAY_MS = 86_400_000;

export const BUILTIN_METRIC_NAMES = ['days_in_stage', 'days_in_journey'] as const;
export type BuiltinMetricName = (typeof BUILTIN_METRIC_NAMES)[number];

export function isBuiltinMetric(name: string): name is BuiltinMetricName {
  return (BUILTIN_METRIC_NAMES as readonly string[]).includes(name);
}

export function builtinMetrics(state: { startedAt: string; stageStartedAt: string }, nowMs: number): Record<BuiltinMetricName, number> {
  return {
    days_in_stage: Math.max(0, nowMs - Date.parse(state.stageStartedAt)) / DAY_MS,
    days_in_journey: Math.max(0, nowMs - Date.parse(state.startedAt)) / DAY_MS,
  };
}
