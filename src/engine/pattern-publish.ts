// Judging a publication before anything is written: JSON text (line and column on a syntax error),
// the client's error for a failed report (400 with pointers, 422 with every rule), already stored?
import type { GateFailure, GateReport } from '../core/ows/quality-gates';
import type { Pattern } from '../core/ows/schema';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';
import { parseJsonText } from '../core/shared/json-text';

/** A located error that also names the gate and rule it broke (extra fields travel in the problem body). */
export type GateErrorLocation = ErrorLocation & { gate: GateFailure['gate']; rule: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Parses the text of a pattern file; invalid JSON stores nothing and says where it broke. */
export function patternValueFromText(text: string, what = 'The pattern'): unknown {
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  throw new AppError('OW_MALFORMED_JSON', `${what} is not valid JSON: ${parsed.message} at line ${parsed.line}, column ${parsed.column}; nothing was stored`, [
    { line: parsed.line, column: parsed.column, message: parsed.message },
  ]);
}

export function gateLocations(failures: ReadonlyArray<GateFailure>): GateErrorLocation[] {
  return failures.map((f) => ({ ...(f.pointer !== undefined ? { pointer: f.pointer } : {}), gate: f.gate, rule: f.rule, message: f.message }));
}

/** The error for a report that did not pass; schema problems are invalid input, the rest failed gates. */
export function publicationError(report: GateReport): AppError {
  const schema = report.failures.filter((f) => f.gate === 'schema');
  if (schema.length > 0) {
    return new AppError(
      'OW_VALIDATION',
      `The pattern does not match the pattern schema (${plural(schema.length, 'error')}); nothing was stored`,
      schema.map((f) => ({ pointer: f.pointer ?? '', message: f.message })),
    );
  }
  const slug = report.pattern?.library.slug ?? '';
  const rules = [...new Set(report.failures.map((f) => `${f.gate}:${f.rule}`))];
  return new AppError(
    'OW_GATE_FAILED',
    `The pattern "${slug}" failed the quality gates (${plural(report.failures.length, 'failure')}: ${rules.join(', ')}); nothing was stored`,
    gateLocations(report.failures),
  );
}

/** JSON with object keys sorted, so two documents compare equal whatever order the store kept. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when both documents say the same thing; the version number is the store's, not the author's. */
export function sameDocument(a: Pattern, b: Pattern): boolean {
  const strip = (p: Pattern) => ({ ...p, library: { ...p.library, version: 0 } });
  return canonical(strip(a)) === canonical(strip(b));
}
