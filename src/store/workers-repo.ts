// The worker registry: every `ow serve` and `ow worker` process heartbeats here, so the
// status page and /readyz can say which workers are alive.
import type { Queryable } from './db';

export interface WorkerRecord {
  id: string;
  name: string;
  host: string;
  pid: number;
  kind: string;
  startedAt: string;
  heartbeatAt: string;
  stoppedAt: string | null;
}

interface WorkerRow {
  id: string;
  name: string;
  host: string;
  pid: number;
  kind: string;
  started_at: Date;
  heartbeat_at: Date;
  stopped_at: Date | null;
}

export async function registerWorker(db: Queryable, w: { id: string; name: string; host: string; pid: number; kind: string }, now: Date): Promise<void> {
  await db.query(
    'INSERT INTO workers (id, name, host, pid, kind, started_at, heartbeat_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
    [w.id, w.name, w.host, w.pid, w.kind, now],
  );
}

export async function heartbeatWorker(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('UPDATE workers SET heartbeat_at = $2 WHERE id = $1', [id, now]);
}

export async function stopWorker(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('UPDATE workers SET stopped_at = $2, heartbeat_at = $2 WHERE id = $1', [id, now]);
}

export async function listWorkers(db: Queryable, since: Date): Promise<WorkerRecord[]> {
  const rows = await db.query<WorkerRow>(
    'SELECT id, name, host, pid, kind, started_at, heartbeat_at, stopped_at FROM workers WHERE stopped_at IS NULL AND heartbeat_at >= $1 ORDER BY started_at',
    [since],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    host: r.host,
    pid: r.pid,
    kind: r.kind,
    startedAt: r.started_at.toISOString(),
    heartbeatAt: r.heartbeat_at.toISOString(),
    stoppedAt: r.stopped_at ? r.stopped_at.toISOString() : null,
  }));
}
