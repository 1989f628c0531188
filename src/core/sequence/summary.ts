// Per-sequence and per-run figures for the `ow docs` summary line.
import type { MusicalSequence } from './schema';
import type { SequenceIssue } from './issue';

export type SequenceSummary = {
  id: string;
  name: string;
  movements: number;
  beats: number;
  events: number;
  warnings: number;
  errors: number;
};

export type DocsTotals = {
  files: number;
  /** Files that parsed as sequences (and were rendered). */
  valid: number;
  invalid: number;
  movements: number;
  beats: number;
  warnings: number;
  errors: number;
};

function countSeverity(issues: ReadonlyArray<{ severity: SequenceIssue['severity'] }>, severity: SequenceIssue['severity']): number {
  return issues.filter((i) => i.severity === severity).length;
}

/** Figures for one valid sequence and the issues found in it (consistency, encoding, …). */
export function summarizeSequence(seq: MusicalSequence, issues: ReadonlyArray<SequenceIssue>): SequenceSummary {
  return {
    id: seq.id,
    name: seq.name,
    movements: seq.movements.length,
    beats: seq.movements.reduce((sum, m) => sum + m.beats.length, 0),
    events: new Set(seq.movements.flatMap((m) => m.beats.map((b) => b.event))).size,
    warnings: countSeverity(issues, 'warning'),
    errors: countSeverity(issues, 'error'),
  };
}

export type FileOutcome =
  | { ok: true; summary: SequenceSummary }
  | { ok: false; errors: number; warnings?: number };

/** Totals over a run; an invalid file counts its parse errors and no movements or beats. */
export function totalSummaries(outcomes: ReadonlyArray<FileOutcome>): DocsTotals {
  const totals: DocsTotals = { files: 0, valid: 0, invalid: 0, movements: 0, beats: 0, warnings: 0, errors: 0 };
  for (const o of outcomes) {
    totals.files++;
    if (o.ok) {
      totals.valid++;
      totals.movements += o.summary.movements;
      totals.beats += o.summary.beats;
      totals.warnings += o.summary.warnings;
      totals.errors += o.summary.errors;
    } else {
      totals.invalid++;
      totals.errors += o.errors;
      totals.warnings += o.warnings ?? 0;
    }
  }
  return totals;
}

/** One line such as "2 files (2 valid), 8 movements, 28 beats, 30 warnings, 4 errors". */
export function formatTotals(t: DocsTotals): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const validity = t.invalid === 0 ? `${t.valid} valid` : `${t.valid} valid, ${t.invalid} invalid`;
  return (
    `${plural(t.files, 'file')} (${validity}), ${plural(t.movements, 'movement')}, ${plural(t.beats, 'beat')}, ` +
    `${plural(t.warnings, 'warning')}, ${plural(t.errors, 'error')}`
  );
}
