import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessTime, businessCalendarInput, businessTimeBetween, CALENDAR_24X7, isBusinessTime, type BusinessCalendarSpec } from '../../../src/core/sla/business-calendar';
import { localDateTime, zonedTimeToUtc } from '../../../src/core/sla/time-zone';

const H = 3_600_000;
const nineToFive = [{ start: '09:00', end: '17:00' }];
const berlin: BusinessCalendarSpec = businessCalendarInput.parse({
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ['2026-12-25', '2026-12-24'],
});
const newYork: BusinessCalendarSpec = businessCalendarInput.parse({
  name: 'NY night shift',
  timeZone: 'America/New_York',
  weekly: { sun: [{ start: '00:00', end: '24:00' }], mon: [{ start: '00:00', end: '06:00' }, { start: '20:00', end: '24:00' }] },
});

describe('time zones', () => {
  it('maps wall time to instants across DST in both directions', () => {
    // Berlin: CET (+1) before 29 March 2026, CEST (+2) after.
    expect(new Date(zonedTimeToUtc(2026, 3, 27, 9 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(new Date(zonedTimeToUtc(2026, 3, 30, 9 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // 02:30 does not exist on 29 March: it moves forward by the gap.
    expect(new Date(zonedTimeToUtc(2026, 3, 29, 150, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October: the first occurrence (CEST).
    expect(new Date(zonedTimeToUtc(2026, 10, 25, 150, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localDateTime(Date.parse('2026-03-30T07:00:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 9, weekday: 1 });
  });
});

describe('business calendars', () => {
  it('rejects bad calendars with a pointer', () => {
    const r = businessCalendarInput.safeParse({ name: 'x', timeZone: 'Mars/Base', weekly: { mon: [{ start: '10:00', end: '09:00' }] } });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('/'));
    expect(paths).toContain('timeZone');
    expect(paths).toContain('weekly/mon/0/end');
    expect(businessCalendarInput.safeParse({ name: 'x', timeZone: 'UTC', weekly: {} }).success).toBe(false);
  });

  it('counts wall time around the clock', () => {
    expect(addBusinessTime(1000, 5 * H, CALENDAR_24X7)).toBe(1000 + 5 * H);
    expect(businessTimeBetween(1000, 1000 + 5 * H, CALENDAR_24X7)).toBe(5 * H);
  });

  it('skips nights and weekends', () => {
    // Friday 16:00 Berlin (CET, 15:00Z) + 4 h business → Monday 12:00 (11:00Z).
    const friday = Date.parse('2026-01-16T15:00:00Z');
    expect(new Date(addBusinessTime(friday, 4 * H, berlin)).toISOString()).toBe('2026-01-19T11:00:00.000Z');
    expect(businessTimeBetween(friday, Date.parse('2026-01-19T11:00:00Z'), berlin)).toBe(4 * H);
    // Saturday noon is not business time; Monday 10:00 is.
    expect(isBusinessTime(Date.parse('2026-01-17T11:00:00Z'), berlin)).toBe(false);
    expect(isBusinessTime(Date.parse('2026-01-19T09:00:00Z'), berlin)).toBe(true);
  });

  it('skips holidays', () => {
    // Wednesday 23 Dec 2026 16:00 + 2 h → 24th and 25th are holidays, 26/27 weekend → Monday 28th 10:00.
    const start = Date.parse('2026-12-23T15:00:00Z');
    expect(new Date(addBusinessTime(start, 2 * H, berlin)).toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });

  it('keeps local business hours across the DST change', () => {
    // Friday 27 March 2026 16:00 CET + 2 h → Monday 30 March 10:00 CEST = 08:00Z (the offset changed over the weekend).
    const start = Date.parse('2026-03-27T15:00:00Z');
    expect(new Date(addBusinessTime(start, 2 * H, berlin)).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // A 24-hour local Sunday in New York on the spring-forward day has only 23 real hours.
    const sunday = zonedTimeToUtc(2026, 3, 8, 0, 'America/New_York');
    const monday = zonedTimeToUtc(2026, 3, 9, 0, 'America/New_York');
    expect(businessTimeBetween(sunday, monday, newYork)).toBe(23 * H);
  });

  it('handles intervals that end at midnight and split days', () => {
    // Monday 05:00 NY + 3 h → 1 h until 06:00, then 20:00 + 2 h = 22:00 local.
    const start = zonedTimeToUtc(2026, 1, 12, 5 * 60, 'America/New_York');
    expect(addBusinessTime(start, 3 * H, newYork)).toBe(zonedTimeToUtc(2026, 1, 12, 22 * 60, 'America/New_York'));
  });

  it('addBusinessTime and businessTimeBetween are inverse (property)', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 60 }), fc.integer({ min: 1, max: 60 * 24 * 10 }), fc.constantFrom(berlin, newYork, CALENDAR_24X7), (startMin, durMin, cal) => {
        const start = from + startMin * 60_000;
        const end = addBusinessTime(start, durMin * 60_000, cal);
        expect(end).toBeGreaterThanOrEqual(start + (cal === CALENDAR_24X7 ? durMin * 60_000 : 0));
        expect(businessTimeBetween(start, end, cal)).toBe(durMin * 60_000);
      }),
      { numRuns: 80 },
    );
  });

  it('business time is additive over a split point (property)', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 }), fc.integer({ min: 0, max: 24 * 30 }), fc.integer({ min: 0, max: 24 * 30 }), (a, b, c) => {
        const t0 = from + a * H;
        const t1 = t0 + b * H;
        const t2 = t1 + c * H;
        expect(businessTimeBetween(t0, t1, berlin) + businessTimeBetween(t1, t2, berlin)).toBe(businessTimeBetween(t0, t2, berlin));
      }),
      { numRuns: 30 },
    );
  });
});
