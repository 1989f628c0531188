// Checks that a valid sequence agrees with itself: declared events against the events beats
// emit, the declared beat count, and its diagrams (participants, Mermaid syntax, budget).
import type { MusicalSequence } from './schema';
import { error, warning, type SequenceIssue } from './issue';
import { undeclaredParticipants } from './mermaid-participants';
import { sequenceDiagrams } from './sequence-diagrams';
import { checkReferenceConformance } from './conformance';
import { lintSequenceDiagram } from './diagram-lint';

export type { SequenceIssue } from './issue';

function checkEvents(seq: MusicalSequence): SequenceIssue[] {
  if (seq.events === undefined) return [];
  const issues: SequenceIssue[] = [];
  const declared = new Map<string, number>();
  seq.events.forEach((event, i) => {
    if (declared.has(event)) issues.push(warning(`/events/${i}`, `event "${event}" is declared twice`));
    else declared.set(event, i);
  });
  const emitted = new Set<string>();
  seq.movements.forEach((movement, m) =>
    movement.beats.forEach((beat, b) => {
      emitted.add(beat.event);
      if (!declared.has(beat.event)) {
        issues.push(error(`/movements/${m}/beats/${b}/event`, `beat emits "${beat.event}", which is not declared in /events`));
      }
    }),
  );
  for (const [event, i] of declared) {
    if (!emitted.has(event)) issues.push(error(`/events/${i}`, `event "${event}" is declared but no beat emits it`));
  }
  return issues;
}

function checkBeatCount(seq: MusicalSequence): SequenceIssue[] {
  if (seq.beats === undefined) return [];
  const actual = seq.movements.reduce((sum, m) => sum + m.beats.length, 0);
  if (actual === seq.beats) return [];
  return [error('/beats', `declares ${seq.beats} beats but its movements hold ${actual}`)];
}

function checkDiagrams(seq: MusicalSequence): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  for (const diagram of sequenceDiagrams(seq)) {
    for (const use of undeclaredParticipants(diagram.text)) {
      issues.push(
        warning(
          diagram.pointer,
          `line ${use.line}: participant "${use.id}" is used in a ${use.via} but never declared (Mermaid would add it implicitly)`,
        ),
      );
    }
    issues.push(...lintSequenceDiagram(diagram.pointer, diagram.text));
  }
  return issues;
}

/** Every inconsistency of a valid sequence, errors and warnings, each with its JSON pointer. */
export function checkSequenceConsistency(seq: MusicalSequence): SequenceIssue[] {
  return [...checkEvents(seq), ...checkBeatCount(seq), ...checkDiagrams(seq), ...checkReferenceConformance(seq)];
}
