import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../../src/core/shared/error-codes';
import { analyzeOkrs } from '../../../../src/core/advisor/kpi/okr';

const objective = (krs: Array<{ baseline: number; target: number; current?: number; weight?: number }>, extra = {}) => ({
  id: 'O1',
  title: 'Faster escalations',
  ...extra,
  keyResults: krs.map((k, i) => ({ id: `KR${i + 1}`, title: `Result ${i + 1}`, ...k })),
});

describe('analyzeOkrs', () => {
  it('weights key-result progress into objective progress', () => {
    // KR1 halfway (weight 3), KR2 at target (weight 1): (3 × 0.5 + 1 × 1) / 4 = 0.625.
    const a = analyzeOkrs({ objectives: [objective([{ baseline: 0, target: 10, current: 5, weight: 3 }, { baseline: 40, target: 20, current: 20 }])] });
    expect(a.objectives[0]!.keyResults.map((k) => k.progress)).toEqual([0.5, 1]);
    expect(a.objectives[0]!.progress).toBeCloseTo(0.625, 12);
    // Without dates the mark is 70%; within 10 points of it counts as on track.
    expect(a.objectives[0]!.status).toBe('on track');
    expect(a.overall).toBeCloseTo(0.625, 12);
    expect(a.explanation[1]).toBe('Faster escalations: 62.5% (weighted over 2 key results), on track, judged against the usual 70% mark (no period and date given).');
  });

  it('calls progress well short of the 70% mark at risk or off track', () => {
    const status = (current: number) => analyzeOkrs({ objectives: [objective([{ baseline: 0, target: 100, current }])] }).objectives[0]!.status;
    expect([status(59), status(40), status(39), status(100)]).toEqual(['at risk', 'at risk', 'off track', 'achieved']);
  });

  it('compares progress with the share of the period gone', () => {
    const o = objective([{ baseline: 0, target: 100, current: 30 }], { start: '2026-01-01', end: '2026-04-01' });
    const early = analyzeOkrs({ objectives: [o] }, { asOf: '2026-01-21' });
    expect(early.objectives[0]!.elapsed).toBeCloseTo(20 / 90, 12);
    expect(early.objectives[0]!.status).toBe('on track');
    const late = analyzeOkrs({ objectives: [o] }, { asOf: '2026-03-31' });
    expect(late.objectives[0]!.status).toBe('off track');
  });

  it('leaves unmeasured key results out of the weighting and says so', () => {
    const a = analyzeOkrs({ objectives: [objective([{ baseline: 0, target: 10, current: 8 }, { baseline: 0, target: 10 }])] });
    expect(a.objectives[0]!.progress).toBeCloseTo(0.8, 12);
    expect(a.objectives[0]!.explanation[0]).toContain('(weighted over 1 key result (1 key results not measured yet))');
    expect(a.objectives[0]!.keyResults[1]!.explanation).toBe('Result 2: 0 → 10, no current value yet.');
    const none = analyzeOkrs({ objectives: [objective([{ baseline: 0, target: 10 }])] });
    expect(none.overall).toBeNull();
    expect(none.objectives[0]!.status).toBe('not measured');
    expect(none.explanation[0]).toBe('No key result has a current value yet.');
  });

  it('keeps objective progress between its weakest and strongest key result', () => {
    const kr = fc.record({ baseline: fc.integer({ min: 0, max: 50 }), delta: fc.integer({ min: 1, max: 50 }), current: fc.integer({ min: -20, max: 120 }), weight: fc.integer({ min: 1, max: 5 }), up: fc.boolean() });
    fc.assert(fc.property(fc.array(kr, { minLength: 1, maxLength: 6 }), (krs) => {
      const a = analyzeOkrs({ objectives: [objective(krs.map((k) => ({ baseline: k.baseline, target: k.up ? k.baseline + k.delta : k.baseline - k.delta, current: k.current, weight: k.weight })))] });
      const ps = a.objectives[0]!.keyResults.map((k) => k.progress!);
      expect(a.objectives[0]!.progress!).toBeGreaterThanOrEqual(Math.min(...ps) - 1e-12);
      expect(a.objectives[0]!.progress!).toBeLessThanOrEqual(Math.max(...ps) + 1e-12);
    }));
  });

  it('reads the seed 000 escalation OKR as achieved', () => {
    const okrs = JSON.parse(readFileSync(new URL('../../../../content/advisor/okrs-escalation.json', import.meta.url), 'utf8'));
    const a = analyzeOkrs(okrs);
    expect(a.objectives[0]!.status).toBe('achieved');
    expect(a.objectives[0]!.keyResults[0]!.explanation).toBe('Average escalation MTTR: 48 hours → 33.6 hours, now 28 hours = 100% of the way (target exceeded) (live: escalation metric "mttr").');
  });

  it('rejects a key result whose target equals its baseline, with the other errors', () => {
    try {
      analyzeOkrs({ objectives: [objective([{ baseline: 5, target: 5 }, { baseline: 1, target: 2, weight: 0 }])] });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors).toEqual([
        { pointer: '/objectives/0/keyResults/1/weight', message: 'weight must be above 0' },
        { pointer: '/objectives/0/keyResults/0/target', message: 'the target equals the baseline (5): there is nothing to make progress on' },
      ]);
    }
  });
});
