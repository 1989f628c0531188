// The SLA monitor's side of a ticket change, run inside the ticket's own transaction: creation starts
// both clocks on the default policy's current version, pending pauses them, a public agent reply meets
// first response, solved meets resolution, a reopen runs resolution on, a priority change retargets.
import { CALENDAR_24X7, type BusinessCalendarSpec } from '../core/sla/business-calendar';
import { meetClock, nextCheckAt, pauseClock, reopenClock, resumeClock, retargetClock, startClock, type SlaClockState } from '../core/sla/clock-state';
import type { EscalationPolicySpec } from '../core/sla/escalation-policy';
import { SLA_METRICS, thresholdsMs, type SlaMetric } from '../core/sla/policy';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { defaultPolicy, findCalendar, findEscalationPolicy, findPolicy, type StoredSlaPolicy } from '../store/sla-config-repo';
import { lockTicketClocks, saveClock, setTicketSla, type StoredClock } from '../store/sla-clocks-repo';
import type { TicketChange, TicketObserver } from './ticket-observers';

export interface PolicyContext {
  policy: StoredSlaPolicy;
  calendar: BusinessCalendarSpec;
  escalation: EscalationPolicySpec | null;
}

export async function policyContext(q: Queryable, policyId: string, version: number): Promise<PolicyContext | undefined> {
  const policy = await findPolicy(q, policyId, version);
  if (!policy) return undefined;
  const calendar = (await findCalendar(q, policy.calendarId)) ?? CALENDAR_24X7;
  const escalation = policy.escalationPolicyId ? ((await findEscalationPolicy(q, policy.escalationPolicyId)) ?? null) : null;
  return { policy, calendar, escalation };
}

const OPEN = new Set(['new', 'open', 'on_hold']);
const DONE = new Set(['solved', 'closed']);

/** Builds the observer; `onScheduled` hears each new next-check instant so the loop can wake for it. */
export function slaObserver(onScheduled: (at: number) => void): TicketObserver {
  return {
    name: 'sla-monitor',
    async onTicketChange(q, change) {
      const at = change.at.getTime();
      const t = change.after;
      const events: NewEvent[] = [];
      let clocks = await lockTicketClocks(q, t.id);
      let ctx: PolicyContext | undefined;
      if (clocks.length === 0) {
        if (DONE.has(t.status)) return [];
        const chosen = (t.slaPolicyId ? await findPolicy(q, t.slaPolicyId, t.slaPolicyVersion ?? undefined) : undefined) ?? (await defaultPolicy(q));
        if (!chosen) return [];
        ctx = await policyContext(q, chosen.id, chosen.version);
        if (!ctx) return [];
        const c = ctx;
        const started = Date.parse(t.createdAt) || at;
        clocks = SLA_METRICS.map((metric) => ({
          ...startClock(metric, t.priority, thresholdsMs(c.policy, t.priority, metric), started, c.calendar, t.status === 'pending'),
          ticketId: t.id,
          policyId: c.policy.id,
          policyVersion: c.policy.version,
          nextCheckAt: null,
          updatedAt: at,
        }));
        // A ticket that already has its first response (imported, or created with one) starts with that clock met.
        if (t.firstResponseAt) clocks = clocks.map((k) => (k.metric === 'first_response' ? { ...k, ...meetClock(k, Date.parse(t.firstResponseAt as string), c.calendar) } : k));
      } else {
        const first = clocks[0] as StoredClock;
        ctx = await policyContext(q, first.policyId, first.policyVersion);
        if (!ctx) return [];
      }
      const c = ctx;
      const next = clocks.map((clock) => {
        const state = transition(clock, change, at, c);
        if (state.metAt !== null && clock.metAt === null) {
          events.push({ topic: 'sla.met', key: t.id, payload: { ticketId: t.id, metric: clock.metric, metAt: new Date(state.metAt).toISOString(), breached: state.breachedAt !== null, elapsedMs: state.elapsedMs, targetMs: state.targetMs, policy: `${clock.policyId}@${clock.policyVersion}` } });
        }
        return { ...clock, ...state, nextCheckAt: nextCheckAt(state, c.escalation) };
      });
      for (const k of next) {
        await saveClock(q, k, change.at);
        if (k.nextCheckAt !== null) onScheduled(k.nextCheckAt);
      }
      const due = next.filter((k) => k.metAt === null && k.breachAt !== null).map((k) => k.breachAt as number);
      await setTicketSla(q, t.id, due.length ? new Date(Math.min(...due)) : null, change.kind === 'created' ? { id: c.policy.id, version: c.policy.version } : null);
      return events;
    },
  };
}

function transition(clock: StoredClock, change: TicketChange, at: number, ctx: PolicyContext): SlaClockState {
  const { before, after } = change;
  const cal = ctx.calendar;
  let s: SlaClockState = clock;
  if (before && before.priority !== after.priority) s = retargetClock(s, after.priority, thresholdsMs(ctx.policy, after.priority, clock.metric as SlaMetric), at, cal);
  if (clock.metric === 'first_response' && (change.publicAgentReply || (after.firstResponseAt && !before?.firstResponseAt))) return meetClock(s, at, cal);
  const wasDone = before ? DONE.has(before.status) : false;
  if (DONE.has(after.status)) {
    // Solving without a reply still ends the wait for a first response.
    return meetClock(s, at, cal);
  }
  if (wasDone && clock.metric === 'resolution') s = reopenClock(s, at, cal);
  if (after.status === 'pending') return pauseClock(s, at, cal);
  if (OPEN.has(after.status)) return resumeClock(s, at, cal);
  return s;
}
