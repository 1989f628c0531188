// Alert channel definitions: Slack incoming webhook, SMTP e-mail, signed generic webhook. Secrets
// (webhook URLs with tokens, SMTP passwords, signing keys) are kept apart so the API never returns them.
import { z } from 'zod';
import { quietHoursSchema } from './quiet-hours';
import { PRIORITIES } from './policy';

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
const common = {
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  /** Which alerts the channel gets. */
  notifyOn: z.array(z.enum(['warning', 'breach', 'escalation'])).min(1).default(['warning', 'breach', 'escalation']),
  /** Tickets below this priority are not sent here. */
  minPriority: z.enum(PRIORITIES).default('low'),
  quietHours: quietHoursSchema.nullable().default(null),
};

export const alertChannelInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('slack'), ...common, webhookUrl: httpUrl }),
  z.strictObject({
    kind: z.literal('email'),
    ...common,
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65_535).default(587),
    secure: z.boolean().default(false),
    username: z.string().max(255).optional(),
    password: z.string().max(1000).optional(),
    from: z.email(),
    to: z.array(z.email()).min(1).max(50),
  }),
  z.strictObject({ kind: z.literal('webhook'), ...common, url: httpUrl, secret: z.string().min(16, 'a signing secret of at least 16 characters').max(500) }),
]);
export type AlertChannelInput = z.input<typeof alertChannelInput>;
export type AlertChannelSpec = z.output<typeof alertChannelInput>;
export type ChannelKind = AlertChannelSpec['kind'];

export interface ChannelSecrets {
  webhookUrl?: string;
  password?: string;
  secret?: string;
}

/** Splits a channel into what may be shown and what must stay secret. */
export function splitSecrets(spec: AlertChannelSpec): { config: Record<string, unknown>; secrets: ChannelSecrets } {
  if (spec.kind === 'slack') {
    const { webhookUrl, ...config } = spec;
    return { config: { ...config, webhookHost: new URL(webhookUrl).host }, secrets: { webhookUrl } };
  }
  if (spec.kind === 'email') {
    const { password, ...config } = spec;
    return { config, secrets: password !== undefined ? { password } : {} };
  }
  const { secret, ...config } = spec;
  return { config, secrets: { secret } };
}

const RANK = { urgent: 3, high: 2, normal: 1, low: 0 } as const;
export function priorityAtLeast(p: keyof typeof RANK, min: keyof typeof RANK): boolean {
  return RANK[p] >= RANK[min];
}
