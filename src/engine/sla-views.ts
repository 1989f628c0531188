// Read models of the SLA monitor for the API, CLI and portal: clocks with their status, business time
// used and left (computed through the policy's calendar), and a ticket's clocks with its alerts.
import { clockStatus, elapsedAt, remainingAt, type ClockStatus } from '../core/sla/clock-state';
import type { Queryable } from '../store/db';
import { listAlerts, type StoredAlert } from '../store/alert-records-repo';
import { countOpenClocks, listClocks, ticketSummaries, type StoredClock } from '../store/sla-clocks-repo';
import { policyContext, type PolicyContext } from './sla-observer';

export interface ClockView {
  ticketId: string;
  subject: string | null;
  ticketStatus: string | null;
  metric: string;
  priority: string;
  policyId: string;
  policyVersion: number;
  status: ClockStatus;
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  /** elapsed ÷ breach threshold, 0–1+ (the bar in the portal) */
  fraction: number;
  warningFraction: number;
  startedAt: string;
  warningAt: string | null;
  breachAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
  pausedMs: number;
  nextCheckAt: string | null;
}

const iso = (n: number | null) => (n === null ? null : new Date(n).toISOString());

export async function clockViews(q: Queryable, clocks: StoredClock[], now: number): Promise<ClockView[]> {
  const contexts = new Map<string, PolicyContext | undefined>();
  const tickets = await ticketSummaries(q, [...new Set(clocks.map((c) => c.ticketId))]);
  const views: ClockView[] = [];
  for (const c of clocks) {
    const key = `${c.policyId}@${c.policyVersion}`;
    if (!contexts.has(key)) contexts.set(key, await policyContext(q, c.policyId, c.policyVersion));
    const ctx = contexts.get(key);
    const elapsed = ctx ? elapsedAt(c, now, ctx.calendar) : c.elapsedMs;
    const t = tickets.get(c.ticketId);
    views.push({
      ticketId: c.ticketId,
      subject: t?.subject ?? null,
      ticketStatus: t?.status ?? null,
      metric: c.metric,
      priority: c.priority,
      policyId: c.policyId,
      policyVersion: c.policyVersion,
      status: clockStatus(c),
      targetMs: c.targetMs,
      elapsedMs: elapsed,
      remainingMs: ctx ? remainingAt(c, now, ctx.calendar) : c.breachMs - elapsed,
      fraction: c.breachMs > 0 ? elapsed / c.breachMs : 1,
      warningFraction: c.breachMs > 0 ? c.warningMs / c.breachMs : 0.8,
      startedAt: new Date(c.startedAt).toISOString(),
      warningAt: iso(c.warningAt),
      breachAt: iso(c.breachAt),
      warnedAt: iso(c.warnedAt),
      breachedAt: iso(c.breachedAt),
      metAt: iso(c.metAt),
      pausedMs: c.pausedMs,
      nextCheckAt: iso(c.nextCheckAt),
    });
  }
  return views;
}

/** Open clocks, soonest breach first (overdue ones on top). */
export async function clocksAtRisk(q: Queryable, now: number, limit: number): Promise<{ open: number; items: ClockView[] }> {
  const [open, clocks] = await Promise.all([countOpenClocks(q), listClocks(q, { open: true, limit })]);
  return { open, items: await clockViews(q, clocks, now) };
}

export async function ticketSla(q: Queryable, ticketId: string, now: number): Promise<{ ticketId: string; clocks: ClockView[]; alerts: StoredAlert[] }> {
  const clocks = await listClocks(q, { ticketId, limit: 10 });
  return { ticketId, clocks: await clockViews(q, clocks, now), alerts: await listAlerts(q, { ticketId, limit: 100 }) };
}
