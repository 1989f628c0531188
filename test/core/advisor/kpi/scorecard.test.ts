import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildScorecard } from '../../../../src/core/advisor/kpi/scorecard';

describe('buildScorecard', () => {
  it('groups KPIs by perspective, scores them and names the gaps', () => {
    const card = buildScorecard([
      { id: 'a', name: 'Cost per ticket', unit: 'EUR', baseline: 20, target: 10, current: 15, perspective: 'Financial' },
      { id: 'b', name: 'CSAT', unit: 'points', baseline: 3, target: 4, current: 4.2, perspective: 'Customer' },
      { id: 'c', name: 'Breach rate', unit: '%', baseline: 30, target: 10, perspective: 'Customer', binding: { source: 'escalation', metric: 'sla_breach_rate' } },
      { id: 'd', name: 'Orphan', baseline: 1, target: 2, current: 1.2 },
    ]);
    expect(card.perspectives.map((p) => [p.perspective, p.kpis.map((k) => k.id), p.score])).toEqual([
      ['Financial', ['a'], 0.5],
      ['Customer', ['b', 'c'], 1],
      ['Internal Process', [], null],
      ['Learning & Growth', [], null],
    ]);
    expect(card.gaps).toEqual(['Internal Process', 'Learning & Growth']);
    expect(card.unassigned.map((k) => [k.id, k.status])).toEqual([['d', 'behind']]);
    expect(card.explanation).toContain('Internal Process: no KPI – the scorecard is blind here.');
    expect(card.explanation).toContain('Cost per ticket: 20 EUR → 10 EUR, now 15 EUR: 50% of the way, on track.');
    expect(card.explanation).toContain('Breach rate: 30% → 10%, not measured yet (live: escalation metric "sla_breach_rate").');
    expect(card.explanation.at(-1)).toBe('Not in any perspective: Orphan; set "perspective" to place them.');
  });

  it('takes the latest history value as current and reports the trend', () => {
    const card = buildScorecard([
      {
        id: 'm',
        name: 'MTTR',
        unit: 'hours',
        baseline: 48,
        target: 30,
        perspective: 'Internal Process',
        history: [{ at: '2026-01-01', value: 48 }, { at: '2026-02-01', value: 44 }, { at: '2026-03-01', value: 39 }],
      },
    ]);
    const kpi = card.perspectives[2]!.kpis[0]!;
    expect(kpi.current).toBe(39);
    expect(kpi.attainment).toBeCloseTo(0.5, 12);
    expect(kpi.trend!.slope).toBeLessThan(0);
    expect(card.explanation).toContain('MTTR: 48 hours → 30 hours, now 39 hours: 50% of the way, on track; trend improving.');
  });

  it('shows the seed 002 scorecard blind on Learning & Growth', () => {
    const kpis = JSON.parse(readFileSync(new URL('../../../../content/advisor/kpis-epic-5.1.json', import.meta.url), 'utf8'));
    const card = buildScorecard(kpis);
    expect(card.gaps).toEqual(['Learning & Growth']);
    expect(card.perspectives.map((p) => p.kpis.length)).toEqual([1, 3, 4, 0]);
    expect(card.explanation.join('\n')).not.toMatch(/undefined|NaN|null|\[object Object\]/);
  });
});
