// Every state change is committed together with its audit entry and its events (transactional outbox):
// either all of them land or none does.
import type { Db, Queryable } from '../store/db';
import { appendAudit, type AuditEntry } from '../store/audit-repo';
import { appendEvents, type NewEvent, type StoredEvent } from '../store/events-repo';
import type { Clock } from './clock';

export interface ChangeOutcome<T> {
  result: T;
  audit?: AuditEntry;
  events?: NewEvent[];
}

export interface CommittedChange<T> {
  result: T;
  events: StoredEvent[];
}

export async function commitChange<T>(
  db: Db,
  clock: Clock,
  work: (tx: Queryable, now: Date) => Promise<ChangeOutcome<T>>,
  afterCommit?: (events: StoredEvent[]) => void,
): Promise<CommittedChange<T>> {
  const now = clock.now();
  const committed = await db.transaction(async (tx) => {
    const outcome = await work(tx, now);
    const newEvents = outcome.events ?? [];
    // The audit entry rides in the events' statement when there are events (one round trip less).
    if (outcome.audit && newEvents.length === 0) await appendAudit(tx, outcome.audit, now);
    const events = await appendEvents(tx, newEvents, now, outcome.audit);
    return { result: outcome.result, events };
  });
  afterCommit?.(committed.events);
  return committed;
}
