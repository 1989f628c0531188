// Which channels an alert goes to and when each delivery may start: the rules of one raised alert, pure,
// so the SLA monitor can plan a whole batch of alerts before writing them in a few multi-row statements.
import { priorityAtLeast } from './alert-channel';
import type { AlertThreshold } from './alert-keys';
import type { Priority } from './policy';
import { quietHoursSchema, releaseAt } from './quiet-hours';

export interface TargetChannel {
  id: string;
  enabled: boolean;
  config: Record<string, unknown>;
}

export interface AlertRouting {
  threshold: AlertThreshold | 'test';
  priority: Priority;
  /** given ids (an escalation level's channels), else every enabled channel that takes this kind of alert */
  channelIds?: string[];
  /** recorded for the timeline only: no delivery */
  silent?: boolean;
}

/** Whether a channel takes this alert by its own settings: the kinds it notifies on and its minimum priority. */
export function channelWants(ch: TargetChannel, r: AlertRouting): boolean {
  if (!ch.enabled) return false;
  const kind = r.threshold === 'test' ? null : r.threshold.startsWith('escalation') ? 'escalation' : r.threshold;
  const notifyOn = (ch.config.notifyOn as string[] | undefined) ?? [];
  const minPriority = (ch.config.minPriority as Priority | undefined) ?? 'low';
  return (kind === null || notifyOn.includes(kind)) && priorityAtLeast(r.priority, minPriority);
}

/** The deliveries of one alert raised at `at`: channel and first attempt instant (held through quiet hours). */
export function alertTargets(channels: ReadonlyArray<TargetChannel>, r: AlertRouting, at: number): { channelId: string; releaseAt: number }[] {
  if (r.silent) return [];
  const ids = r.channelIds;
  const chosen = ids && ids.length > 0 ? channels.filter((c) => ids.includes(c.id) && c.enabled) : channels.filter((c) => channelWants(c, r));
  return chosen.map((ch) => {
    const quiet = quietHoursSchema.nullable().safeParse(ch.config.quietHours ?? null);
    return { channelId: ch.id, releaseAt: releaseAt(at, quiet.success ? quiet.data : null, r.priority) };
  });
}
