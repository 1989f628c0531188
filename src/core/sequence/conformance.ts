// Where a sequence that loads here departs from the reference JSON Schema: the reference
// documents themselves do, so these load and render but are reported as warnings.
import type { Beat, MusicalSequence } from './schema';
import { warning, type SequenceIssue } from './issue';

const referenceScopes = ['plugin', 'orchestration', 'system', 'policy', 'external'];

function beatDepartures(beat: Beat): string[] {
  const out: string[] = [];
  if (beat.testFile === undefined) out.push('it has no testFile');
  if (!Array.isArray(beat.acceptanceCriteria)) {
    out.push(
      'acceptanceCriteria is a single object where an array of { given, when, then, and } lists is expected, so it is not rendered',
    );
  }
  if (typeof beat.handler === 'object' && beat.handler.scope !== undefined && !referenceScopes.includes(beat.handler.scope)) {
    out.push(`handler scope "${beat.handler.scope}" is not one of ${referenceScopes.join(', ')}`);
  }
  return out;
}

/** One warning per beat that departs from the reference schema, listing how. */
export function checkReferenceConformance(seq: MusicalSequence): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  seq.movements.forEach((movement, m) => {
    movement.beats.forEach((beat, b) => {
      const departures = beatDepartures(beat);
      if (departures.length > 0) {
        issues.push(warning(`/movements/${m}/beats/${b}`, `differs from the reference schema: ${departures.join('; ')}`));
      }
    });
  });
  return issues;
}
