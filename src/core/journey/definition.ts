// Journey definitions are data: validateDefinition turns unknown input (a user's JSON) into a
// typed definition or lists every error with its JSON pointer, shape errors first.
import { parseJsonText } from '../shared/json-text';
import { toPointer } from '../shared/json-pointer';
import { findDefinitionProblems, type DefinitionError } from './definition-checks';
import { JourneyDefinitionSchema, type JourneyDefinition, type Stage, type Transition } from './definition-schema';

export * from './definition-schema';
export type { DefinitionError } from './definition-checks';

export type DefinitionValidation = { ok: true; definition: JourneyDefinition } | { ok: false; errors: DefinitionError[] };

export function validateDefinition(input: unknown): DefinitionValidation {
  const parsed = JourneyDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message })) };
  }
  const errors = findDefinitionProblems(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, definition: parsed.data };
}

/** Like validateDefinition, but throws one error listing every problem: for built-in definitions. */
export function defineJourney(input: unknown): JourneyDefinition {
  const result = validateDefinition(input);
  if (result.ok) return result.definition;
  throw new Error(`invalid journey definition:\n${result.errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('\n')}`);
}

/** JSON text → validated definition; a syntax error is reported with its line and column. */
export function parseDefinitionJson(text: string): DefinitionValidation | { ok: false; syntaxError: { line: number; column: number; message: string } } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, syntaxError: { line: parsed.line, column: parsed.column, message: parsed.message } };
  return validateDefinition(parsed.value);
}

export function findStage(def: JourneyDefinition, id: string): Stage | undefined {
  return def.stages.find((s) => s.id === id);
}

export function initialTransition(def: JourneyDefinition): Transition {
  const t = def.transitions.find((x) => x.from === null);
  if (!t) throw new Error(`journey definition '${def.id}' has no starting transition`);
  return t;
}

/** The events that may be sent in a stage (null = not started yet), in definition order. */
export function allowedEvents(def: JourneyDefinition, stage: string | null): string[] {
  return def.transitions.filter((t) => t.from === stage).map((t) => t.event);
}

/** The final stage a cancelled journey (or a rollback with the cancel policy) ends in. */
export function failureStage(def: JourneyDefinition): Stage | undefined {
  return def.stages.find((s) => s.kind === 'final' && s.outcome === 'failure');
}
