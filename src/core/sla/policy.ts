// SLA policies: first-response and resolution targets per priority, warning and breach thresholds
// (per cent of the target), the business calendar the targets count in and the escalation policy at breach.
import { z } from 'zod';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const prioritySchema = z.enum(PRIORITIES);

export const SLA_METRICS = ['first_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const slaMetricSchema = z.enum(SLA_METRICS);

const minutes = z.number().int().min(1).max(525_600);
const targetSchema = z.strictObject({ firstResponseMinutes: minutes, resolutionMinutes: minutes });

export const slaPolicyInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    targets: z.strictObject({ urgent: targetSchema, high: targetSchema, normal: targetSchema, low: targetSchema }),
    warningPercent: z.number().int().min(1).max(99).default(80),
    breachPercent: z.number().int().min(1).max(1000).default(100),
    calendarId: z.string().min(1).max(64).default('24x7'),
    escalationPolicyId: z.string().min(1).max(64).nullable().default('default'),
    /** The policy new tickets get; exactly one policy is the default. */
    isDefault: z.boolean().default(false),
  })
  .refine((p) => p.warningPercent < p.breachPercent, { message: 'the warning threshold comes before the breach threshold', path: ['warningPercent'] });
export type SlaPolicyInput = z.input<typeof slaPolicyInput>;
export type SlaPolicySpec = z.output<typeof slaPolicyInput>;

export interface SlaPolicy extends SlaPolicySpec {
  id: string;
  version: number;
}

export const MINUTE = 60_000;

export function targetMs(policy: SlaPolicySpec, priority: Priority, metric: SlaMetric): number {
  const t = policy.targets[priority];
  return (metric === 'first_response' ? t.firstResponseMinutes : t.resolutionMinutes) * MINUTE;
}

/** Business time after which the clock warns and breaches. */
export function thresholdsMs(policy: SlaPolicySpec, priority: Priority, metric: SlaMetric): { warningMs: number; breachMs: number; targetMs: number } {
  const target = targetMs(policy, priority, metric);
  return { targetMs: target, warningMs: Math.round((target * policy.warningPercent) / 100), breachMs: Math.round((target * policy.breachPercent) / 100) };
}

/** Seeded on first start so a fresh install measures tickets at once (Zendesk-like defaults, around the clock). */
export const DEFAULT_SLA_POLICY: SlaPolicySpec & { id: string } = {
  id: 'default',
  name: 'Default support SLA',
  description: 'Urgent 1 h / 4 h, high 4 h / 1 d, normal 8 h / 3 d, low 24 h / 5 d, around the clock.',
  targets: {
    urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 },
    high: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
    normal: { firstResponseMinutes: 480, resolutionMinutes: 4320 },
    low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
  },
  warningPercent: 80,
  breachPercent: 100,
  calendarId: '24x7',
  escalationPolicyId: 'default',
  isDefault: true,
};
