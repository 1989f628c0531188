// The workload a simulation runs: team, arrivals by hour of day, priority mix, handling times per tier,
// escalation and reopen behaviour, SLA targets. Validated with zod so every mistake has a JSON pointer.
import { z } from 'zod';
import { PRIORITIES, type Priority } from '../metrics/definitions';
import { slaTargetsSchema } from '../metrics/sla-cycles';
import { AppError, type ErrorLocation } from '../shared/error-codes';
import { zodIssuesToLocations } from '../shared/zod-errors';

const positive = z.number().positive();
/** A lognormal by its median and 90th percentile; p90 must not be below the median. */
const spread = z.strictObject({ median: positive.max(10_000), p90: positive.max(100_000) }).refine((d) => d.p90 >= d.median, { message: 'p90 must be at least the median', path: ['p90'] });
const probability = z.number().min(0).max(1);

export const workloadSchema = z.strictObject({
  days: z.number().int().min(1).max(365),
  startDate: z.iso.datetime({ offset: true }),
  team: z
    .array(z.strictObject({ tier: z.enum(['L1', 'L2', 'L3']), count: z.number().int().min(1).max(1000), capacity: z.number().int().min(1).max(100) }))
    .min(1)
    .refine((t) => new Set(t.map((g) => g.tier)).size === t.length, { message: 'one group per tier' })
    .refine((t) => t.some((g) => g.tier === 'L1'), { message: 'the team needs L1 agents: new tickets start at L1' }),
  arrivals: z.strictObject({
    ticketsPerDay: z.number().min(0).max(100_000),
    /** 24 relative weights, hour 0 … 23 (UTC of the simulated clock). */
    hourlyWeights: z.array(z.number().min(0)).length(24).refine((w) => w.some((x) => x > 0), { message: 'at least one hour needs a weight above 0' }),
    weekendFactor: z.number().min(0).max(10),
  }),
  priorityMix: z.strictObject({ urgent: z.number().min(0), high: z.number().min(0), normal: z.number().min(0), low: z.number().min(0) }).refine((m) => PRIORITIES.some((p) => m[p] > 0), { message: 'at least one priority needs a share above 0' }),
  /** Time an agent holds a ticket until it is resolved (or found to need the next tier), per tier, hours. */
  handlingHours: z.strictObject({ L1: spread, L2: spread, L3: spread }),
  /** From the moment an agent picks a ticket up to the first public reply, minutes. */
  firstResponseMinutes: spread,
  /** Share of L1 tickets that need L2, found after this share of the L1 handling time. */
  escalationProbability: probability,
  diagnosisShare: z.number().min(0.05).max(1),
  reopenProbability: probability,
  reopenAfterHours: spread,
  /** Share of the handling time a reopened ticket needs again. */
  reopenWorkShare: z.number().min(0.05).max(1),
  /** Without an SLA monitor a stuck ticket is escalated when the customer chases: every this many hours while unresolved. */
  customerChaseHours: positive.max(24 * 60),
  sla: slaTargetsSchema.extend({ warningPercent: z.number().int().min(1).max(99), breachPercent: z.number().int().min(1).max(1000) }),
  sampleEveryHours: z.number().int().min(1).max(24),
});
export type Workload = z.infer<typeof workloadSchema>;

export function parseWorkload(input: unknown): Workload {
  const parsed = workloadSchema.safeParse(input);
  if (!parsed.success) throw new AppError('OW_VALIDATION', 'The simulation workload is not valid', zodIssuesToLocations(parsed.error.issues));
  if (parsed.data.sla.warningPercent >= parsed.data.sla.breachPercent) {
    throw new AppError('OW_VALIDATION', 'The simulation workload is not valid', [{ pointer: '/sla/warningPercent', message: 'the warning threshold comes before the breach threshold' }]);
  }
  return parsed.data;
}

/** A partial workload over the example one: top-level keys given replace the example's. */
export function mergeWorkload(base: unknown, override: unknown): unknown {
  if (override === null || typeof override !== 'object' || Array.isArray(override)) return override;
  return { ...(base as Record<string, unknown>), ...(override as Record<string, unknown>) };
}

/** What a server lets one request simulate, so a client cannot keep it busy for minutes. */
export const SIM_LIMITS = { maxDays: 90, maxTicketsPerDay: 5_000, maxTickets: 100_000, maxAgents: 500 } as const;

export function limitViolations(w: Workload): ErrorLocation[] {
  const out: ErrorLocation[] = [];
  const agents = w.team.reduce((n, g) => n + g.count, 0);
  if (w.days > SIM_LIMITS.maxDays) out.push({ pointer: '/days', message: `limit maxDays: at most ${SIM_LIMITS.maxDays} days per run on the server (asked ${w.days})` });
  if (w.arrivals.ticketsPerDay > SIM_LIMITS.maxTicketsPerDay) out.push({ pointer: '/arrivals/ticketsPerDay', message: `limit maxTicketsPerDay: at most ${SIM_LIMITS.maxTicketsPerDay} tickets per day on the server (asked ${w.arrivals.ticketsPerDay})` });
  else if (w.days * w.arrivals.ticketsPerDay > SIM_LIMITS.maxTickets) out.push({ pointer: '/arrivals/ticketsPerDay', message: `limit maxTickets: days × tickets per day is at most ${SIM_LIMITS.maxTickets} on the server (asked ${w.days * w.arrivals.ticketsPerDay})` });
  if (agents > SIM_LIMITS.maxAgents) out.push({ pointer: '/team', message: `limit maxAgents: at most ${SIM_LIMITS.maxAgents} agents on the server (asked ${agents})` });
  return out;
}

export const priorityKeys: readonly Priority[] = PRIORITIES;
