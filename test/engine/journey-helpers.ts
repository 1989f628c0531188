// Shared set-up for journey engine tests: a journey runtime over a test database with a clock the
// test moves, and the worker driven by hand (drain) instead of its timers.
import type { Db } from '../../src/store/db';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import type { TaskWorkerOptions } from '../../src/engine/task-worker';

export class TestClock {
  constructor(public t: number = Date.parse('2026-03-02T09:00:00.000Z')) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export const DAY = 86_400_000;

export function journeyRuntime(db: Db, clock: TestClock, worker: Partial<TaskWorkerOptions> = {}): JourneyRuntime {
  return new JourneyRuntime({ db, clock, kind: 'worker', onEvents: () => undefined, worker: { random: () => 0.5, ...worker }, env: {} });
}

/** Sandbox exit criteria and pilot entry criteria of the built-in client onboarding, all met. */
export const SANDBOX_DONE = { connector_sync_rate: 1, search_precision: 0.91, security_vulnerabilities: 0, stakeholder_demo_approved: 1, pilot_cohort_size: 25, production_infrastructure_ready: 1 };
/** Pilot exit criteria and production entry criteria, all met. */
export const PILOT_DONE = { search_precision: 0.88, user_satisfaction: 4.3, p95_latency_ms: 420, rollout_plan_approved: 1, monitoring_configured: 1 };
/** Production success metrics, all met. */
export const PRODUCTION_DONE = { user_adoption: 0.74, search_satisfaction: 4.6, query_volume_growth: 0.25 };

export async function rows<T extends object>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.query<T>(sql, params as never);
}
