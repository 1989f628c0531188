import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../../src/core/shared/error-codes';
import { checkSmart, checkSmartAll } from '../../../../src/core/advisor/kpi/smart';
import type { KpiInput } from '../../../../src/core/advisor/kpi/kpi';

const good: KpiInput = {
  id: 'mttr',
  name: 'Escalation MTTR',
  unit: 'hours',
  baseline: 48,
  target: 33.6,
  deadline: '2026-06-30',
  alignedTo: 'Resolve escalations faster',
  binding: { source: 'escalation', metric: 'mttr' },
};

const verdicts = (kpi: KpiInput, options = {}) => Object.fromEntries(checkSmart(kpi, options).criteria.map((c) => [c.letter, c.passed]));

describe('checkSmart', () => {
  it('passes a well-formed KPI and says why for each letter', () => {
    const check = checkSmart(good);
    expect(check.smart).toBe(true);
    expect(check.criteria.map((c) => c.explanation)).toEqual([
      'names a concrete quantity that should decrease.',
      'measured in hours from the live escalation metric "mttr", against a target of 33.6.',
      'a 30% change from the baseline, within the 50% treated as reachable without further evidence.',
      'serves the objective "Resolve escalations faster".',
      'due by 2026-06-30.',
    ]);
    expect(check.explanation[0]).toBe('Escalation MTTR: SMART.');
  });

  it('fails Specific for vague names and missing direction', () => {
    const check = checkSmart({ id: 'x', name: 'Better service' });
    expect(check.criteria[0]).toEqual({
      letter: 'S',
      name: 'Specific',
      passed: false,
      explanation: 'the name uses vague words (better); name the quantity itself, e.g. "mean time to resolve"; no direction: say whether it should go up or down (direction, or a baseline and a different target).',
    });
    expect(check.passed).toBe(0);
    expect(check.explanation[0]).toBe('Better service: 0 of 5 SMART criteria met.');
  });

  it('fails Measurable listing each missing piece', () => {
    const check = checkSmart({ ...good, unit: undefined, binding: undefined, baseline: undefined });
    expect(check.criteria[1]!.explanation).toBe('no unit; no baseline or current value to measure against; no data source (dataSource, or a binding to a live metric).');
  });

  it('judges Achievable by the size of the step, a rationale or the trend', () => {
    const big = { ...good, target: 10 };
    expect(verdicts(big).A).toBe(false);
    expect(checkSmart(big).criteria[2]!.explanation).toBe('a 79.2% change from the baseline, above 50%, with no rationale and no trend that reaches it by the deadline.');
    expect(verdicts({ ...big, rationale: 'automation removes the manual dispatch' }).A).toBe(true);
    const falling = { ...big, history: [{ at: '2026-01-01', value: 48 }, { at: '2026-02-01', value: 40 }, { at: '2026-03-01', value: 32 }] };
    expect(verdicts(falling).A).toBe(true);
    expect(checkSmart(falling).criteria[2]!.explanation).toContain('the current trend reaches');
    expect(verdicts({ ...good, direction: 'increase' }).A).toBe(false);
    expect(verdicts({ ...good, unit: '%', baseline: 90, target: 120 }).A).toBe(false);
    expect(verdicts({ ...good, baseline: undefined }).A).toBe(false);
  });

  it('measures a step toward 100% by the gap it closes', () => {
    const uptime = { ...good, name: 'Platform uptime', unit: '%', baseline: 99.5, target: 99.9 };
    expect(checkSmart(uptime).criteria[2]).toMatchObject({ passed: false, explanation: expect.stringContaining('closing 80% of the gap between the baseline and 100%') });
  });

  it('fails Relevant without an objective and Time-bound without a date or a passed date', () => {
    expect(verdicts({ ...good, alignedTo: undefined }).R).toBe(false);
    expect(verdicts({ ...good, deadline: undefined }).T).toBe(false);
    expect(verdicts({ ...good, deadline: undefined, timeframe: 'within 3 months' }).T).toBe(true);
    const late = checkSmart(good, { asOf: '2026-07-01' });
    expect(late.criteria[4]).toMatchObject({ passed: false, explanation: 'the deadline 2026-06-30 has passed (as of 2026-07-01); set a new one.' });
  });

  it('rejects an invalid KPI with its field', () => {
    try {
      checkSmart({ id: 'k', name: 'X', deadline: 'soon' });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors).toEqual([{ pointer: '/deadline', message: 'a date must look like 2026-01-31' }]);
    }
  });
});

describe('checkSmartAll', () => {
  it('finds every seed 002 success metric SMART', () => {
    const kpis = JSON.parse(readFileSync(new URL('../../../../content/advisor/kpis-epic-5.1.json', import.meta.url), 'utf8'));
    const result = checkSmartAll(kpis);
    expect(result.explanation[0]).toBe('8 of 8 KPIs are SMART.');
    expect(result.explanation.join('\n')).not.toMatch(/undefined|NaN|null|\[object Object\]/);
  });
});
