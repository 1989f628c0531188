// The order in which waiting tickets get an agent: priority, then the earliest SLA deadline
// (none = last), then age, then id so the order is total.
import type { Priority, RoutableTicket } from './types';

export const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export function compareQueueOrder(a: RoutableTicket, b: RoutableTicket): number {
  const p = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (p !== 0) return p;
  const da = a.slaDeadline ?? Number.POSITIVE_INFINITY;
  const db = b.slaDeadline ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A new array in queue order; the input is left alone. */
export function queueOrder<T extends RoutableTicket>(tickets: ReadonlyArray<T>): T[] {
  return [...tickets].sort(compareQueueOrder);
}
