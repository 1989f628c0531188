// The SLA monitor (runtime.sla): the ticket observer that keeps clocks, the loop that fires due
// thresholds (claimed with SKIP LOCKED in next_check_at order, woken at the earliest one, never a scan),
// the escalations at breach, and the channel delivery loop.
import { alertDedupKey, thresholdOf, type AlertThreshold } from '../core/sla/alert-keys';
import { alertTargets } from '../core/sla/alert-targets';
import type { AlertFacts } from '../core/sla/alert-message';
import { evaluateClock, nextCheckAt, remainingAt, type FiredThreshold } from '../core/sla/clock-state';
import type { EscalationStep } from '../core/sla/escalation-policy';
import { earliestDelivery } from '../store/alert-records-repo';
import { listChannels } from '../store/alert-channels-repo';
import type { Db } from '../store/db';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { claimDueClocks, earliestCheck, escalationModeSetting, insertAlerts, insertDeliveries, saveClocks, ticketSummaries, type NewAlertRow, type StoredClock } from '../store/sla-clocks-repo';
import { AlertDelivery } from './alert-delivery';
import { newId } from './alert-raise';
import { commitChange } from './change';
import type { Clock } from './clock';
import { AlertChannelService } from './alert-channels';
import { SlaConfigService } from './sla-config';
import { policyContext, slaObserver, type PolicyContext } from './sla-observer';
import type { TicketObserver } from './ticket-observers';
import { WakeLoop } from './sla-wake-loop';

/** What the monitor needs of the ticket service at breach (A's TicketService fits). */
export interface TicketEscalator {
  escalate(ticketId: string, opts: { reason: string; actor: string }): Promise<unknown>;
  reroute(ticketId: string, opts: { reason: string; actor: string }): Promise<unknown>;
}

export interface SlaMonitorOptions {
  db: Db;
  clock: Clock;
  kind: 'serve' | 'worker' | 'cli';
  onEvents: (events: StoredEvent[]) => void;
  tickets?: () => TicketEscalator | undefined;
  /** Base of the ticket links in alerts. */
  publicUrl?: string;
  onError?: (err: unknown) => void;
}

/** A threshold fired in this claim, its alert planned but not yet inserted. */
interface PlannedAlert {
  clock: StoredClock;
  fired: FiredThreshold;
  threshold: AlertThreshold;
  step: EscalationStep | null;
  remaining: number;
  key: string;
  alert: NewAlertRow;
  ticketKnown: boolean;
}

interface PendingAction {
  ticketId: string;
  action: 'next-tier' | 'reroute';
  reason: string;
}

const BATCH = 200;
const ACTOR = 'system:sla-monitor';

export class SlaMonitor {
  readonly observer: TicketObserver;
  readonly delivery: AlertDelivery;
  readonly config: SlaConfigService;
  readonly channels: AlertChannelService;
  private readonly checkLoop: WakeLoop;
  private readonly deliveryLoop: WakeLoop;
  private readonly publicUrl: string;

  constructor(private readonly opts: SlaMonitorOptions) {
    const onError = opts.onError ?? ((err: unknown) => console.error('sla monitor:', err));
    this.publicUrl = (opts.publicUrl ?? process.env.OW_PUBLIC_URL ?? 'http://localhost:8080').replace(/\/$/, '');
    this.observer = slaObserver((at) => this.checkLoop.wake(at));
    this.delivery = new AlertDelivery(opts.db, opts.clock, (events) => opts.onEvents(events), (at) => this.deliveryLoop.wake(at));
    this.config = new SlaConfigService(opts.db, opts.clock, opts.onEvents);
    this.channels = new AlertChannelService(opts.db, opts.clock, opts.onEvents, this.delivery, this.publicUrl);
    this.checkLoop = new WakeLoop(opts.clock, () => this.checkDue(), () => earliestCheck(opts.db), onError);
    this.deliveryLoop = new WakeLoop(opts.clock, () => this.delivery.deliverDue(), () => earliestDelivery(opts.db), onError);
  }

