// White-labelling: the client's names for a pattern's generic terms, applied to diagrams, Markdown
// and plain strings. The pattern-level wiring (which fields get which function) lives with the
// integrator; this module is the string-level toolkit it uses.
import { AppError } from '../shared/error-codes';
import { formatLocations } from '../shared/zod-errors';
import { applyTermMap, parseTermMap, type TermMap } from './term-map';

export { MAX_LABEL_CHARS, whiteLabelMermaid } from './white-label-mermaid';
export type { LongLabel, WhiteLabelField, WhiteLabelMermaidResult, WhiteLabelSubstitution } from './white-label-mermaid';
export { whiteLabelText } from './white-label-markdown';
export type { WhiteLabelTextResult } from './white-label-markdown';
export type { TermMap, TermMapInput } from './term-map';

/** Validates a term map or throws a validation error listing every problem by JSON pointer. */
export function requireTermMap(input: unknown): TermMap {
  const result = parseTermMap(input);
  if (!result.ok) throw new AppError('OW_VALIDATION', `Invalid term map:\n${formatLocations(result.errors)}`, result.errors);
  return result.map;
}

/** Applies the term map to plain text: a checklist item, a CSV cell, a title. */
export function whiteLabelPlain(text: string, map: TermMap): { text: string; substitutions: number } {
  const result = applyTermMap(text, map);
  return { text: result.text, substitutions: result.replacements.length };
}
