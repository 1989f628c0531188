import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { businessCalendarInput, CALENDAR_24X7 } from '../../../src/core/sla/business-calendar';
import { clockStatus, elapsedAt, evaluateClock, meetClock, nextCheckAt, pauseClock, remainingAt, reopenClock, resumeClock, retargetClock, startClock } from '../../../src/core/sla/clock-state';
import { DEFAULT_ESCALATION_POLICY, escalationPolicyInput, escalationStep } from '../../../src/core/sla/escalation-policy';
import { DEFAULT_SLA_POLICY, thresholdsMs } from '../../../src/core/sla/policy';

const M = 60_000;
const H = 60 * M;
const t0 = Date.parse('2026-02-02T08:00:00Z'); // a Monday
const urgent = thresholdsMs(DEFAULT_SLA_POLICY, 'urgent', 'first_response'); // 60 min

describe('SLA clock', () => {
  it('warns at 80 % and breaches at 100 % of the target', () => {
    const c = startClock('first_response', 'urgent', urgent, t0, CALENDAR_24X7);
    expect(c.warningAt).toBe(t0 + 48 * M);
    expect(c.breachAt).toBe(t0 + 60 * M);
    expect(nextCheckAt(c, null)).toBe(t0 + 48 * M);
    expect(evaluateClock(c, t0 + 47 * M, null).fired).toEqual([]);
    const w = evaluateClock(c, t0 + 48 * M, null);
    expect(w.fired).toEqual([{ kind: 'warning', at: t0 + 48 * M }]);
    expect(nextCheckAt(w.state, null)).toBe(t0 + 60 * M);
    // Evaluating again fires nothing twice.
    expect(evaluateClock(w.state, t0 + 50 * M, null).fired).toEqual([]);
    const b = evaluateClock(w.state, t0 + 61 * M, null);
    expect(b.fired).toEqual([{ kind: 'breach', at: t0 + 60 * M }]);
    expect(clockStatus(b.state)).toBe('breached');
    expect(nextCheckAt(b.state, null)).toBeNull();
    expect(remainingAt(b.state, t0 + 70 * M, CALENDAR_24X7)).toBe(-10 * M);
  });

  it('pause excludes pending time', () => {
    let c = startClock('resolution', 'urgent', thresholdsMs(DEFAULT_SLA_POLICY, 'urgent', 'resolution'), t0, CALENDAR_24X7);
    c = pauseClock(c, t0 + 1 * H, CALENDAR_24X7);
    expect(clockStatus(c)).toBe('paused');
    expect(nextCheckAt(c, null)).toBeNull();
    expect(evaluateClock(c, t0 + 10 * H, null).fired).toEqual([]);
    c = resumeClock(c, t0 + 3 * H, CALENDAR_24X7);
    expect(c.pausedMs).toBe(2 * H);
    expect(elapsedAt(c, t0 + 4 * H, CALENDAR_24X7)).toBe(2 * H);
    // 4 h target: 1 h before the pause, 3 h after the resume.
    expect(c.breachAt).toBe(t0 + 6 * H);
    expect(c.warningAt).toBe(t0 + 3 * H + 2.2 * H);
  });

  it('met stops the clock; met late stays breached; reopen runs on', () => {
    let c = startClock('resolution', 'urgent', thresholdsMs(DEFAULT_SLA_POLICY, 'urgent', 'resolution'), t0, CALENDAR_24X7);
    const met = meetClock(c, t0 + 1 * H, CALENDAR_24X7);
    expect(clockStatus(met)).toBe('met');
    expect(met.elapsedMs).toBe(1 * H);
    expect(nextCheckAt(met, null)).toBeNull();
    c = reopenClock(met, t0 + 10 * H, CALENDAR_24X7);
    expect(c.breachAt).toBe(t0 + 13 * H);
    const late = evaluateClock(c, t0 + 14 * H, null).state;
    const metLate = meetClock(late, t0 + 15 * H, CALENDAR_24X7);
    expect(metLate.breachedAt).not.toBeNull();
    expect(clockStatus(metLate)).toBe('met');
  });

  it('met after its breach instant but before the monitor fired it: breached at the projected instant', () => {
    const c = startClock('first_response', 'urgent', urgent, t0, CALENDAR_24X7);
    const metLate = meetClock(c, t0 + 90 * M, CALENDAR_24X7);
    expect(metLate.breachedAt).toBe(t0 + 60 * M);
    expect(metLate.warnedAt).toBe(c.warningAt);
    expect(clockStatus(metLate)).toBe('met');
    const metInTime = meetClock(c, t0 + 30 * M, CALENDAR_24X7);
    expect(metInTime.breachedAt).toBeNull();
    expect(metInTime.warnedAt).toBeNull();
    // Met while paused after the breach instant would have passed on the wall clock: business time decides.
    const paused = pauseClock(c, t0 + 10 * M, CALENDAR_24X7);
    expect(meetClock(paused, t0 + 5 * H, CALENDAR_24X7).breachedAt).toBeNull();
  });

  it('counts in business hours: a ticket raised on Friday evening warns on Monday', () => {
    const cal = businessCalendarInput.parse({ name: 'UK', timeZone: 'Europe/London', weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] } });
    const friday = Date.parse('2026-02-06T18:00:00Z');
    const c = startClock('first_response', 'urgent', urgent, friday, cal);
    expect(new Date(c.warningAt as number).toISOString()).toBe('2026-02-09T09:48:00.000Z');
    expect(new Date(c.breachAt as number).toISOString()).toBe('2026-02-09T10:00:00.000Z');
  });

  it('retargets on a priority change, keeping the time used', () => {
    const c = startClock('first_response', 'normal', thresholdsMs(DEFAULT_SLA_POLICY, 'normal', 'first_response'), t0, CALENDAR_24X7);
    const r = retargetClock(c, 'urgent', urgent, t0 + 30 * M, CALENDAR_24X7);
    expect(r.breachAt).toBe(t0 + 60 * M);
    expect(r.priority).toBe('urgent');
  });

  it('escalation levels follow the breach and repeat', () => {
    const p = escalationPolicyInput.parse({ name: 'p', levels: [{ afterMinutes: 0, action: 'next-tier' }, { afterMinutes: 15, action: 'notify', channelIds: ['c1'] }], repeat: 1, repeatAfterMinutes: 30 });
    const breach = t0;
    expect(escalationStep(p, breach, 0)).toMatchObject({ at: t0, action: 'next-tier', pass: 0 });
    expect(escalationStep(p, breach, 1)).toMatchObject({ at: t0 + 15 * M, action: 'notify', channelIds: ['c1'] });
    expect(escalationStep(p, breach, 2)).toMatchObject({ at: t0 + 45 * M, pass: 1, level: 0 });
    expect(escalationStep(p, breach, 4)).toBeNull();
    let c = startClock('first_response', 'urgent', urgent, t0 - 60 * M, CALENDAR_24X7);
    const first = evaluateClock(c, t0, p);
    expect(first.fired.map((f) => f.kind)).toEqual(['warning', 'breach', 'escalation']);
    c = first.state;
    expect(nextCheckAt(c, p)).toBe(t0 + 15 * M);
    const all = evaluateClock(c, t0 + 10 * H, p);
    expect(all.fired).toHaveLength(3);
    expect(nextCheckAt(all.state, p)).toBeNull();
    expect(escalationPolicyInput.safeParse({ name: 'x', levels: [{ afterMinutes: 10, action: 'notify' }, { afterMinutes: 5, action: 'notify' }] }).error?.issues[0]?.path).toEqual(['levels', 1, 'afterMinutes']);
    expect(DEFAULT_ESCALATION_POLICY.levels[0]?.action).toBe('next-tier');
  });

  it('never fires a threshold twice and fires each once by the end (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom('pause', 'resume', 'check')), { maxLength: 20 }), (ops) => {
        let c = startClock('first_response', 'urgent', urgent, t0, CALENDAR_24X7);
        let at = t0;
        const fired: string[] = [];
        for (const [dt, op] of ops) {
          at += dt * M;
          if (op === 'pause') c = pauseClock(c, at, CALENDAR_24X7);
          else if (op === 'resume') c = resumeClock(c, at, CALENDAR_24X7);
          else {
            const e = evaluateClock(c, at, null);
            c = e.state;
            fired.push(...e.fired.map((f) => f.kind));
          }
        }
        c = resumeClock(c, at, CALENDAR_24X7);
        const end = evaluateClock(c, at + 2 * H, null);
        fired.push(...end.fired.map((f) => f.kind));
        expect(fired).toEqual(['warning', 'breach']);
        // Business time used never exceeds wall time minus the pauses.
        expect(elapsedAt(end.state, at + 2 * H, CALENDAR_24X7)).toBe(at + 2 * H - t0 - end.state.pausedMs);
      }),
      { numRuns: 200 },
    );
  });
});
