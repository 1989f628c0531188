// commitChange for the journey and task engine: any number of audit entries per change, and a
// retry when PostgreSQL aborts the transaction for a deadlock or a serialization failure
// (rare, given the lock order, but a worker must not lose a result to one).
import type { Db, Queryable } from '../store/db';
import { appendAudit, type AuditEntry } from '../store/audit-repo';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { commitChange } from './change';
import type { Clock } from './clock';

export interface EngineChange<T> {
  result: T;
  audits?: AuditEntry[];
  events?: NewEvent[];
}

const RETRYABLE = new Set(['40P01', '40001']);
const MAX_TRIES = 4;

function retryable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && RETRYABLE.has(String((err as { code?: unknown }).code));
}

/** Runs `fn` again (a few times, after a short jittered wait) when PostgreSQL aborted it for a deadlock or a serialization failure. */
export async function retryOnConflict<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!retryable(err) || attempt >= MAX_TRIES) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
    }
  }
}

export async function commitEngineChange<T>(
  db: Db,
  clock: Clock,
  work: (tx: Queryable, now: Date) => Promise<EngineChange<T>>,
  afterCommit?: (events: StoredEvent[]) => void,
): Promise<{ result: T; events: StoredEvent[] }> {
  return retryOnConflict(() =>
    commitChange(
      db,
      clock,
      async (tx, now) => {
        const out = await work(tx, now);
        const [first, ...rest] = out.audits ?? [];
        for (const a of rest) await appendAudit(tx, a, now);
        return { result: out.result, ...(first ? { audit: first } : {}), events: out.events ?? [] };
      },
      afterCommit,
    ),
  );
}
