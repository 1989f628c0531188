// What an SLA alert says, built once and rendered per channel: a Slack Block Kit message,
// a plain-text e-mail and the JSON body of the signed webhook.
import type { AlertThreshold } from './alert-keys';
import type { Priority, SlaMetric } from './policy';

export interface AlertFacts {
  alertId: string;
  ticketId: string;
  subject: string;
  priority: Priority;
  tier: string;
  metric: SlaMetric;
  threshold: AlertThreshold | 'test';
  /** Ticket age at the alert, ms. */
  ageMs: number;
  /** Business time left until breach, negative when overdue. */
  remainingMs: number;
  /** What the escalation did, when it did something. */
  action: string | null;
  link: string;
  raisedAt: string;
}

/** 1 d 2 h, 3 h 5 min, 42 min, 30 s. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  if (d > 0) return `${d} d${h ? ` ${h} h` : ''}`;
  if (h > 0) return `${h} h${m ? ` ${m} min` : ''}`;
  if (m > 0) return `${m} min`;
  return `${Math.floor(abs / 1000)} s`;
}

const METRIC_LABEL: Record<SlaMetric, string> = { first_response: 'first response', resolution: 'resolution' };

export function alertTitle(f: AlertFacts): string {
  const what = METRIC_LABEL[f.metric];
  if (f.threshold === 'test') return `Test alert from Orchestration Wisdom`;
  if (f.threshold === 'warning') return `SLA warning: ${f.ticketId} ${what} due in ${formatDuration(f.remainingMs)}`;
  if (f.threshold === 'breach') return `SLA breached: ${f.ticketId} ${what} overdue`;
  return `SLA escalation: ${f.ticketId} ${what} overdue by ${formatDuration(f.remainingMs)}`;
}

export function slaLine(f: AlertFacts): string {
  return f.remainingMs >= 0 ? `${formatDuration(f.remainingMs)} left` : `overdue by ${formatDuration(f.remainingMs)}`;
}

/** Slack's mrkdwn treats &, < and > as control characters: user text is escaped. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackMessage(f: AlertFacts): { text: string; blocks: unknown[] } {
  const title = alertTitle(f);
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: `*<${f.link}|${slackEscape(f.ticketId)}>* ${slackEscape(f.subject)}` } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Priority*\n${f.priority}` },
          { type: 'mrkdwn', text: `*Tier*\n${slackEscape(f.tier)}` },
          { type: 'mrkdwn', text: `*Age*\n${formatDuration(f.ageMs)}` },
          { type: 'mrkdwn', text: `*SLA (${METRIC_LABEL[f.metric]})*\n${slaLine(f)}` },
        ],
      },
      ...(f.action ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(f.action) }] }] : []),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open ticket' }, url: f.link }] },
    ],
  };
}

export function emailMessage(f: AlertFacts): { subject: string; text: string } {
  return {
    subject: alertTitle(f),
    text: [
      `${f.ticketId}: ${f.subject}`,
      `Priority: ${f.priority}   Tier: ${f.tier}`,
      `Age: ${formatDuration(f.ageMs)}`,
      `SLA (${METRIC_LABEL[f.metric]}): ${slaLine(f)}`,
      ...(f.action ? [`Action: ${f.action}`] : []),
      '',
      f.link,
    ].join('\n'),
  };
}

export function webhookBody(f: AlertFacts): Record<string, unknown> {
  return { type: f.threshold === 'test' ? 'alert.test' : `sla.${f.threshold}`, title: alertTitle(f), ...f };
}
