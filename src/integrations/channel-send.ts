// Sends one alert through one channel of any kind: the delivery loop's single entry point.
import type { ChannelKind, ChannelSecrets } from '../core/sla/alert-channel';
import { emailMessage, slackMessage, webhookBody, type AlertFacts } from '../core/sla/alert-message';
import type { ChannelResult } from './channel-result';
import { sendSmtpMail, type SmtpSettings } from './email-smtp';
import { postSignedWebhook } from './signed-webhook';
import { postSlackMessage } from './slack-webhook';

export async function sendToChannel(kind: ChannelKind, config: Record<string, unknown>, secrets: ChannelSecrets, facts: AlertFacts, now: number): Promise<ChannelResult> {
  const missing = (what: string): ChannelResult => ({ ok: false, httpStatus: null, error: `the channel has no ${what}`, retryAfterMs: null });
  if (kind === 'slack') return secrets.webhookUrl ? postSlackMessage(secrets.webhookUrl, slackMessage(facts), now) : missing('webhook URL');
  if (kind === 'webhook') return secrets.secret ? postSignedWebhook(String(config.url), secrets.secret, webhookBody(facts), now) : missing('signing secret');
  const smtp = config as unknown as SmtpSettings;
  return sendSmtpMail({ ...smtp, ...(secrets.password !== undefined ? { password: secrets.password } : {}) }, emailMessage(facts));
}
