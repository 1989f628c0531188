// The bounded, newest-first list of events a live view shows; delivery is at-least-once and
// backfill overlaps the stream, so merging drops duplicates by id.
import type { StreamEvent } from './types';

export function mergeEvents(
  current: readonly StreamEvent[],
  incoming: readonly StreamEvent[],
  max: number,
): StreamEvent[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be an integer >= 1, got ${max}`);
  const byId = new Map<number, StreamEvent>();
  for (const event of current) byId.set(event.id, event);
  for (const event of incoming) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, max);
}
