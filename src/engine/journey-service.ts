// Durable journeys: start one (a stored definition or a sequence), apply events, report metrics
// and signals, roll back or cancel. Each change is one transaction: the new state, the effects'
// rows, the audit entry and the events, then whatever follows automatically.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { findStage, initialTransition, type JourneyDefinition } from '../core/journey/definition';
import { journeyFromSequence } from '../core/journey/from-sequence';
import { transition } from '../core/journey/transition';
import { JOURNEY_TOPICS } from '../core/journey/topics';
import { AppError } from '../core/shared/error-codes';
import { isCycleMessage } from '../core/work/unit-template';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db, Queryable } from '../store/db';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { openVisit } from '../store/journey-records-repo';
import { getJourney, insertJourney, lockJourney, type StoredJourney } from '../store/journey-states-repo';
import { loadStoredSequence } from '../store/journey-sequence-source';
import type { Clock } from './clock';
import type { HandlerRegistry } from './handlers/handler-registry';
import { applyJourneyEvent, stageMetrics, type JourneyEventInput } from './journey-apply';
import { settleJourney, type AutomaticTransition } from './journey-automation';
import type { JourneyDefinitions } from './journey-definitions';
import { applyEffects } from './journey-effects';
import { handlerProblems } from './journey-handler-check';
import { CancelInput, EventInput, MetricsReportInput, RollbackInput, SignalInput, StartJourneyInput } from './journey-inputs';
import { JourneyRejectedError } from './journey-rejection';
import { commitEngineChange } from './task-commit';

export type EventKind = 'forward' | 'rollback' | 'cancel';

/** What an event does from a stage: move on, roll back or cancel (the last two are destructive). */
export function eventKind(def: JourneyDefinition, from: string, event: string): EventKind | undefined {
  const t = def.transitions.find((x) => x.from === from && x.event === event);
  if (!t) return undefined;
  if (typeof t.to !== 'string') return 'forward';
  const to = findStage(def, t.to);
  if (to?.kind === 'rollback') return 'rollback';
  if (to?.kind === 'final' && to.outcome === 'failure') return 'cancel';
  return 'forward';
}

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('OW_VALIDATION', `The ${what} is not valid`, zodIssuesToLocations(parsed.error.issues));
  return parsed.data;
}

interface Attempt {
  refused: JourneyRejectedError | undefined;
  automatic: AutomaticTransition[];
}

export interface ChangeResult {
  journey: StoredJourney;
  /** Transitions the runtime made on its own after the change (resume after rollback, metric rules). */
  automatic: AutomaticTransition[];
}

