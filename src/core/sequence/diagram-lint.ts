// Mermaid syntax and diagram-budget findings for one diagram of a sequence, as warnings:
// a sequence is a journey definition, so the pattern library's budget only advises here.
import { lintMermaid } from '../ows/diagram-budget';
import { warning, type SequenceIssue } from './issue';

export function lintSequenceDiagram(pointer: string, text: string): SequenceIssue[] {
  const result = lintMermaid(text);
  if (result.parseError) {
    const { line, message, expected } = result.parseError;
    return [warning(pointer, `line ${line}: Mermaid cannot parse this diagram: ${message} (expected ${expected})`)];
  }
  return result.violations.map((v) => warning(pointer, `line ${v.line}: diagram budget (${v.rule}): ${v.message}`));
}
