// A musical sequence run as a journey: movements become stages in order, beats become tasks run
// one after another within their movement, and beat events become the journey's events (the last
// beat's event moves the journey on once the movement's work is done).
import { z } from 'zod';
import { DAY_MS } from './builtin-metrics';
import { validateDefinition, type DefinitionValidation, type JourneyDefinitionInput } from './definition';
import { toPointer } from '../shared/json-pointer';

/** The few sequence fields this needs; the full schema lives with the sequence documents. */
const HandlerSchema = z.union([
  z.string().min(1),
  z.looseObject({
    name: z.string().min(1),
    externalSystem: z.looseObject({ integrationType: z.string().optional() }).optional(),
  }),
]);

const BeatSchema = z.looseObject({
  name: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  event: z.string().min(1, 'a beat needs the event it emits'),
  handler: HandlerSchema.optional(),
  errorHandling: z.string().optional(),
});

const MovementSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  beats: z.array(BeatSchema).min(1, 'a movement needs at least one beat to become a stage'),
});

export const SequenceInputSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  movements: z.array(MovementSchema).min(1, 'a sequence needs at least one movement'),
});
export type SequenceInput = z.infer<typeof SequenceInputSchema>;
type Beat = z.infer<typeof BeatSchema>;

export const SEQUENCE_CONTROL_EVENTS = {
  start: 'start_journey',
  rollback: 'initiate_rollback',
  resume: 'complete_rollback',
  cancel: 'cancel_journey',
} as const;
const RESERVED_STAGES = ['rollback', 'completed', 'cancelled'];

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Beat events become event names: lowercase, other characters folded to `_`. */
export function toEventName(event: string): string {
  const name = event
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/[.-]{2,}/g, '.')
    .replace(/^[._-]+|[._-]+$/g, '');
  return name === '' ? 'beat_event' : name;
}

function unique(base: string, used: Set<string>): string {
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
  used.add(candidate);
  return candidate;
}

function taskOf(beat: Beat, key: string, previous: string | undefined, sequenceId: string, movement: number, index: number) {
  const handler = beat.handler === undefined ? 'manual-step' : typeof beat.handler === 'string' ? beat.handler : beat.handler.name;
  const manual = beat.handler === undefined || (typeof beat.handler === 'object' && beat.handler.externalSystem?.integrationType === 'manual');
  const abort = beat.errorHandling === 'abort' || beat.errorHandling === 'abort-sequence';
  return {
    key,
    name: beat.title ?? beat.name ?? beat.event,
    handler,
    kind: manual ? ('human' as const) : ('automated' as const),
    input: { sequenceId, movement, beat: index + 1, event: beat.event, ...(beat.description ? { description: beat.description } : {}) },
    dependsOn: previous ? [previous] : [],
    emits: beat.event,
    retry: manual ? { maxRetries: 0, timeoutMs: 30 * DAY_MS } : abort ? { maxRetries: 0 } : {},
  };
}

/** The journey definition a sequence runs as, validated like any user definition. */
export function journeyFromSequence(input: unknown, options: { definitionId?: string } = {}): DefinitionValidation {
  const parsed = SequenceInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ pointer: toPointer(i.path), message: i.message })) };
  const seq = parsed.data;

  const reserved = new Set<string>(Object.values(SEQUENCE_CONTROL_EVENTS));
  const clashes = seq.movements.flatMap((m, i) =>
    m.beats.flatMap((b, j) => (reserved.has(toEventName(b.event)) ? [{ pointer: toPointer(['movements', i, 'beats', j, 'event']), message: `beat event '${b.event}' is reserved for journey control` }] : [])),
  );
  if (clashes.length > 0) return { ok: false, errors: clashes };

  const stageIds = new Set(RESERVED_STAGES);
  const stages = seq.movements.map((movement, m) => {
    const id = unique(slug(movement.id ?? movement.name) || `movement-${m + 1}`, stageIds);
    const keys = new Set<string>();
    const tasks = movement.beats.reduce<Array<ReturnType<typeof taskOf>>>((acc, beat, b) => {
      const key = unique(slug(beat.name ?? beat.title ?? '') || `beat-${b + 1}`, keys);
      return [...acc, taskOf(beat, key, acc[acc.length - 1]?.key, seq.id, m + 1, b)];
    }, []);
    return {
      id,
      name: movement.name,
      kind: 'active' as const,
      ...(movement.description ? { description: movement.description } : {}),
      unitsOfWork: [{ key: id, name: movement.name, tasks }],
      advanceOn: toEventName(movement.beats[movement.beats.length - 1]!.event),
    };
  });

  const beatEvents = new Map<string, string>();
  for (const movement of seq.movements) for (const beat of movement.beats) if (!beatEvents.has(toEventName(beat.event))) beatEvents.set(toEventName(beat.event), beat.name ?? beat.title ?? beat.event);
  const { start, rollback, resume, cancel } = SEQUENCE_CONTROL_EVENTS;
  const definition: JourneyDefinitionInput = {
    id: options.definitionId ?? `sequence-${slug(seq.id) || 'unnamed'}`,
    name: seq.name,
    description: seq.description ?? `Journey run from the sequence '${seq.id}'`,
    events: [
      { name: start, description: `Start at movement 1: ${seq.movements[0]!.name}` },
      ...[...beatEvents].map(([name, beat]) => ({ name, description: `Beat event (first emitted by: ${beat})` })),
      { name: rollback, description: 'Roll back the current movement, with a reason' },
      { name: resume, description: 'Resume after a rollback' },
      { name: cancel, description: 'Cancel the journey' },
    ],
    stages: [
      ...stages.map(({ advanceOn: _advanceOn, ...stage }) => stage),
      { id: 'rollback', name: 'Rollback', kind: 'rollback' },
      { id: 'completed', name: 'Completed', kind: 'final', outcome: 'success' },
      { id: 'cancelled', name: 'Cancelled', kind: 'final', outcome: 'failure' },
    ],
    transitions: [
      { from: null, event: start, to: stages[0]!.id },
      ...stages.flatMap((stage, i) => [
        { from: stage.id, event: stage.advanceOn, to: stages[i + 1]?.id ?? 'completed', guard: 'units_completed' as const },
        { from: stage.id, event: rollback, to: 'rollback' },
        { from: stage.id, event: cancel, to: 'cancelled' },
      ]),
      { from: 'rollback', event: resume, to: { resolve: 'rollback_target' } },
      { from: 'rollback', event: cancel, to: 'cancelled' },
    ],
    rollbackTriggers: [{ id: 'manual', description: 'Rolled back by an operator, with a reason' }],
    rollbackTarget: { kind: 'same' },
  };
  return validateDefinition(definition);
}
