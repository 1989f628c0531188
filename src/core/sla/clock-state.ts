// One ticket's SLA clock for one metric: it runs in business time, pauses while the ticket waits on
// the customer, and knows the wall instants at which it warns, breaches and escalates.
import { addBusinessTime, businessTimeBetween, type BusinessCalendarSpec } from './business-calendar';
import { dueEscalationSteps, escalationStep, type EscalationPolicySpec, type EscalationStep } from './escalation-policy';
import type { Priority, SlaMetric } from './policy';

export interface SlaThresholds {
  targetMs: number;
  warningMs: number;
  breachMs: number;
}

export interface SlaClockState extends SlaThresholds {
  metric: SlaMetric;
  priority: Priority;
  startedAt: number;
  /** Business time consumed before `runningSince` (earlier running segments). */
  elapsedMs: number;
  runningSince: number | null;
  /** Wall time spent paused, for display. */
  pausedMs: number;
  pausedSince: number | null;
  /** Projected instants while running; null while paused or stopped. */
  warningAt: number | null;
  breachAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  metAt: number | null;
  /** Escalation steps already fired after the breach. */
  escalationIndex: number;
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export function clockStatus(c: SlaClockState): ClockStatus {
  if (c.metAt !== null) return 'met';
  if (c.breachedAt !== null) return 'breached';
  return c.runningSince === null ? 'paused' : 'running';
}

/** Recomputes the projected warning and breach instants of a running clock. */
function project(c: SlaClockState, cal: BusinessCalendarSpec): SlaClockState {
  if (c.runningSince === null || c.metAt !== null) return { ...c, warningAt: null, breachAt: null };
  const since = c.runningSince;
  const at = (thresholdMs: number) => addBusinessTime(since, Math.max(0, thresholdMs - c.elapsedMs), cal);
  return { ...c, warningAt: c.warnedAt ?? at(c.warningMs), breachAt: c.breachedAt ?? at(c.breachMs) };
}

export function startClock(metric: SlaMetric, priority: Priority, t: SlaThresholds, at: number, cal: BusinessCalendarSpec, paused = false): SlaClockState {
  const c: SlaClockState = {
    ...t,
    metric,
    priority,
    startedAt: at,
    elapsedMs: 0,
    runningSince: paused ? null : at,
    pausedMs: 0,
    pausedSince: paused ? at : null,
    warningAt: null,
    breachAt: null,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
    escalationIndex: 0,
  };
  return project(c, cal);
}

/** Business time the clock has consumed by `at`. */
export function elapsedAt(c: SlaClockState, at: number, cal: BusinessCalendarSpec): number {
  const end = c.metAt !== null ? Math.min(at, c.metAt) : at;
  return c.elapsedMs + (c.runningSince !== null ? businessTimeBetween(c.runningSince, end, cal) : 0);
}

/** Business time left until breach (negative once overdue). */
export function remainingAt(c: SlaClockState, at: number, cal: BusinessCalendarSpec): number {
  return c.breachMs - elapsedAt(c, at, cal);
}

export function pauseClock(c: SlaClockState, at: number, cal: BusinessCalendarSpec): SlaClockState {
  if (c.runningSince === null || c.metAt !== null) return c;
  return project({ ...c, elapsedMs: elapsedAt(c, at, cal), runningSince: null, pausedSince: at }, cal);
}

export function resumeClock(c: SlaClockState, at: number, cal: BusinessCalendarSpec): SlaClockState {
  if (c.runningSince !== null || c.metAt !== null) return c;
  return project({ ...c, runningSince: at, pausedMs: c.pausedMs + (c.pausedSince !== null ? Math.max(0, at - c.pausedSince) : 0), pausedSince: null }, cal);
}

/**
 * The target is met (first public reply, or solved); a clock met late stays breached, also when it
 * crossed its breach instant before the monitor fired it (downtime, wake-up lag): the breach is dated
 * at the projected instant, so breach rates do not depend on how quickly the monitor ran.
 */
export function meetClock(c: SlaClockState, at: number, cal: BusinessCalendarSpec): SlaClockState {
  if (c.metAt !== null) return c;
  const running = resumeClock(c, at, cal);
  const missedBreach = running.breachedAt === null && running.breachAt !== null && running.breachAt <= at;
  const missedWarning = running.warnedAt === null && running.warningAt !== null && running.warningAt <= at;
  return {
    ...running,
    elapsedMs: elapsedAt(running, at, cal),
    runningSince: null,
    metAt: at,
    warningAt: null,
    breachAt: null,
    ...(missedWarning ? { warnedAt: running.warningAt } : {}),
    ...(missedBreach ? { breachedAt: running.breachAt } : {}),
  };
}

/** A solved ticket reopened: the resolution clock runs on from where it stopped. */
export function reopenClock(c: SlaClockState, at: number, cal: BusinessCalendarSpec): SlaClockState {
  if (c.metAt === null) return c;
  return project({ ...c, metAt: null, runningSince: at, pausedSince: null }, cal);
}

/** The ticket's priority changed: new targets, time consumed so far kept. */
export function retargetClock(c: SlaClockState, priority: Priority, t: SlaThresholds, at: number, cal: BusinessCalendarSpec): SlaClockState {
  if (c.metAt !== null) return c;
  const elapsed = elapsedAt(c, at, cal);
  const running = c.runningSince !== null;
  return project({ ...c, ...t, priority, elapsedMs: elapsed, runningSince: running ? at : null }, cal);
}

/** The next instant the monitor must look at this clock, or null when nothing is pending. */
export function nextCheckAt(c: SlaClockState, escalation: EscalationPolicySpec | null): number | null {
  if (c.metAt !== null || c.runningSince === null) return null;
  if (c.warnedAt === null && c.warningAt !== null && c.warningAt < (c.breachAt ?? Infinity)) return c.warningAt;
  if (c.breachedAt === null) return c.breachAt;
  if (!escalation) return null;
  return escalationStep(escalation, c.breachedAt, c.escalationIndex)?.at ?? null;
}

export type FiredThreshold = { kind: 'warning'; at: number } | { kind: 'breach'; at: number } | { kind: 'escalation'; at: number; step: EscalationStep };

/** Fires every threshold due at `now`, in order; the returned state records them so none fires twice. */
export function evaluateClock(c: SlaClockState, now: number, escalation: EscalationPolicySpec | null): { state: SlaClockState; fired: FiredThreshold[] } {
  if (c.metAt !== null || c.runningSince === null) return { state: c, fired: [] };
  const fired: FiredThreshold[] = [];
  let s = c;
  if (s.warnedAt === null && s.warningAt !== null && s.warningAt <= now) {
    fired.push({ kind: 'warning', at: s.warningAt });
    s = { ...s, warnedAt: s.warningAt };
  }
  if (s.breachedAt === null && s.breachAt !== null && s.breachAt <= now) {
    // A clock that breaches without having warned (thresholds close together) records the warning as well.
    if (s.warnedAt === null) s = { ...s, warnedAt: s.breachAt };
    fired.push({ kind: 'breach', at: s.breachAt as number });
    s = { ...s, breachedAt: s.breachAt };
  }
  if (s.breachedAt !== null && escalation) {
    const steps = dueEscalationSteps(escalation, s.breachedAt, s.escalationIndex, now);
    for (const step of steps) fired.push({ kind: 'escalation', at: step.at, step });
    s = { ...s, escalationIndex: s.escalationIndex + steps.length };
  }
  return { state: s, fired };
}
