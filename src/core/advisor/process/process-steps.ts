// The input of a process analysis: the steps of a value stream with their times and volumes,
// validated field by field. Times are per unit of work; volume is units per period.
import { z } from 'zod';

export const processStepSchema = z.object({
  name: z.string().trim().min(1, 'a step needs a name'),
  processTime: z.number({ error: 'processTime must be a number' }).finite().min(0, 'processTime must not be negative'),
  waitTime: z.number({ error: 'waitTime must be a number' }).finite().min(0, 'waitTime must not be negative'),
  volume: z.number({ error: 'volume must be a number' }).finite().min(0, 'volume must not be negative'),
  /** People working the step in parallel. */
  people: z.number().int('people must be a whole number').min(1, 'a step needs at least 1 person').default(1),
  /** Whether the customer would pay for this step; approvals, re-entry and checks usually are not. */
  valueAdding: z.boolean().default(true),
  /** Share of units that come out wrong and must be redone (0–1). */
  defectRate: z.number().min(0, 'defectRate is a share between 0 and 1').max(1, 'defectRate is a share between 0 and 1').default(0),
  /** Work changes hands (another team or tool) to reach this step. */
  handoff: z.boolean().default(false),
  /** Units waiting in front of the step right now. */
  queue: z.number().min(0, 'queue must not be negative').optional(),
});

export const valueStreamSchema = z.object({
  name: z.string().trim().min(1).default('the process'),
  timeUnit: z.string().trim().min(1).default('minutes'),
  period: z.string().trim().min(1).default('day'),
  /** What flows through the stream, plural: "tickets", "orders". */
  unitName: z.string().trim().min(1).default('units'),
  /** Working time per person per period, in timeUnit; enables utilization and capacity. */
  availableTime: z.number().positive('availableTime must be greater than 0').optional(),
  /** Customer demand in units per period; enables takt time. */
  demand: z.number().positive('demand must be greater than 0').optional(),
  steps: z.array(processStepSchema).min(1, 'a value stream needs at least one step'),
});

export type ProcessStep = z.infer<typeof processStepSchema>;
export type ValueStream = z.infer<typeof valueStreamSchema>;
export type ValueStreamInput = z.input<typeof valueStreamSchema>;
