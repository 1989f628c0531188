// Business-hours calendars (time zone, weekly hours, holidays) and the two questions the SLA
// clocks ask of them: when does a business duration end, and how much business time lies between two instants.
import { z } from 'zod';
import { addDays, isValidTimeZone, isoDate, localDateTime, zonedTimeToUtc } from './time-zone';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM (00:00–24:00)');

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const intervalSchema = z
  .strictObject({ start: hhmm, end: hhmm })
  .refine((i) => minuteOf(i.start) < minuteOf(i.end), { message: 'an interval ends after it starts', path: ['end'] });

const daySchema = z.array(intervalSchema).max(8).default([]);

export const businessCalendarInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone: z.string().refine(isValidTimeZone, { message: 'an IANA time zone such as Europe/Berlin' }),
  weekly: z
    .strictObject({ sun: daySchema, mon: daySchema, tue: daySchema, wed: daySchema, thu: daySchema, fri: daySchema, sat: daySchema })
    .refine((w) => WEEKDAYS.some((d) => w[d].length > 0), { message: 'a calendar has business hours on at least one day' }),
  holidays: z.array(z.iso.date()).max(1000).default([]),
});
export type BusinessCalendarInput = z.input<typeof businessCalendarInput>;
export type BusinessCalendarSpec = z.output<typeof businessCalendarInput>;

export interface BusinessCalendar extends BusinessCalendarSpec {
  id: string;
}

function minuteOf(t: string): number {
  const [h, m] = t.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
export const CALENDAR_24X7: BusinessCalendar = {
  id: '24x7',
  name: 'Around the clock',
  timeZone: 'UTC',
  weekly: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
  holidays: [],
};

/** A calendar with no holidays and every day open all day counts wall time: no day walking needed. */
function isAroundTheClock(cal: BusinessCalendarSpec): boolean {
  return cal.holidays.length === 0 && WEEKDAYS.every((d) => cal.weekly[d].length === 1 && cal.weekly[d][0]?.start === '00:00' && cal.weekly[d][0]?.end === '24:00');
}

/** Business intervals of one local day as UTC instants, in order (none on a holiday). */
function dayIntervals(cal: BusinessCalendarSpec, year: number, month: number, day: number, holidays: ReadonlySet<string>): Array<[number, number]> {
  if (holidays.has(isoDate(year, month, day))) return [];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] as Weekday;
  return cal.weekly[weekday].map((i) => [zonedTimeToUtc(year, month, day, minuteOf(i.start), cal.timeZone), zonedTimeToUtc(year, month, day, minuteOf(i.end), cal.timeZone)] as [number, number]);
}

/** Days walked at most (ten years): a calendar whose hours all fall on holidays never ends a duration. */
const MAX_DAYS = 3660;

const holidaySets = new WeakMap<object, ReadonlySet<string>>();
function holidaySet(cal: BusinessCalendarSpec): ReadonlySet<string> {
  let s = holidaySets.get(cal.holidays);
  if (!s) {
    s = new Set(cal.holidays);
    holidaySets.set(cal.holidays, s);
  }
  return s;
}

/** The instant at which `durationMs` of business time has passed since `startMs`. */
export function addBusinessTime(startMs: number, durationMs: number, cal: BusinessCalendarSpec): number {
  if (durationMs <= 0) return startMs;
  if (isAroundTheClock(cal)) return startMs + durationMs;
  const holidays = holidaySet(cal);
  let remaining = durationMs;
  // Start one local day early: an interval of the previous local day may still be open (24:00 ends).
  const l = localDateTime(startMs, cal.timeZone);
  let date = addDays(l.year, l.month, l.day, -1);
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [s, e] of dayIntervals(cal, date.year, date.month, date.day, holidays)) {
      if (e <= startMs) continue;
      const from = Math.max(s, startMs);
      const available = e - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    date = addDays(date.year, date.month, date.day, 1);
  }
  throw new Error(`the calendar has no business hours within ${MAX_DAYS} days of ${new Date(startMs).toISOString()}`);
}

/** Business time between two instants (0 when b ≤ a). */
export function businessTimeBetween(a: number, b: number, cal: BusinessCalendarSpec): number {
  if (b <= a) return 0;
  if (isAroundTheClock(cal)) return b - a;
  const holidays = holidaySet(cal);
  const l = localDateTime(a, cal.timeZone);
  let date = addDays(l.year, l.month, l.day, -1);
  let total = 0;
  for (let i = 0; i < MAX_DAYS + 2; i++) {
    const intervals = dayIntervals(cal, date.year, date.month, date.day, holidays);
    // Local midnight of the day is past b: nothing later can overlap.
    if (zonedTimeToUtc(date.year, date.month, date.day, 0, cal.timeZone) >= b) break;
    for (const [s, e] of intervals) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    date = addDays(date.year, date.month, date.day, 1);
  }
  return total;
}

/** True when the instant falls inside business hours. */
export function isBusinessTime(ms: number, cal: BusinessCalendarSpec): boolean {
  return businessTimeBetween(ms, ms + 1, cal) === 1;
}
