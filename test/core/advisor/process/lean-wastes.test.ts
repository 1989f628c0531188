import { describe, it, expect } from 'vitest';
import { findLeanWastes, LEAN_WASTES } from '../../../../src/core/advisor/process/lean-wastes';
import { valueStreamSchema, type ValueStreamInput } from '../../../../src/core/advisor/process/process-steps';

const wastesOf = (input: ValueStreamInput) => {
  const stream = valueStreamSchema.parse(input);
  return findLeanWastes(stream, stream.steps.reduce((s, x) => s + x.processTime + x.waitTime, 0));
};

describe('findLeanWastes', () => {
  it('gives evidence for each waste the data shows', () => {
    const { wastes } = wastesOf({
      unitName: 'tickets',
      demand: 10,
      steps: [
        { name: 'Intake', processTime: 5, waitTime: 60, volume: 14 },
        { name: 'Re-key', processTime: 4, waitTime: 0, volume: 10, valueAdding: false, handoff: true, queue: 7 },
        { name: 'Fix', processTime: 30, waitTime: 10, volume: 10, defectRate: 0.2 },
      ],
    });
    const byCategory = Object.fromEntries(wastes.map((w) => [w.category, w]));
    expect(Object.keys(byCategory)).toEqual(['Transport', 'Inventory', 'Waiting', 'Overproduction', 'Overprocessing', 'Defects']);
    expect(byCategory.Waiting!.evidence).toEqual([
      'Intake: 60 minutes of waiting for 5 minutes of work', // 60 of a 109-minute lead time
      'waiting in these steps is 55% of the lead time',
    ]);
    expect(byCategory.Overproduction!.evidence).toEqual(['Intake handles 14 tickets per day, 4 more than the demand of 10']);
    expect(byCategory.Defects!).toMatchObject({ steps: ['Fix'], cost: 2, costUnit: 'reworked tickets per day' });
    expect(byCategory.Inventory!.evidence).toEqual(['7 tickets wait in front of Re-key']);
    expect(byCategory.Overprocessing!.evidence).toEqual(['Re-key adds no value yet takes 4 minutes per ticket']);
  });

  it('accounts for every lean waste, found or not', () => {
    const { wastes, notAssessed } = wastesOf({ steps: [{ name: 'Only', processTime: 5, waitTime: 1, volume: 1 }] });
    expect(wastes).toEqual([]);
    expect(notAssessed.map((w) => w.category)).toEqual([...LEAN_WASTES]);
    expect(notAssessed.find((w) => w.category === 'Waiting')).toEqual({ category: 'Waiting', status: 'no evidence', reason: 'no step waits longer than it works.' });
    expect(notAssessed.find((w) => w.category === 'Overproduction')!.status).toBe('not measurable');
    expect(notAssessed.find((w) => w.category === 'Motion')!.status).toBe('not measurable');
  });
});
