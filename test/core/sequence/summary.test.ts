import { describe, it, expect } from 'vitest';
import { formatTotals, summarizeSequence, totalSummaries } from '../../../src/core/sequence/summary';
import { checkSequenceConsistency } from '../../../src/core/sequence/consistency';
import { referenceSequence } from './fixtures';

describe('summaries', () => {
  it('counts movements, beats, distinct events and issues of a sequence', () => {
    const seq = referenceSequence('operator-implementation');
    const issues = checkSequenceConsistency(seq);
    const summary = summarizeSequence(seq, issues);
    expect(summary).toMatchObject({ id: 'operator-implementation', movements: 4, beats: 14, events: 11 });
    expect(summary.errors).toBe(issues.filter((i) => i.severity === 'error').length);
    expect(summary.warnings + summary.errors).toBe(issues.length);
  });

  it('totals a run, counting invalid files by their errors', () => {
    const a = summarizeSequence(referenceSequence('operator-implementation'), [{ severity: 'warning', pointer: '', message: 'w' }]);
    const b = summarizeSequence(referenceSequence('msp-domain-expert'), []);
    const totals = totalSummaries([{ ok: true, summary: a }, { ok: true, summary: b }, { ok: false, errors: 3 }]);
    expect(totals).toEqual({ files: 3, valid: 2, invalid: 1, movements: 8, beats: 28, warnings: 1, errors: 3 });
    expect(formatTotals(totals)).toBe('3 files (2 valid, 1 invalid), 8 movements, 28 beats, 1 warning, 3 errors');
    expect(formatTotals(totalSummaries([]))).toBe('0 files (0 valid), 0 movements, 0 beats, 0 warnings, 0 errors');
  });
});