  /** Serve and worker runtimes run the loops; a ticket change in another process wakes them through the bus. */
  start(bus?: { subscribe(filters: string[], onEvent: () => void): unknown }): void {
    if (this.opts.kind === 'cli') return;
    bus?.subscribe(['ticket.', 'sla.policy_saved'], () => this.checkLoop.wake());
    this.checkLoop.start();
    this.deliveryLoop.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.checkLoop.stop(), this.deliveryLoop.stop()]);
  }

  /** Clocks changed outside the observer (bulk loads, another process): look again now. */
  rearm(): void {
    this.checkLoop.wake();
    this.deliveryLoop.wake();
  }

  ticketLink(ticketId: string): string {
    return `${this.publicUrl}/support/tickets/${encodeURIComponent(ticketId)}`;
  }

  /** Fires every threshold due now; returns how many clocks were looked at. */
  async checkDue(): Promise<number> {
    let total = 0;
    const actions: PendingAction[] = [];
    for (;;) {
      const { result } = await commitChange(this.opts.db, this.opts.clock, (tx, now) => this.fireBatch(tx, now), this.opts.onEvents);
      total += result.count;
      actions.push(...result.actions);
      if (result.deliveries) this.deliveryLoop.wake();
      if (result.count < BATCH) break;
    }
    // Escalations after every due clock is recorded, so moving tickets never delays detecting breaches.
    for (const a of actions) await this.act(a);
    return total;
  }

  // One claim, one transaction, a fixed number of statements whatever the batch size: the clocks are
  // evaluated in memory, then written back, their alerts inserted (duplicates skipped by key), the
  // deliveries and events of the alerts that were new written, each in one multi-row statement.
  // Channel delivery and ticket moves happen after the commit (delivery loop, act()).
  private async fireBatch(tx: Parameters<Parameters<typeof commitChange>[2]>[0], now: Date) {
    const due = await claimDueClocks(tx, now, BATCH);
    const actions: PendingAction[] = [];
    if (due.length === 0) return { result: { count: 0, actions, deliveries: false } };
    const at = now.getTime();
    const mode = await escalationModeSetting(tx);
    const suppressed = mode === 'production' ? null : mode;
    const tickets = await ticketSummaries(tx, [...new Set(due.map((c) => c.ticketId))]);
    const channels = await listChannels(tx);
    const contexts = new Map<string, PolicyContext | undefined>();
    const saved: Omit<StoredClock, 'updatedAt'>[] = [];
    const planned: PlannedAlert[] = [];
    for (const clock of due) {
      const key = `${clock.policyId}@${clock.policyVersion}`;
      if (!contexts.has(key)) contexts.set(key, await policyContext(tx, clock.policyId, clock.policyVersion));
      const ctx = contexts.get(key);
      const evaluated = ctx ? evaluateClock(clock, at, ctx.escalation) : { state: clock, fired: [] as FiredThreshold[] };
      saved.push({ ...clock, ...evaluated.state, nextCheckAt: ctx ? nextCheckAt(evaluated.state, ctx.escalation) : null });
      if (!ctx) continue;
      const t = tickets.get(clock.ticketId);
      for (const f of evaluated.fired) {
        const threshold = thresholdOf(f);
        const remaining = remainingAt(evaluated.state, at, ctx.calendar);
        const step = f.kind === 'escalation' ? f.step : null;
        const action = step ? (step.action === 'notify' ? `escalation level ${step.level + 1}: notify` : `escalation level ${step.level + 1}: ${step.action === 'next-tier' ? 'move a tier up' : 're-route'}`) : null;
        const alertId = newId('al');
        const facts: AlertFacts = {
          ticketId: clock.ticketId,
          subject: t?.subject ?? '',
          priority: clock.priority,
          tier: t?.tier ?? '',
          metric: clock.metric,
          threshold,
          ageMs: at - (t?.createdAt ?? clock.startedAt),
          remainingMs: remaining,
          action,
          link: this.ticketLink(clock.ticketId),
          raisedAt: now.toISOString(),
          alertId,
        };
        const alert = { id: alertId, dedupKey: alertDedupKey(clock.ticketId, clock.metric, threshold), ticketId: clock.ticketId, metric: clock.metric, threshold, priority: clock.priority, suppressedReason: suppressed, action, facts: { ...facts } };
        planned.push({ clock, fired: f, threshold, step, remaining, key, alert, ticketKnown: t !== undefined });
      }
    }
    await saveClocks(tx, saved, now);
    const inserted = await insertAlerts(tx, planned.map((p) => p.alert), now);
    const events: NewEvent[] = [];
    const deliveries: { id: string; alertId: string; channelId: string; nextAttemptAt: number }[] = [];
    let fired = 0;
    for (const { clock, fired: f, threshold, step, remaining, key, alert, ticketKnown } of planned) {
      if (!inserted.has(alert.id)) continue; // alerted before (another process or an earlier pass)
      fired++;
      if (suppressed) events.push({ topic: 'alert.suppressed', key: clock.ticketId, payload: { alertId: alert.id, ticketId: clock.ticketId, metric: clock.metric, threshold, priority: clock.priority, reason: suppressed } });
      else {
        const routing = { threshold, priority: clock.priority, ...(step ? { channelIds: step.channelIds, silent: step.action !== 'notify' } : {}) };
        for (const d of alertTargets(channels, routing, at)) deliveries.push({ id: newId('dlv'), alertId: alert.id, channelId: d.channelId, nextAttemptAt: d.releaseAt });
      }
      const payload = { ticketId: clock.ticketId, metric: clock.metric, priority: clock.priority, policy: key, at: new Date(f.at).toISOString(), remainingMs: remaining, alertId: alert.id, mode };
      if (f.kind === 'warning') events.push({ topic: 'sla.warning', key: clock.ticketId, payload });
      else if (f.kind === 'breach') events.push({ topic: 'sla.breached', key: clock.ticketId, payload });
      else if (step) {
        events.push({ topic: 'sla.escalated', key: clock.ticketId, payload: { ...payload, level: step.level + 1, pass: step.pass + 1, action: step.action } });
        // A clock whose ticket is gone has nothing to move.
        if (step.action !== 'notify' && !suppressed && ticketKnown) actions.push({ ticketId: clock.ticketId, action: step.action, reason: `SLA ${clock.metric.replace('_', ' ')} breached (policy ${key}, escalation level ${step.level + 1})` });
      }
    }
    await insertDeliveries(tx, deliveries, now);
    return {
      result: { count: due.length, actions, deliveries: deliveries.length > 0 },
      events,
      ...(fired > 0 ? { audit: { actor: ACTOR, action: 'sla.check', target: 'sla_clocks', summary: `fired ${fired} SLA threshold(s) on ${due.length} clock(s)${suppressed ? ` (${suppressed}: alerts suppressed)` : ''}` } } : {}),
    };
  }

  /** Escalations run after the monitor's commit, in the ticket service's own change. */
  private async act(a: PendingAction): Promise<void> {
    const tickets = this.opts.tickets?.();
    if (!tickets) return;
    try {
      if (a.action === 'next-tier') await tickets.escalate(a.ticketId, { reason: a.reason, actor: ACTOR });
      else await tickets.reroute(a.ticketId, { reason: a.reason, actor: ACTOR });
    } catch (err) {
      (this.opts.onError ?? console.error)(err);
    }
  }
}
