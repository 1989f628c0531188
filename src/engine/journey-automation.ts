// What the runtime does on its own after a change, in the same transaction: a task that emits an
// event the stage accepts moves the journey on (sequences), a rollback whose work is done resumes,
// and metric rules that fire start a rollback. Each step is an ordinary transition by 'system'.
import { findStage, type JourneyDefinition } from '../core/journey/definition';
import { toEventName } from '../core/journey/from-sequence';
import { evaluateRollbackTriggers } from '../core/journey/rollback-policy';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { lockJourney, type StoredJourney } from '../store/journey-states-repo';
import { applyJourneyEvent, stageMetrics, type JourneyEventInput } from './journey-apply';
import type { JourneyDefinitions } from './journey-definitions';

export interface SettleHints {
  /** The event a just-completed task emits (a sequence beat's event). */
  emitted?: string | null;
  /** Metrics may have changed (a report, a signal, a task result): check the rollback rules. */
  metricsChanged?: boolean;
}

export interface AutomaticTransition {
  event: string;
  from: string;
  to: string;
  why: string;
}

/** At most this many automatic transitions per change, so a definition can never loop forever. */
const MAX_STEPS = 5;

async function candidates(tx: Queryable, def: JourneyDefinition, journey: StoredJourney, now: Date, hints: SettleHints, pending: readonly NewEvent[]): Promise<Array<{ input: JourneyEventInput; why: string }>> {
  const stage = findStage(def, journey.currentStage);
  if (!stage || stage.kind === 'final') return [];
  const out: Array<{ input: JourneyEventInput; why: string }> = [];
  const accepts = (event: string) => def.transitions.some((t) => t.from === stage.id && t.event === event);
  if (hints.emitted) {
    const name = toEventName(hints.emitted);
    if (accepts(name)) out.push({ input: { type: name }, why: `a task emitted '${hints.emitted}'` });
  }
  if (stage.kind === 'rollback') {
    const resume = def.transitions.find((t) => t.from === stage.id && typeof t.to !== 'string');
    if (resume) out.push({ input: { type: resume.event }, why: 'the rollback unit of work has completed' });
  }
  if (hints.metricsChanged && stage.kind === 'active') {
    const rollback = def.transitions.find((t) => t.from === stage.id && typeof t.to === 'string' && findStage(def, t.to)?.kind === 'rollback');
    if (rollback) {
      const fired = evaluateRollbackTriggers(def, stage.id, (await stageMetrics(tx, def, journey, now, pending)).values);
      const first = fired[0];
      if (first) out.push({ input: { type: rollback.event, payload: { trigger: first.trigger } }, why: first.message });
    }
  }
  return out;
}

export async function settleJourney(
  tx: Queryable,
  defs: JourneyDefinitions,
  now: Date,
  journeyId: string,
  hints: SettleHints,
  pending: readonly NewEvent[] = [],
): Promise<{ events: NewEvent[]; transitions: AutomaticTransition[] }> {
  const events: NewEvent[] = [];
  const transitions: AutomaticTransition[] = [];
  let current: SettleHints = hints;
  for (let step = 0; step < MAX_STEPS; step++) {
    const journey = await lockJourney(tx, journeyId);
    if (!journey || journey.status === 'completed' || journey.status === 'cancelled') break;
    const { definition: def } = await defs.load(tx, journey.definitionId, journey.definitionVersion);
    let moved = false;
    for (const c of await candidates(tx, def, journey, now, current, [...pending, ...events])) {
      const outcome = await applyJourneyEvent(tx, defs, now, journeyId, c.input, { actor: 'system', recordRejection: false, pendingEvents: [...pending, ...events] });
      if (!outcome.accepted) continue;
      events.push(...outcome.events);
      transitions.push({ event: c.input.type, from: outcome.before.currentStage, to: outcome.state.currentStage, why: c.why });
      moved = true;
      break;
    }
    if (!moved) break;
    // A new stage starts afresh: only a rollback whose work is already done can move it again.
    current = {};
  }
  return { events, transitions };
}
