// Parser for Mermaid sequence diagram text: the statements of Mermaid's grammar as a syntax tree
// with line numbers, or the first place the text stops making sense and what was expected there.
import type { MermaidParseError, MermaidParseResult } from './mermaid-ast';
import { EXPECTED } from './mermaid-expected';
import { SequenceGrammar } from './mermaid-grammar';
import { tokenize } from './mermaid-lexer';
import { resolveParticipants } from './mermaid-semantics';
import { buildLineIndex, columnOf, detectsSequenceDiagram, lineOf, prepareSource } from './mermaid-source';
import { ParseFailure } from './mermaid-token-stream';

export type * from './mermaid-ast';

function failure(error: MermaidParseError): MermaidParseResult {
  return { ok: false, error };
}

/** Parses Mermaid sequence diagram text as Mermaid 11 does. */
export function parseMermaidSequence(text: string): MermaidParseResult {
  const prepared = prepareSource(text);
  const lines = buildLineIndex(text);
  if (!detectsSequenceDiagram(prepared)) {
    const firstContent = prepared.search(/\S/);
    const offset = firstContent < 0 ? 0 : Math.min(firstContent, text.length);
    const word = firstContent < 0 ? '' : (/^\S+/.exec(prepared.slice(firstContent))?.[0] ?? '');
    return failure({
      line: lineOf(lines, offset),
      column: columnOf(lines, offset),
      message: word ? `The text starts with "${word.slice(0, 40)}", not a sequence diagram header` : 'The text is empty',
      expected: EXPECTED.header,
    });
  }
  const { tokens, error } = tokenize(prepared, 0);
  if (error) {
    const lineEnd = prepared.indexOf('\n', error.offset);
    tokens.push({ type: 'INVALID', start: error.offset, end: Math.max(lineEnd, error.offset + 1) });
  }
  try {
    const { headerLine, statements } = new SequenceGrammar(text, tokens, lines).parse();
    const resolved = resolveParticipants(statements);
    if (!resolved.ok) {
      const offset = Math.min(resolved.error.offset, text.length);
      return failure({ line: lineOf(lines, offset), column: columnOf(lines, offset), message: resolved.error.message, expected: resolved.error.expected });
    }
    return { ok: true, diagram: { headerLine, statements, participants: resolved.participants } };
  } catch (e) {
    if (e instanceof ParseFailure) return failure(e.detail);
    throw e;
  }
}
