import { describe, expect, it } from 'vitest';
import { alertDedupKey, thresholdOf } from '../../../src/core/sla/alert-keys';
import { alertChannelInput, priorityAtLeast, splitSecrets } from '../../../src/core/sla/alert-channel';
import { emailMessage, formatDuration, slackMessage, webhookBody, type AlertFacts } from '../../../src/core/sla/alert-message';
import { quietHoursSchema, releaseAt } from '../../../src/core/sla/quiet-hours';
import { parseRetryAfter, retryDelayMs } from '../../../src/core/sla/retry-backoff';

const facts: AlertFacts = {
  alertId: 'al_1', ticketId: 'T-42', subject: 'Checkout <fails> & crashes', priority: 'urgent', tier: 'L2', metric: 'resolution',
  threshold: 'breach', ageMs: 5 * 3_600_000, remainingMs: -12 * 60_000, action: 'moved to L3', link: 'http://ow.local/support/tickets/T-42', raisedAt: '2026-02-02T08:00:00Z',
};

describe('alert messages', () => {
  it('builds a Block Kit message with ticket, priority, age, SLA and link, escaping user text', () => {
    const m = slackMessage(facts);
    const json = JSON.stringify(m);
    expect(m.text).toBe('SLA breached: T-42 resolution overdue');
    expect(json).toContain('Checkout &lt;fails&gt; &amp; crashes');
    expect(json).not.toContain('<fails>');
    expect(json).toContain('*Age*\\n5 h');
    expect(json).toContain('overdue by 12 min');
    expect(json).toContain('<http://ow.local/support/tickets/T-42|T-42>');
    expect(json).toContain('"type":"button"');
    expect(emailMessage(facts).text).toContain('T-42: Checkout <fails> & crashes');
    expect(webhookBody({ ...facts, threshold: 'warning', remainingMs: 600_000 })).toMatchObject({ type: 'sla.warning', title: 'SLA warning: T-42 resolution due in 10 min' });
    expect(formatDuration(90_061_000)).toBe('1 d 1 h');
  });

  it('de-duplicates per ticket, metric and threshold', () => {
    expect(alertDedupKey('T-1', 'first_response', 'warning')).toBe('T-1:first_response:warning');
    expect(thresholdOf({ kind: 'escalation', at: 0, step: { index: 2, pass: 1, level: 0, at: 0, action: 'notify', channelIds: [] } })).toBe('escalation-3');
  });
});

describe('quiet hours', () => {
  const quiet = quietHoursSchema.parse({ timeZone: 'Europe/Berlin', start: '22:00', end: '07:00' });
  it('holds alerts until the window ends, across midnight, urgent bypassing', () => {
    const evening = Date.parse('2026-02-02T22:30:00Z'); // 23:30 Berlin
    expect(new Date(releaseAt(evening, quiet, 'high')).toISOString()).toBe('2026-02-03T06:00:00.000Z');
    const earlyMorning = Date.parse('2026-02-03T03:00:00Z'); // 04:00 Berlin
    expect(new Date(releaseAt(earlyMorning, quiet, 'low')).toISOString()).toBe('2026-02-03T06:00:00.000Z');
    expect(releaseAt(evening, quiet, 'urgent')).toBe(evening);
    expect(releaseAt(evening, { ...quiet, urgentBypass: false }, 'urgent')).toBeGreaterThan(evening);
    const noon = Date.parse('2026-02-03T11:00:00Z');
    expect(releaseAt(noon, quiet, 'low')).toBe(noon);
    expect(releaseAt(noon, null, 'low')).toBe(noon);
  });
});

describe('channels and retries', () => {
  it('backs off exponentially, honours Retry-After, gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(5)).toBeNull();
    expect(retryDelayMs(1, 2_000)).toBe(2_000);
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter('Mon, 02 Feb 2026 08:00:10 GMT', Date.parse('2026-02-02T08:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });

  it('keeps secrets apart and validates per kind', () => {
    const slack = alertChannelInput.parse({ kind: 'slack', name: 'ops', webhookUrl: 'https://hooks.slack.com/services/T/B/secret' });
    const split = splitSecrets(slack);
    expect(JSON.stringify(split.config)).not.toContain('secret');
    expect(split.config.webhookHost).toBe('hooks.slack.com');
    expect(split.secrets.webhookUrl).toContain('secret');
    const bad = alertChannelInput.safeParse({ kind: 'webhook', name: 'x', url: 'ftp://x', secret: 'short' });
    expect(bad.error?.issues.map((i) => i.path.join('/')).sort()).toEqual(['secret', 'url']);
    expect(priorityAtLeast('high', 'normal')).toBe(true);
    expect(priorityAtLeast('low', 'normal')).toBe(false);
  });
});
