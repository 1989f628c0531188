// Import and export of plain OWS 1.1 documents. The `ows` half of a pattern is kept verbatim, so
// export(import(doc)) deep-equals doc; computed outputs are filled in only when asked for.
import { diagramSizeScorecard } from './diagram-lint';
import { scorePattern, toOwsScorecard } from './hqo-scorecard';
import type { PointerIssue } from './input-error';
import type { ParseResult } from './parse-pattern';
import { parsePattern, parseWithPointers } from './parse-pattern';
import type { OwsDocument } from './ows-document';
import { owsDocumentSchema } from './ows-document';
import type { Pattern } from './schema';

/** Validates a standalone OWS 1.1 document (what the reference JSON Schema checks, nothing more). */
export function parseOwsDocument(input: unknown): ParseResult<OwsDocument> {
  return parseWithPointers(owsDocumentSchema, input);
}

/** Joins an OWS document and library metadata into a pattern; errors point into the pattern file. */
export function importOws(ows: unknown, library: unknown): ParseResult<Pattern> {
  return parsePattern({ ows, library });
}

/** The OWS document of a pattern, as stored (a copy: callers may change it freely). */
export function exportOws(pattern: Pattern): OwsDocument {
  return structuredClone(pattern.ows);
}

/** The pattern with `outputs.scorecard` and `outputs.diagramSizeScorecard` recomputed from its content. */
export function withComputedOutputs(pattern: Pattern): Pattern {
  const copy = structuredClone(pattern);
  copy.ows.outputs.scorecard = toOwsScorecard(scorePattern(pattern));
  copy.ows.outputs.diagramSizeScorecard = diagramSizeScorecard(pattern);
  return copy;
}

/** Where the stored outputs disagree with the computed ones, so authors can refresh them. */
export function staleOutputs(pattern: Pattern): PointerIssue[] {
  const fresh = withComputedOutputs(pattern).ows.outputs;
  const stored = pattern.ows.outputs;
  const issues: PointerIssue[] = [];
  for (const key of ['scorecard', 'diagramSizeScorecard'] as const) {
    if (JSON.stringify(sortKeys(stored[key])) !== JSON.stringify(sortKeys(fresh[key]))) {
      issues.push({ pointer: `/ows/outputs/${key}`, message: `differs from the computed value ${JSON.stringify(fresh[key])}` });
    }
  }
  return issues;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
