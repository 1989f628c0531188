// Transition guards: the exit/entry-criteria gate (reported metrics plus built-in clock metrics)
// and the units-completed check, each returning why it blocked.
import { builtinMetrics } from './builtin-metrics';
import type { Guard, Stage } from './definition';
import { validateExitCriteria, type ValidationResult } from './exit-criteria';
import type { JourneyState, TransitionContext } from './state';

export type GuardOutcome =
  | { ok: true; validation?: ValidationResult }
  | { ok: false; kind: 'gate_failed'; validation: ValidationResult; message: string }
  | { ok: false; kind: 'units_incomplete'; incompleteUnits: Array<{ id: string; status: string }>; message: string };

/** The gate between two stages: the source's exit criteria, then the target's entry criteria. */
export function evaluateGate(from: Stage | null, to: Stage, state: Pick<JourneyState, 'startedAt' | 'stageStartedAt'> | null, ctx: TransitionContext): ValidationResult {
  // Built-ins come last so a reported value cannot fake the clock.
  const metrics = { ...(ctx.metrics ?? {}), ...(state ? builtinMetrics(state, ctx.now) : {}) };
  return validateExitCriteria([...(from?.exitCriteria ?? []), ...to.entryCriteria], metrics);
}

export function evaluateGuard(
  guard: Guard,
  args: { from: Stage | null; to: Stage; state: JourneyState | null; ctx: TransitionContext; expectedUnits: readonly string[] },
): GuardOutcome {
  if (guard === 'none') return { ok: true };
  if (guard === 'exit_criteria') {
    const validation = evaluateGate(args.from, args.to, args.state, args.ctx);
    if (validation.passed) return { ok: true, validation };
    return { ok: false, kind: 'gate_failed', validation, message: `exit criteria not met: ${validation.summary}` };
  }
  const statuses = new Map((args.ctx.units ?? []).map((u) => [u.id, u.status] as const));
  const incompleteUnits = args.expectedUnits
    .map((id) => ({ id, status: statuses.get(id) ?? 'not reported' }))
    .filter((u) => u.status !== 'completed');
  if (incompleteUnits.length === 0) return { ok: true };
  const listed = incompleteUnits.map((u) => `${u.id} (${u.status})`).join(', ');
  return { ok: false, kind: 'units_incomplete', incompleteUnits, message: `units of work of stage '${args.from?.id ?? ''}' are not all completed: ${listed}` };
}