export class JourneyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly defs: JourneyDefinitions,
    private readonly handlers: HandlerRegistry,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {}

  /** The definition to start: stored (latest or a version), or derived from a sequence (validated like any definition). */
  private async resolveStart(input: StartJourneyInput): Promise<{ def: JourneyDefinition; derived: boolean }> {
    if (input.definition !== undefined) return { def: (await this.defs.load(this.db, input.definition, input.definitionVersion)).definition, derived: false };
    let document: unknown = input.sequence;
    if (input.sequenceId !== undefined) {
      const stored = await loadStoredSequence(this.db, input.sequenceId, input.sequenceVersion);
      if (!stored) throw new AppError('OW_NOT_FOUND', `No stored sequence '${input.sequenceId}'${input.sequenceVersion ? ` version ${input.sequenceVersion}` : ''}; publish it first or send it as "sequence"`, [{ field: 'sequenceId', message: 'unknown sequence' }]);
      document = stored.document;
    }
    const derived = journeyFromSequence(document, input.definitionId !== undefined ? { definitionId: input.definitionId } : {});
    if (!derived.ok) {
      const base = input.sequence !== undefined ? '/sequence' : '';
      const code = derived.errors.some((e) => isCycleMessage(e.message)) ? 'OW_DEPENDENCY_CYCLE' : 'OW_VALIDATION';
      throw new AppError(code, 'The sequence cannot run as a journey', derived.errors.map((e) => ({ pointer: `${base}${e.pointer}`, message: e.message })));
    }
    return { def: derived.definition, derived: true };
  }

  async start(raw: unknown, actor: string): Promise<ChangeResult> {
    await this.defs.ensureBuiltins();
    const input = parse(StartJourneyInput, raw, 'journey start request');
    const { def: resolved, derived } = await this.resolveStart(input);
    const aliases = input.handlers ?? {};
    const unknown = handlerProblems(resolved, await this.handlers.names(), aliases);
    if (unknown.length > 0) {
      throw new AppError('OW_UNKNOWN_HANDLER', `Definition '${resolved.id}' names handlers that do not exist (pointers are into the definition): ${unknown.length} problem(s)`, unknown);
    }
    const journeyId = randomUUID();
    const { result } = await commitEngineChange<Attempt>(
      this.db,
      this.clock,
      async (tx, now) => {
        const def = derived ? await this.defs.storeDerived(tx, resolved, actor, now) : resolved;
        const reported: NewEvent[] = input.metrics ? [{ topic: JOURNEY_TOPICS.metricsReported, key: journeyId, payload: { journeyId, metrics: input.metrics, source: 'api', actor } }] : [];
        const start = initialTransition(def).event;
        const out = transition(def, null, { type: start, payload: { journeyId, clientId: input.clientId, metadata: input.metadata ?? {}, actor } }, { now: now.getTime(), metrics: input.metrics ?? {}, units: [] });
        if (!out.ok) return { result: { refused: new JourneyRejectedError(journeyId, out.rejection), automatic: [] } };
        await insertJourney(tx, out.state, aliases, actor, now);
        await openVisit(tx, journeyId, out.state.currentStage, 1, start, now);
        const events = await applyEffects(tx, { journeyId, handlerAliases: aliases, actor, now, metrics: input.metrics ?? {} }, out.effects);
        const settled = await settleJourney(tx, this.defs, now, journeyId, { metricsChanged: input.metrics !== undefined }, [...reported, ...events]);
        return {
          result: { refused: undefined, automatic: settled.transitions },
          audits: [{ actor, action: 'journey.start', target: journeyId, summary: `started ${def.id}@${def.version} journey for client "${input.clientId}" in stage '${out.state.currentStage}'` }],
          events: [...reported, ...events, ...settled.events],
        };
      },
      this.onEvents,
    );
    if (result.refused) throw result.refused;
    return { journey: await this.mustGet(journeyId), automatic: result.automatic };
  }

  private async mustGet(journeyId: string, q: Queryable = this.db): Promise<StoredJourney> {
    const j = await getJourney(q, journeyId);
    if (!j) throw new AppError('OW_NOT_FOUND', `No journey with id ${journeyId}`);
    return j;
  }

  /**
   * Applies one event. A refused event changes nothing but is answered with why; a failed gate is
   * also stored in validation_results and announced (journey.gate.failed). Destructive events
   * (rollback, cancel) need `destructive: true`, which only the dedicated routes pass.
   */
  async applyEvent(journeyId: string, raw: unknown, actor: string, opts: { destructive?: boolean } = {}): Promise<ChangeResult> {
    const input = parse(EventInput, raw, 'event');
    const journey = await this.mustGet(journeyId);
    const { definition: def } = await this.defs.load(this.db, journey.definitionId, journey.definitionVersion);
    const kind = eventKind(def, journey.currentStage, input.type);
    if ((kind === 'rollback' || kind === 'cancel') && !opts.destructive) {
      throw new AppError('OW_CONFLICT', `Event '${input.type}' would ${kind === 'rollback' ? 'roll the journey back' : 'cancel the journey'}; use POST /api/journeys/${journeyId}/${kind} with a reason (destructive actions are role- and configuration-checked)`, [{ field: 'type', message: `${kind} is destructive` }]);
    }
    return this.commitEvent(journeyId, { type: input.type, ...(input.payload ? { payload: input.payload } : {}) }, actor, `sent '${input.type}'`);
  }

  private async commitEvent(journeyId: string, event: JourneyEventInput, actor: string, what: string, before: NewEvent[] = []): Promise<ChangeResult> {
    const { result } = await commitEngineChange<Attempt>(
      this.db,
      this.clock,
      async (tx, now) => {
        const outcome = await applyJourneyEvent(tx, this.defs, now, journeyId, event, { actor, recordRejection: true, pendingEvents: before });
        if (!outcome.accepted) {
          const refused = new JourneyRejectedError(journeyId, outcome.rejection);
          // The journey is unchanged; only the failed gate's validation result and its event are kept.
          const audits = outcome.rejection.validation ? [{ actor, action: 'journey.gate.failed', target: journeyId, summary: `${what}: refused, ${outcome.rejection.validation.summary}` }] : [];
          return { result: { refused, automatic: [] }, audits, events: outcome.events };
        }
        const settled = await settleJourney(tx, this.defs, now, journeyId, {}, [...before, ...outcome.events]);
        const moved = `${outcome.before.currentStage} → ${outcome.state.currentStage}`;
        return {
          result: { refused: undefined, automatic: settled.transitions },
          audits: [{ actor, action: 'journey.event', target: journeyId, summary: `${what}: ${moved}${event.payload?.reason ? ` (reason: ${event.payload.reason})` : ''}` }],
          events: [...before, ...outcome.events, ...settled.events],
        };
      },
      this.onEvents,
    );
    if (result.refused) throw result.refused;
    return { journey: await this.mustGet(journeyId), automatic: result.automatic };
  }

  /** Manual rollback: a declared trigger and a reason; resumes where the policy (or `target`) says once the rollback work is done. */
  async rollback(journeyId: string, raw: unknown, actor: string): Promise<ChangeResult> {
    const input = parse(RollbackInput, raw, 'rollback request');
    const journey = await this.mustGet(journeyId);
    const { definition: def } = await this.defs.load(this.db, journey.definitionId, journey.definitionVersion);
    const t = def.transitions.find((x) => x.from === journey.currentStage && eventKind(def, journey.currentStage, x.event) === 'rollback');
    if (!t) throw new AppError('OW_CONFLICT', `Journey ${journeyId} is in stage '${journey.currentStage}', which cannot roll back`, [{ field: 'stage', message: journey.currentStage }]);
    const payload = { trigger: input.trigger, reason: input.reason, ...(input.target !== undefined ? { target: input.target } : {}) };
    return this.commitEvent(journeyId, { type: t.event, payload }, actor, `rolled back (${input.trigger})`);
  }

  async cancel(journeyId: string, raw: unknown, actor: string): Promise<ChangeResult> {
    const input = parse(CancelInput, raw, 'cancel request');
    const journey = await this.mustGet(journeyId);
    const { definition: def } = await this.defs.load(this.db, journey.definitionId, journey.definitionVersion);
    const t = def.transitions.find((x) => x.from === journey.currentStage && eventKind(def, journey.currentStage, x.event) === 'cancel');
    if (!t) throw new AppError('OW_CONFLICT', `Journey ${journeyId} is in stage '${journey.currentStage}' (${journey.status}), which cannot be cancelled`, [{ field: 'stage', message: journey.currentStage }]);
    return this.commitEvent(journeyId, { type: t.event, payload: { reason: input.reason } }, actor, 'cancelled');
  }

  /** Records metrics for the current stage; a metric rule that now fires rolls the journey back. */
  async reportMetrics(journeyId: string, raw: unknown, actor: string): Promise<ChangeResult & { metrics: Awaited<ReturnType<typeof stageMetrics>> }> {
    const input = parse(MetricsReportInput, raw, 'metrics report');
    return this.record(journeyId, actor, 'journey.metrics.report', (j) => ({
      topic: JOURNEY_TOPICS.metricsReported,
      key: journeyId,
      payload: { journeyId, stage: j.currentStage, metrics: input.metrics, source: 'api', actor },
    }), `reported ${Object.entries(input.metrics).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }

  /** An occurrence the definition counts (e.g. a critical bug): metrics computed from the log change. */
  async signal(journeyId: string, raw: unknown, actor: string): Promise<ChangeResult & { metrics: Awaited<ReturnType<typeof stageMetrics>> }> {
    const input = parse(SignalInput, raw, 'signal');
    const journey = await this.mustGet(journeyId);
    const { definition: def } = await this.defs.load(this.db, journey.definitionId, journey.definitionVersion);
    const topics = [...new Set(def.counters.map((c) => c.topic))];
    if (!topics.includes(input.topic)) {
      throw new AppError('OW_VALIDATION', `'${input.topic}' is not counted by definition '${def.id}' (topics: ${topics.join(', ') || 'none'})`, [{ pointer: '/topic', message: 'not a counter topic of this definition' }]);
    }
    return this.record(journeyId, actor, 'journey.signal', (j) => ({ topic: input.topic, key: journeyId, payload: { ...input.payload, journeyId, stage: j.currentStage, actor } }), `signalled ${input.topic}`);
  }

  private async record(journeyId: string, actor: string, action: string, build: (j: StoredJourney) => NewEvent, what: string): Promise<ChangeResult & { metrics: Awaited<ReturnType<typeof stageMetrics>> }> {
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const journey = await lockJourney(tx, journeyId);
        if (!journey) throw new AppError('OW_NOT_FOUND', `No journey with id ${journeyId}`);
        if (journey.status === 'completed' || journey.status === 'cancelled') {
          throw new AppError('OW_CONFLICT', `Journey ${journeyId} has ended (${journey.status}); it takes no more reports`);
        }
        const event = build(journey);
        const settled = await settleJourney(tx, this.defs, now, journeyId, { metricsChanged: true }, [event]);
        return {
          result: settled.transitions,
          audits: [{ actor, action, target: journeyId, summary: `${what} in stage '${journey.currentStage}'${settled.transitions.map((t) => `; then ${t.event} (${t.why})`).join('')}` }],
          events: [event, ...settled.events],
        };
      },
      this.onEvents,
    );
    const journey = await this.mustGet(journeyId);
    const { definition: def } = await this.defs.load(this.db, journey.definitionId, journey.definitionVersion);
    return { journey, automatic: result, metrics: await stageMetrics(this.db, def, journey, this.clock.now()) };
  }
}
