import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../../src/core/shared/error-codes';
import { analyzeRisks, type RiskRegisterInput } from '../../../../src/core/advisor/risk/register';

const epic = JSON.parse(readFileSync(new URL('../../../../content/advisor/risks-epic-5.1.json', import.meta.url), 'utf8'));

const base = { owner: 'Ops lead', strategy: 'mitigate' as const, mitigation: 'Watch it' };

function rejection(input: unknown): AppError {
  try {
    analyzeRisks(input as RiskRegisterInput);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the register to be rejected');
}

describe('analyzeRisks', () => {
  it('scores, ranks and counts risks by level', () => {
    const a = analyzeRisks({
      risks: [
        { ...base, id: 'low', title: 'Minor', probability: 1, impact: 2 },
        { ...base, id: 'crit', title: 'Outage', probability: 5, impact: 4, contingency: 'Fail over', triggers: ['Error rate rises'] },
        { ...base, id: 'mid', title: 'Churn', probability: 3, impact: 2 },
      ],
    });
    expect(a.risks.map((r) => [r.id, r.score, r.level])).toEqual([['crit', 20, 'critical'], ['mid', 6, 'medium'], ['low', 2, 'low']]);
    expect(a.byLevel).toEqual({ low: 1, medium: 1, high: 0, critical: 1 });
    expect(a.heatMap.matrix[3]![4]!.ids).toEqual(['crit']);
    expect(a.explanation[0]).toBe('Risk register: 3 risks – 1 critical, 0 high, 1 medium, 1 low.');
    expect(a.explanation).toContain('crit Outage: probability 5 × impact 4 = 20 (critical); mitigate, owner Ops lead.');
  });

  it('flags what a serious risk is missing and breached indicators', () => {
    const a = analyzeRisks({
      risks: [
        { id: 'A', title: 'Vendor exit', probability: 4, impact: 4, strategy: 'accept', owner: 'CFO' },
        {
          ...base,
          id: 'B',
          title: 'Backlog',
          probability: 2,
          impact: 3,
          contingency: 'Open overflow queue',
          kris: [{ name: 'Open tickets', threshold: 100, breachWhen: 'above', current: 130 }],
        },
      ],
    });
    expect(a.risks[0]!.attention).toEqual([
      'accepting a high risk (score 16) needs an explicit sign-off.',
      'a high risk needs a contingency: what happens if it occurs.',
      'no trigger or key risk indicator says when it is happening.',
    ]);
    expect(a.breachedKris).toEqual([{ riskId: 'B', kri: 'Open tickets' }]);
    expect(a.risks[1]!.attention).toEqual(['Open tickets is breached (130 against 100); contingency: Open overflow queue']);
    expect(a.explanation).not.toContain('No key risk indicator is breached.');
  });

  it('reports every invalid field with its pointer, and nothing is analysed', () => {
    const error = rejection({
      risks: [
        { id: 'R1', title: 'A', probability: 0, impact: 6, strategy: 'ignore', owner: '' },
        { id: 'R1', title: 'B', probability: 2.5, impact: 3, strategy: 'transfer', owner: 'Legal' },
      ],
    });
    expect(error.errors).toEqual([
      { pointer: '/risks/0/probability', message: 'probability must be from 1 to 5' },
      { pointer: '/risks/0/impact', message: 'impact must be from 1 to 5' },
      { pointer: '/risks/0/strategy', message: 'strategy must be one of avoid, mitigate, transfer, accept' },
      { pointer: '/risks/0/owner', message: 'every risk needs an owner' },
      { pointer: '/risks/1/probability', message: 'probability must be a whole number from 1 to 5' },
      { pointer: '/risks/1/mitigation', message: 'strategy "transfer" needs a mitigation: what will be done about the risk' },
      { pointer: '/risks/1/id', message: 'duplicate risk id "R1" (first used by risk 1)' },
    ]);
  });

  it('rejects an empty register', () => {
    expect(rejection({ risks: [] }).errors).toEqual([{ pointer: '/risks', message: 'a register needs at least one risk' }]);
  });

  it('reads the shipped Epic 5.1 register from seed 002', () => {
    const a = analyzeRisks(epic);
    expect(a.risks.map((r) => [r.id, r.score, r.level])).toEqual([['R1', 12, 'high'], ['R2', 9, 'medium'], ['R3', 9, 'medium'], ['R4', 4, 'low']]);
    expect(a.risks.every((r) => r.strategy === 'mitigate' && r.contingency && r.triggers.length > 0 && r.kris.length > 0)).toBe(true);
    expect(a.risks.find((r) => r.id === 'R1')!.contingency).toBe('Have 1-week buffer, can use existing patterns temporarily');
    expect(a.risks.flatMap((r) => r.attention)).toEqual([]);
    expect(a.explanation.join('\n')).not.toMatch(/undefined|NaN|null|\[object Object\]/);
  });
});
