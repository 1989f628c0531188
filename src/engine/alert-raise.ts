// Raising an alert inside the monitor's transaction: de-duplicated by ticket × metric × threshold,
// recorded as suppressed in shadow mode, else one durable delivery per matching channel, held through quiet hours.
import { randomBytes } from 'node:crypto';
import { priorityAtLeast } from '../core/sla/alert-channel';
import type { AlertThreshold } from '../core/sla/alert-keys';
import { alertDedupKey } from '../core/sla/alert-keys';
import type { AlertFacts } from '../core/sla/alert-message';
import type { Priority, SlaMetric } from '../core/sla/policy';
import { quietHoursSchema, releaseAt } from '../core/sla/quiet-hours';
import { listChannels, type StoredChannel } from '../store/alert-channels-repo';
import { insertAlert, insertDelivery } from '../store/alert-records-repo';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';

export const newId = (prefix: string): string => `${prefix}_${randomBytes(8).toString('hex')}`;

export interface RaiseRequest {
  ticketId: string | null;
  metric: SlaMetric | null;
  threshold: AlertThreshold | 'test';
  dedupKey?: string;
  priority: Priority;
  facts: Omit<AlertFacts, 'alertId'>;
  action: string | null;
  /** 'shadow' / 'off' when the runtime is not in production: recorded, never sent. */
  suppressedReason: string | null;
  /** Which channels: given ids, or every enabled channel that takes this kind of alert. */
  channelIds?: string[];
  /** Recorded for the timeline only (an escalation that moves the ticket rather than notifies). */
  silent?: boolean;
}

export interface Raised {
  alertId: string;
  deliveryIds: string[];
  releaseAt: number[];
  events: NewEvent[];
}

function wants(ch: StoredChannel, r: RaiseRequest): boolean {
  if (!ch.enabled) return false;
  const kind = r.threshold === 'test' ? null : r.threshold.startsWith('escalation') ? 'escalation' : r.threshold;
  const notifyOn = (ch.config.notifyOn as string[] | undefined) ?? [];
  const minPriority = (ch.config.minPriority as Priority | undefined) ?? 'low';
  return (kind === null || notifyOn.includes(kind)) && priorityAtLeast(r.priority, minPriority);
}

/** Returns null when this threshold was alerted before (another process or an earlier pass). */
export async function raiseAlert(q: Queryable, r: RaiseRequest, now: Date, channels?: StoredChannel[]): Promise<Raised | null> {
  const alertId = newId('al');
  const dedupKey = r.dedupKey ?? (r.ticketId && r.metric ? alertDedupKey(r.ticketId, r.metric, r.threshold as AlertThreshold) : `test:${alertId}`);
  const facts: AlertFacts = { ...r.facts, alertId };
  const inserted = await insertAlert(q, { id: alertId, dedupKey, ticketId: r.ticketId, metric: r.metric, threshold: r.threshold, priority: r.priority, suppressedReason: r.suppressedReason, action: r.action, facts }, now);
  if (!inserted) return null;
  const base = { alertId, ticketId: r.ticketId, metric: r.metric, threshold: r.threshold, priority: r.priority };
  if (r.suppressedReason) return { alertId, deliveryIds: [], releaseAt: [], events: [{ topic: 'alert.suppressed', key: r.ticketId, payload: { ...base, reason: r.suppressedReason } }] };
  const all = channels ?? (await listChannels(q));
  const targets = r.silent ? [] : r.channelIds && r.channelIds.length > 0 ? all.filter((c) => r.channelIds?.includes(c.id) && c.enabled) : all.filter((c) => wants(c, r));
  const deliveryIds: string[] = [];
  const releases: number[] = [];
  for (const ch of targets) {
    const quiet = quietHoursSchema.nullable().safeParse(ch.config.quietHours ?? null);
    const release = releaseAt(now.getTime(), quiet.success ? quiet.data : null, r.priority);
    const id = newId('dlv');
    await insertDelivery(q, { id, alertId, channelId: ch.id, nextAttemptAt: new Date(release) }, now);
    deliveryIds.push(id);
    releases.push(release);
  }
  return { alertId, deliveryIds, releaseAt: releases, events: [] };
}
