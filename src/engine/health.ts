// Liveness and readiness: readiness means the database answers and every migration is applied.
import type { Db } from '../store/db';
import { migrationStatus } from '../store/migrate';
import type { Clock } from './clock';
import { aliveWorkers } from './worker-registry';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface HealthCheck {
  name: string;
  status: CheckStatus;
  latencyMs: number;
  detail: string;
}

export interface HealthReport {
  status: CheckStatus;
  checks: HealthCheck[];
}

async function timed(name: string, fn: () => Promise<{ status: CheckStatus; detail: string }>): Promise<HealthCheck> {
  const t0 = performance.now();
  try {
    const r = await fn();
    return { name, ...r, latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
  } catch (err) {
    return { name, status: 'fail', detail: err instanceof Error ? err.message : String(err), latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
  }
}

export function worst(statuses: ReadonlyArray<CheckStatus>): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  return 'ok';
}

/** Extra checks (channels, queues) are registered by later capabilities. */
export type ExtraCheck = () => Promise<HealthCheck>;

export async function readiness(db: Db, clock: Clock, extra: ReadonlyArray<ExtraCheck> = []): Promise<HealthReport> {
  const checks = await Promise.all([
    timed('database', async () => {
      await db.query('SELECT 1');
      return { status: 'ok', detail: `${db.driver} at ${db.location}` };
    }),
    timed('migrations', async () => {
      const s = await migrationStatus(db);
      return s.pending === 0
        ? { status: 'ok', detail: `schema ${s.current} of ${s.latest}` }
        : { status: 'fail', detail: `${s.pending} migration(s) pending: schema ${s.current} of ${s.latest}` };
    }),
    timed('workers', async () => {
      const workers = await aliveWorkers(db, clock);
      return workers.length > 0
        ? { status: 'ok', detail: `${workers.length} alive: ${workers.map((w) => w.name).join(', ')}` }
        : { status: 'warn', detail: 'no worker has sent a heartbeat recently' };
    }),
    ...extra.map((c) => c()),
  ]);
  // Workers missing is a warning, not unreadiness: the API still serves.
  const status = worst(checks.map((c) => (c.name === 'workers' && c.status !== 'ok' ? 'ok' : c.status)));
  return { status, checks };
}
