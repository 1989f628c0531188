// Stage metrics computed from the event log, so gates need not trust reports where the log
// knows better: task success and error rates, counts of matching events in a window, and the
// latest value of every reported metric.
import type { Counter } from './definition';
import { JOURNEY_TOPICS, TASK_TOPICS } from './topics';

export interface LoggedEvent {
  topic: string;
  key?: string | null;
  payload: unknown;
  /** ISO-8601 instant. */
  createdAt: string;
}

export interface StageMetricsQuery {
  journeyId: string;
  /** Only task events and reports of this stage (reports without a stage count for every stage). */
  stage?: string;
  /** Epoch ms; earlier events are ignored (typically when the stage was entered). */
  since?: number;
  /** Epoch ms; the injected "now". Later events are ignored. */
  until: number;
  counters?: readonly Counter[];
}

export type MetricSource = 'reported' | 'computed';

export interface StageMetrics {
  values: Record<string, number>;
  sources: Record<string, MetricSource>;
}

type Payload = Record<string, unknown>;

function asPayload(value: unknown): Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : {};
}

function matches(payload: Payload, match: Counter['match']): boolean {
  return Object.entries(match).every(([field, expected]) => {
    const actual = payload[field];
    return Array.isArray(expected) ? expected.some((e) => e === actual) : expected === actual;
  });
}

/**
 * Metrics for one journey (and stage) from its events. Computed values win over reported ones
 * of the same name: a report of bug_count 0 cannot hide logged critical bugs.
 */
export function metricsFromEvents(events: readonly LoggedEvent[], query: StageMetricsQuery): StageMetrics {
  const since = query.since ?? Number.NEGATIVE_INFINITY;
  const timed = events.map((event, index) => {
    const at = Date.parse(event.createdAt);
    if (Number.isNaN(at)) throw new Error(`events[${index}].createdAt is not an ISO-8601 instant: ${JSON.stringify(event.createdAt)}`);
    return { event, at, payload: asPayload(event.payload) };
  });
  const mine = timed.filter(({ at, payload }) => payload.journeyId === query.journeyId && at >= since && at <= query.until);
  const inStage = (payload: Payload) => query.stage === undefined || payload.stage === undefined || payload.stage === query.stage;

  const values: Record<string, number> = {};
  const sources: Record<string, MetricSource> = {};
  const reports = mine
    .filter(({ event, payload }) => event.topic === JOURNEY_TOPICS.metricsReported && inStage(payload))
    .sort((a, b) => a.at - b.at);
  for (const { payload } of reports) {
    for (const [name, value] of Object.entries(asPayload(payload.metrics))) {
      if (typeof value === 'number' && Number.isFinite(value)) {
        values[name] = value;
        sources[name] = 'reported';
      }
    }
  }

  const computed: Record<string, number> = {};
  const taskEvents = mine.filter(({ event, payload }) => event.topic.startsWith('task.') && (query.stage === undefined || payload.stage === query.stage));
  const count = (topic: string) => taskEvents.filter(({ event }) => event.topic === topic).length;
  const completed = count(TASK_TOPICS.completed);
  const failed = count(TASK_TOPICS.failed);
  const failedAttempts = count(TASK_TOPICS.attemptFailed) + failed;
  computed.tasks_completed = completed;
  computed.tasks_failed = failed;
  computed.task_attempts_failed = failedAttempts;
  if (completed + failed > 0) computed.task_success_rate = completed / (completed + failed);
  if (completed + failedAttempts > 0) computed.task_error_rate = failedAttempts / (completed + failedAttempts);

  for (const counter of query.counters ?? []) {
    const from = counter.windowMs === undefined ? since : Math.max(since, query.until - counter.windowMs);
    computed[counter.metric] = mine.filter(({ event, at, payload }) => event.topic === counter.topic && at >= from && matches(payload, counter.match)).length;
  }

  for (const [name, value] of Object.entries(computed)) {
    values[name] = value;
    sources[name] = 'computed';
  }
  return { values, sources };
}
