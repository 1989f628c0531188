// The channel delivery loop's work: claim due deliveries under a lease, send each through its channel,
// record sent, or schedule the retry (backoff or Retry-After), or give up as failed with alert.failed.
import type { AlertFacts } from '../core/sla/alert-message';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '../core/sla/retry-backoff';
import { sendToChannel } from '../integrations/channel-send';
import type { ChannelResult } from '../integrations/channel-result';
import { channelSecrets, findChannel } from '../store/alert-channels-repo';
import { claimDueDeliveries, findAlert, findDelivery, recordAttempt, type StoredDelivery } from '../store/alert-records-repo';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import { commitChange } from './change';
import type { Clock } from './clock';

/** Long enough for one send with its timeout; a sender that dies leaves the row to be retried after it. */
const LEASE_MS = 60_000;

export class AlertDelivery {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: (events: StoredEvent[]) => void,
    /** Hears each retry scheduled, so the delivery loop can wake for it. */
    private readonly onRetry: (at: number) => void = () => undefined,
    private readonly maxAttempts = MAX_DELIVERY_ATTEMPTS,
  ) {}

  /** Sends every delivery due now (in batches); returns how many attempts were made. */
  async deliverDue(batch = 20): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.db.transaction((tx) => claimDueDeliveries(tx, now, new Date(now.getTime() + LEASE_MS), batch));
      if (claimed.length === 0) return total;
      await Promise.all(claimed.map((d) => this.attempt(d.id, d.attempts)));
      total += claimed.length;
      if (claimed.length < batch) return total;
    }
  }

  /** One attempt of one claimed delivery (also the "send test" path). */
  async attempt(deliveryId: string, attempts: number): Promise<StoredDelivery | undefined> {
    const d = await findDelivery(this.db, deliveryId);
    if (!d) return undefined;
    const [alert, channel, secrets] = await Promise.all([findAlert(this.db, d.alertId), findChannel(this.db, d.channelId), channelSecrets(this.db, d.channelId)]);
    let result: ChannelResult;
    if (!alert || !channel || !secrets) result = { ok: false, httpStatus: null, error: 'the channel or alert no longer exists', retryAfterMs: null };
    else if (!channel.enabled && alert.threshold !== 'test') result = { ok: false, httpStatus: null, error: 'the channel is disabled', retryAfterMs: null };
    else result = await sendToChannel(channel.kind, channel.config, secrets, alert.facts as AlertFacts, this.clock.now().getTime());
    await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const payload = { deliveryId, alertId: d.alertId, channelId: d.channelId, channel: d.channelName, kind: d.channelKind, ticketId: d.ticketId, threshold: d.threshold, attempts };
        if (result.ok) {
          await recordAttempt(tx, deliveryId, { status: 'sent', error: null, httpStatus: result.httpStatus, nextAttemptAt: null }, now);
          return { result: undefined, events: [{ topic: 'alert.sent', key: d.ticketId, payload }] };
        }
        const delay = retryDelayMs(attempts, result.retryAfterMs, this.maxAttempts);
        if (delay !== null) {
          await recordAttempt(tx, deliveryId, { status: 'pending', error: result.error, httpStatus: result.httpStatus, nextAttemptAt: new Date(now.getTime() + delay) }, now);
          this.onRetry(now.getTime() + delay);
          return { result: undefined };
        }
        await recordAttempt(tx, deliveryId, { status: 'failed', error: result.error, httpStatus: result.httpStatus, nextAttemptAt: null }, now);
        return { result: undefined, events: [{ topic: 'alert.failed', key: d.ticketId, payload: { ...payload, error: result.error } }] };
      },
      this.onEvents,
    );
    return findDelivery(this.db, deliveryId);
  }
}
