// Whether an instant falls inside an agent's weekly working hours, read in the agent's own time zone.
import type { AgentSchedule } from './types';

// Formatters are costly to build; one per time zone is reused (a cache, not state: same input, same answer).
const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Local weekday (0 = Sunday) and minute of day of `at` in `timeZone`. */
export function localWeekMinute(at: number, timeZone: string): { day: number; minute: number } {
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type === 'weekday') day = WEEKDAYS[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { day, minute: hour * 60 + minute };
}

export function isOnSchedule(schedule: AgentSchedule | null, at: number): boolean {
  if (!schedule) return true;
  const local = localWeekMinute(at, schedule.timeZone);
  return schedule.hours.some((h) => h.day === local.day && local.minute >= minutesOfDay(h.start) && local.minute < minutesOfDay(h.end));
}
