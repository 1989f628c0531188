// Validation entry points: unknown input → a typed pattern, or every error with its JSON pointer.
import type { z } from 'zod';
import { toPointer } from '../shared/json-pointer';
import { parseJsonText as parseJson } from '../shared/json-text';
import type { PointerIssue } from './input-error';
import type { Pattern } from './schema';
import { patternSchema } from './schema';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: PointerIssue[] };

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

function issueToErrors(issue: z.core.$ZodIssue): PointerIssue[] {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? key.toString() : key));
  const pointer = toPointer(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        pointer: toPointer([...path, key]),
        message: `unknown property "${key}" (not allowed here)`,
      }));
    case 'invalid_type':
      return [
        {
          pointer,
          message:
            issue.input === undefined
              ? `is required (expected ${issue.expected})`
              : `expected ${issue.expected}, got ${describeValue(issue.input)}`,
        },
      ];
    case 'invalid_value': {
      const allowed = `${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      const message = issue.input === undefined ? `is required: ${allowed}` : `must be ${allowed} (got ${describeValue(issue.input)})`;
      return [{ pointer, message }];
    }
    case 'invalid_format':
      return [{ pointer, message: `${issue.message} (got ${describeValue(issue.input)})` }];
    default:
      return [{ pointer, message: issue.message }];
  }
}

/** Runs a zod schema and converts its issues into pointer-located, readable errors. */
export function parseWithPointers<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.flatMap(issueToErrors) };
}

/** Validates a pattern file (structure, then cross-references). */
export function parsePattern(input: unknown): ParseResult<Pattern> {
  return parseWithPointers(patternSchema, input);
}

/** Parses JSON text first, so syntax errors are reported with a line and column too. */
export function parseJsonText(text: string): ParseResult<unknown> {
  const json = parseJson(text);
  if (json.ok) return { ok: true, value: json.value };
  return { ok: false, errors: [{ pointer: '', message: `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}` }] };
}

/** Validates the text of a pattern file. */
export function parsePatternText(text: string): ParseResult<Pattern> {
  const json = parseJsonText(text);
  return json.ok ? parsePattern(json.value) : json;
}
