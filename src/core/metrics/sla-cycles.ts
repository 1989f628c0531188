// SLA cycles of a ticket judged against targets per priority, for history that carries no SLA
// clocks (imports, simulation). Live tickets use the SLA Monitor's own clocks instead.
import { z } from 'zod';
import { PRIORITIES, type Priority } from './definitions';
import type { TicketFacts } from './ticket-figures';

const hours = z.number().positive().max(24 * 365);
const perPriority = z.strictObject({ urgent: hours, high: hours, normal: hours, low: hours });

export const slaTargetsSchema = z.strictObject({
  firstResponseHours: perPriority,
  resolutionHours: perPriority,
});
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

/** The SLA Monitor's default policy (urgent 1 h / 4 h … low 24 h / 5 d), in calendar hours. */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  firstResponseHours: { urgent: 1, high: 4, normal: 8, low: 24 },
  resolutionHours: { urgent: 4, high: 24, normal: 72, low: 120 },
};

const HOUR_MS = 3_600_000;

/**
 * A cycle completes when it is met, or once its target has passed (breached, even if still open at `at`).
 * A cycle still running before its target has not completed and does not count.
 */
export function slaCyclesFor(
  t: Pick<TicketFacts, 'priority' | 'createdAt' | 'firstResponseAt' | 'resolvedAt'>,
  targets: SlaTargets,
  at: number,
): { completed: number; breached: number } {
  let completed = 0;
  let breached = 0;
  for (const [done, target] of [
    [t.firstResponseAt, targets.firstResponseHours[t.priority]],
    [t.resolvedAt, targets.resolutionHours[t.priority]],
  ] as const) {
    const deadline = t.createdAt + target * HOUR_MS;
    if (done !== null) {
      completed += 1;
      if (done > deadline) breached += 1;
    } else if (at > deadline) {
      completed += 1;
      breached += 1;
    }
  }
  return { completed, breached };
}

export function isPriority(p: string): p is Priority {
  return (PRIORITIES as readonly string[]).includes(p);
}
