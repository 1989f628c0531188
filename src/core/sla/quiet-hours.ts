// Quiet hours of an alert channel: alerts raised inside the window are held until it ends;
// urgent tickets may bypass it.
import { z } from 'zod';
import { addDays, isValidTimeZone, localDateTime, zonedTimeToUtc } from './time-zone';
import type { Priority } from './policy';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

export const quietHoursSchema = z.strictObject({
  timeZone: z.string().refine(isValidTimeZone, { message: 'an IANA time zone such as Europe/Berlin' }),
  /** Start and end in local time; a window may cross midnight (22:00–07:00). */
  start: hhmm,
  end: hhmm,
  urgentBypass: z.boolean().default(true),
});
export type QuietHours = z.output<typeof quietHoursSchema>;

function minuteOf(t: string): number {
  const [h, m] = t.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** When an alert raised at `at` may be sent: `at` itself outside quiet hours, else the window's end. */
export function releaseAt(at: number, quiet: QuietHours | null, priority: Priority): number {
  if (!quiet || (priority === 'urgent' && quiet.urgentBypass)) return at;
  const start = minuteOf(quiet.start);
  const end = minuteOf(quiet.end);
  if (start === end) return at;
  const l = localDateTime(at, quiet.timeZone);
  const minute = l.hour * 60 + l.minute;
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return at;
  // The window ends today unless it crossed midnight and we are in its evening part.
  const endDate = crossesMidnight && minute >= start ? addDays(l.year, l.month, l.day, 1) : { year: l.year, month: l.month, day: l.day };
  return zonedTimeToUtc(endDate.year, endDate.month, endDate.day, end, quiet.timeZone);
}
