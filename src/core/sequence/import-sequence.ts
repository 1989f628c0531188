// One import path for sequence JSON text (CLI, API, portal upload): repair a Windows-1252
// mis-decoding with a warning, parse with pointed errors, then check consistency.
import { repairEncoding, type RepairGuess } from './encoding-repair';
import { parseSequenceJson, type MusicalSequence, type SequenceError } from './schema';
import { checkSequenceConsistency } from './consistency';
import { warning, type SequenceIssue } from './issue';

export type SequenceImport =
  | { ok: true; sequence: MusicalSequence; issues: SequenceIssue[]; repaired: boolean; guesses: RepairGuess[] }
  | { ok: false; errors: SequenceError[]; issues: SequenceIssue[]; repaired: boolean; guesses: RepairGuess[] };

/** Imports sequence JSON text; `issues` holds encoding warnings plus, when valid, consistency findings. */
export function importSequenceText(text: string): SequenceImport {
  const repair = repairEncoding(text);
  const encodingIssues = repair.changed ? repair.warnings.map((w) => warning('', `encoding: ${w}`)) : [];
  const parsed = parseSequenceJson(repair.text);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.errors, issues: encodingIssues, repaired: repair.changed, guesses: repair.guesses };
  }
  return {
    ok: true,
    sequence: parsed.value,
    issues: [...encodingIssues, ...checkSequenceConsistency(parsed.value)],
    repaired: repair.changed,
    guesses: repair.guesses,
  };
}
