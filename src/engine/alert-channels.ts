// Alert channels and what went through them: create/replace/remove channels (secrets kept, never
// returned), "send test", the alerts timeline, deliveries with their failures, and retry of a failed delivery.
import { alertChannelInput, splitSecrets } from '../core/sla/alert-channel';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import { deleteChannel, findChannel, insertChannel, listChannels, updateChannel, type StoredChannel } from '../store/alert-channels-repo';
import { findDelivery, listAlerts, listDeliveries, requeueDelivery, type DeliveryStatus, type StoredAlert, type StoredDelivery } from '../store/alert-records-repo';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import type { AlertDelivery } from './alert-delivery';
import { newId, raiseAlert } from './alert-raise';
import { commitChange } from './change';
import type { Clock } from './clock';

export class AlertChannelService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: (events: StoredEvent[]) => void,
    private readonly delivery: AlertDelivery,
    private readonly publicUrl: string,
  ) {}

  async list(): Promise<Array<StoredChannel & { recent: StoredDelivery[]; failed: number }>> {
    const channels = await listChannels(this.db);
    return Promise.all(
      channels.map(async (c) => {
        const recent = await listDeliveries(this.db, { channelId: c.id, limit: 5 });
        const failed = (await listDeliveries(this.db, { channelId: c.id, status: 'failed', limit: 100 })).length;
        return { ...c, recent, failed };
      }),
    );
  }

  async get(id: string): Promise<StoredChannel> {
    const c = await findChannel(this.db, id);
    if (!c) throw new AppError('OW_NOT_FOUND', `No alert channel with id ${id}`);
    return c;
  }

  private parse(input: unknown) {
    const r = alertChannelInput.safeParse(input);
    if (!r.success) throw new AppError('OW_VALIDATION', 'The alert channel is not valid', zodIssuesToLocations(r.error.issues));
    return r.data;
  }

  async create(input: unknown, actor: string): Promise<StoredChannel> {
    const spec = this.parse(input);
    const { config, secrets } = splitSecrets(spec);
    const { result } = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const saved = await insertChannel(tx, { id: newId('ch'), kind: spec.kind, name: spec.name, enabled: spec.enabled, config, secrets }, actor, now);
        return {
          result: saved,
          audit: { actor, action: 'alert.channel.create', target: saved.id, summary: `created ${spec.kind} alert channel "${spec.name}"` },
          events: [{ topic: 'alert.channel_saved', key: saved.id, payload: { id: saved.id, kind: spec.kind, name: spec.name } }],
        };
      },
      this.onEvents,
    );
    return result;
  }

  /** Replaces a channel's definition; secret fields left out keep their stored values. */
  async replace(id: string, input: unknown, actor: string): Promise<StoredChannel> {
    const existing = await this.get(id);
    const withSecrets = { ...(input as Record<string, unknown>) };
    // Secrets are never shown, so a form cannot send them back: a placeholder keeps the stored one.
    const placeholder = { webhookUrl: 'https://kept.invalid/', secret: 'kept-secret-placeholder', password: undefined } as const;
    const raw = withSecrets as Record<string, unknown>;
    const missing: string[] = [];
    for (const k of ['webhookUrl', 'secret'] as const) if (raw[k] === undefined && existing.secretsSet.includes(k)) (raw[k] = placeholder[k]), missing.push(k);
    const spec = this.parse(raw);
    if (spec.kind !== existing.kind) throw new AppError('OW_VALIDATION', 'The alert channel is not valid', [{ pointer: '/kind', message: `a ${existing.kind} channel stays ${existing.kind}; create a new channel instead` }]);
    const { config, secrets } = splitSecrets(spec);
    for (const k of missing) delete (secrets as Record<string, unknown>)[k];
    if (spec.kind === 'slack' && missing.includes('webhookUrl')) config.webhookHost = existing.config.webhookHost;
    const { result } = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const saved = await updateChannel(tx, id, { name: spec.name, enabled: spec.enabled, config, secrets }, actor, now);
        if (!saved) throw new AppError('OW_NOT_FOUND', `No alert channel with id ${id}`);
        return {
          result: saved,
          audit: { actor, action: 'alert.channel.update', target: id, summary: `changed ${spec.kind} alert channel "${spec.name}"${spec.enabled ? '' : ' (disabled)'}` },
          events: [{ topic: 'alert.channel_saved', key: id, payload: { id, kind: spec.kind, name: spec.name, enabled: spec.enabled } }],
        };
      },
      this.onEvents,
    );
    return result;
  }

  async remove(id: string, actor: string, reason: string): Promise<void> {
    const existing = await this.get(id);
    await commitChange(
      this.db,
      this.clock,
      async (tx) => {
        await deleteChannel(tx, id);
        return {
          result: undefined,
          audit: { actor, action: 'alert.channel.delete', target: id, summary: `removed ${existing.kind} alert channel "${existing.name}": ${reason}` },
          events: [{ topic: 'alert.channel_removed', key: id, payload: { id, name: existing.name } }],
        };
      },
      this.onEvents,
    );
  }

  /** Sends a test alert through the channel now and returns the delivery as it ended (sent, or the error). */
  async sendTest(id: string, actor: string): Promise<StoredDelivery> {
    const channel = await this.get(id);
    const { result } = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const raised = await raiseAlert(
          tx,
          {
            ticketId: null,
            metric: null,
            threshold: 'test',
            priority: 'normal',
            facts: { ticketId: 'T-TEST', subject: `Test of channel "${channel.name}"`, priority: 'normal', tier: 'L1', metric: 'first_response', threshold: 'test', ageMs: 0, remainingMs: 0, action: `sent by ${actor}`, link: `${this.publicUrl}/support/sla`, raisedAt: now.toISOString() },
            action: `test sent by ${actor}`,
            suppressedReason: null,
            channelIds: [channel.id],
          },
          now,
        );
        if (!raised || raised.deliveryIds.length === 0) throw new AppError('OW_CONFLICT', `Alert channel ${id} is disabled; enable it to send a test`);
        // The test is sent here, not by the loop: hold the delivery back from the loop for the lease.
        await tx.query(`UPDATE alert_deliveries SET attempts = 1, next_attempt_at = $2 WHERE id = $1`, [raised.deliveryIds[0] as string, new Date(now.getTime() + 60_000)]);
        return { result: raised.deliveryIds[0] as string, audit: { actor, action: 'alert.channel.test', target: id, summary: `sent a test alert through "${channel.name}"` } };
      },
      this.onEvents,
    );
    const done = await this.delivery.attempt(result, 1);
    if (!done) throw new AppError('OW_INTERNAL', 'The test delivery vanished');
    return done;
  }

  async alerts(q: { ticketId?: string; limit: number }): Promise<Array<StoredAlert & { deliveries: StoredDelivery[] }>> {
    const alerts = await listAlerts(this.db, q);
    return Promise.all(alerts.map(async (a) => ({ ...a, deliveries: await listDeliveries(this.db, { alertId: a.id, limit: 20 }) })));
  }

  deliveries(q: { status?: DeliveryStatus; channelId?: string; limit: number }): Promise<StoredDelivery[]> {
    return listDeliveries(this.db, q);
  }

  /** A failed delivery goes back to the queue with fresh attempts; the loop sends it at once. */
  async retry(deliveryId: string, actor: string, wake: () => void): Promise<StoredDelivery> {
    const d = await findDelivery(this.db, deliveryId);
    if (!d) throw new AppError('OW_NOT_FOUND', `No alert delivery with id ${deliveryId}`);
    if (d.status !== 'failed') throw new AppError('OW_CONFLICT', `Delivery ${deliveryId} is ${d.status}; only a failed delivery can be retried`);
    await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        if (!(await requeueDelivery(tx, deliveryId, now))) throw new AppError('OW_CONFLICT', `Delivery ${deliveryId} was retried concurrently`);
        return { result: undefined, audit: { actor, action: 'alert.delivery.retry', target: deliveryId, summary: `retried the ${d.channelKind} delivery to "${d.channelName}" of alert ${d.alertId}` } };
      },
      this.onEvents,
    );
    wake();
    return (await findDelivery(this.db, deliveryId)) as StoredDelivery;
  }
}
