// Liveness and readiness: readiness means the database answers and every migration is applied.
// HealthService adds checks registered by capabilities (each timed), the workers with their last
// heartbeat, and a history of periodic samples for the status page's sparklines.
import type { Db } from '../store/db';
import { migrationStatus } from '../store/migrate';
import { listWorkers, type WorkerRecord } from '../store/workers-repo';
import type { Clock } from './clock';
import { WORKER_TTL_MS, aliveWorkers } from './worker-registry';

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

export async function timed(name: string, fn: () => Promise<{ status: CheckStatus; detail: string }>): Promise<HealthCheck> {
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
        ? { status: 'ok', detail: `${workers.length} alive: ${workers.map((w) => `${w.name} (heartbeat ${Math.max(0, Math.round((clock.now().getTime() - Date.parse(w.heartbeatAt)) / 1000))} s ago)`).join(', ')}` }
        : { status: 'warn', detail: 'no worker has sent a heartbeat recently' };
    }),
    ...extra.map((c) => c()),
  ]);
  // Workers missing is a warning, not unreadiness: the API still serves.
  const status = worst(checks.map((c) => (c.name === 'workers' && c.status !== 'ok' ? 'ok' : c.status)));
  return { status, checks };
}

/** What a capability registers: its own status and a one-line detail; latency is measured here. */
export type RegisteredCheck = () => Promise<{ status: CheckStatus; detail: string }>;

/** The parts of the Runtime the health service needs (kept structural: no import cycle). */
export interface HealthHost {
  db: Db;
  clock: Clock;
  addHealthCheck(check: ExtraCheck): void;
  readiness(): Promise<HealthReport>;
}

export interface WorkerHeartbeat extends WorkerRecord {
  /** Milliseconds since its last heartbeat. */
  ageMs: number;
  alive: boolean;
}

export interface HealthSample {
  at: string;
  status: CheckStatus;
  checks: Array<{ name: string; status: CheckStatus; latencyMs: number }>;
}

export interface StatusReport extends HealthReport {
  at: string;
  workers: WorkerHeartbeat[];
  history: HealthSample[];
}

/** Samples kept in memory: two hours at the default interval. */
const HISTORY_MAX = 240;
const SAMPLE_MS = 30_000;
/** Workers whose heartbeat stopped within this window are still listed (as gone) on the status page. */
const RECENT_WORKERS_MS = 10 * 60_000;

export class HealthService {
  private readonly checks = new Map<string, RegisteredCheck>();
  private readonly samples: HealthSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private shared: { at: number; report: Promise<StatusReport> } | undefined;

  constructor(private readonly host: HealthHost, private readonly kind: 'serve' | 'worker' | 'cli') {}

  /** Registers (or replaces) a named check; /readyz and /api/status run it with its latency. */
  register(name: string, check: RegisteredCheck): void {
    const known = this.checks.has(name);
    this.checks.set(name, check);
    // A shared report from before the check existed would hide it for up to a second.
    this.shared = undefined;
    if (!known) this.host.addHealthCheck(() => timed(name, () => (this.checks.get(name) ?? check)()));
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /** Readiness plus the workers (alive or recently gone) with their last heartbeat; the result is also sampled. */
  async report(): Promise<StatusReport> {
    const readiness = await this.host.readiness();
    const now = this.host.clock.now();
    const workers = await listWorkers(this.host.db, new Date(now.getTime() - RECENT_WORKERS_MS)).catch(() => []);
    this.record(readiness, now);
    return {
      ...readiness,
      at: now.toISOString(),
      workers: workers.map((w) => {
        const ageMs = Math.max(0, now.getTime() - Date.parse(w.heartbeatAt));
        return { ...w, ageMs, alive: ageMs <= WORKER_TTL_MS };
      }),
      history: [...this.samples],
    };
  }

  /**
   * The report computed at most once per `maxAgeMs` (of process time, not the domain clock), shared by
   * every request that asks meanwhile: fifty operators polling the status page cost one round of checks.
   */
  sharedReport(maxAgeMs = 1_000): Promise<StatusReport> {
    const at = performance.now();
    if (this.shared && at - this.shared.at < maxAgeMs) return this.shared.report;
    const report = this.report();
    this.shared = { at, report };
    // A failed round is not kept: the next request tries again.
    report.catch(() => {
      if (this.shared?.report === report) this.shared = undefined;
    });
    return report;
  }

  history(): HealthSample[] {
    return [...this.samples];
  }

  private record(r: HealthReport, now: Date): void {
    const last = this.samples.at(-1);
    // Page loads between timer ticks would crowd the history; one sample per 5 s at most.
    if (last && now.getTime() - Date.parse(last.at) < 5_000) return;
    this.samples.push({ at: now.toISOString(), status: r.status, checks: r.checks.map((c) => ({ name: c.name, status: c.status, latencyMs: c.latencyMs })) });
    if (this.samples.length > HISTORY_MAX) this.samples.splice(0, this.samples.length - HISTORY_MAX);
  }

  /** The server samples its health periodically so the history exists before anyone looks. */
  start(): void {
    if (this.kind !== 'serve' || this.timer) return;
    const tick = () => void this.report().catch(() => undefined);
    tick();
    this.timer = setInterval(tick, SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
