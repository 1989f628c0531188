import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyzeValueStream } from '../../../../src/core/advisor/process/value-stream';
import { buildDmaicReport } from '../../../../src/core/advisor/process/dmaic';
import { AppError } from '../../../../src/core/shared/error-codes';
import { streamArb } from './stream-arbitrary';

const example = JSON.parse(readFileSync(new URL('../../../../content/advisor/value-stream-escalation.json', import.meta.url), 'utf8'));

describe('buildDmaicReport', () => {
  it('walks the five phases with measurable targets for the escalation example', () => {
    const report = buildDmaicReport(analyzeValueStream(example));
    expect(report.phases.map((p) => p.phase)).toEqual(['Define', 'Measure', 'Analyze', 'Improve', 'Control']);
    // Needed: 25% of 2880 = 720 minutes; halving the two longest waits (900 and 600) saves 750.
    expect(report.actions.filter((a) => a.saving > 0).map((a) => [a.step, a.saving])).toEqual([['L2 diagnosis', 450], ['Dispatch to L2', 300]]);
    expect(report.projectedLeadTime).toBe(2130);
    expect(report.meetsTarget).toBe(true);
    expect(report.targets.map((t) => [t.metric, t.baseline, t.target])).toEqual([
      ['Lead time', 2880, 2160],
      ['Process cycle efficiency', 180 / 2880, 180 / 2160],
      ['Rework rate', expect.closeTo(0.22, 12), 0.01],
      ['L2 diagnosis utilization', 1.125, 0.85],
    ]);
    expect(report.targets.every((t) => t.by === 'within 3 months')).toBe(true);
    expect(report.actions.map((a) => a.action)).toContain('Add capacity at L2 diagnosis: 3 people instead of 2 bring utilization under 85% (or move work off it)');
    expect(report.explanation).toContain('Control: Lead time from 2880 to at most 2160 minutes per ticket (−25%) within 3 months.');
  });

  it('says when tuning cannot reach the target', () => {
    const a = analyzeValueStream({ steps: [{ name: 'Work', processTime: 100, waitTime: 20, volume: 1 }] });
    const report = buildDmaicReport(a, { targetReduction: 0.5, horizon: 'by Q3' });
    expect(report.meetsTarget).toBe(false);
    expect(report.projectedLeadTime).toBe(110);
    expect(report.phases[3]!.findings.at(-1)).toBe('Even all of these only reach about 110 minutes, short of the 60 minutes target: the process needs redesign, not tuning.');
  });

  it('projects a lead time no longer than the baseline and meets the target exactly when it says so', () => {
    fc.assert(fc.property(streamArb, fc.constantFrom(0.1, 0.25, 0.5), (input, r) => {
      const a = analyzeValueStream(input);
      const report = buildDmaicReport(a, { targetReduction: r });
      expect(report.projectedLeadTime).toBeLessThanOrEqual(a.leadTime);
      expect(report.meetsTarget).toBe(report.projectedLeadTime <= a.leadTime * (1 - r) + 1e-9);
      expect(report.explanation.join('\n')).not.toMatch(/undefined|NaN|null|\[object Object\]/);
    }));
  });

  it('validates its options', () => {
    const a = analyzeValueStream(example);
    expect(() => buildDmaicReport(a, { targetReduction: 1.5 })).toThrow(AppError);
    expect(() => buildDmaicReport(a, { targetReduction: 1.5 })).toThrow(/\/targetReduction: targetReduction must be below 1/);
  });
});
