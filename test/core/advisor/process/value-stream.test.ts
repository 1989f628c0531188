import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../../src/core/shared/error-codes';
import { analyzeValueStream } from '../../../../src/core/advisor/process/value-stream';
import { streamArb } from './stream-arbitrary';

const example = JSON.parse(readFileSync(new URL('../../../../content/advisor/value-stream-escalation.json', import.meta.url), 'utf8'));

describe('analyzeValueStream', () => {
  it('computes lead time, process cycle efficiency and yield for a small stream', () => {
    // 10 + 5 working (5 of it not value-adding), 30 + 15 waiting: lead 60, PCE 10/60.
    const a = analyzeValueStream({
      steps: [
        { name: 'Intake', processTime: 10, waitTime: 30, volume: 20, defectRate: 0.1 },
        { name: 'Approve', processTime: 5, waitTime: 15, volume: 20, valueAdding: false },
      ],
    });
    expect(a.leadTime).toBe(60);
    expect(a.valueAddedTime).toBe(10);
    expect(a.processCycleEfficiency).toBeCloseTo(1 / 6, 12);
    expect(a.firstPassYield).toBeCloseTo(0.9, 12);
    expect(a.taktTime).toBeNull();
    expect(a.throughput).toBeNull();
    expect(a.explanation[1]).toBe('Process cycle efficiency: 16.7% (10 minutes of value-adding work in 60 minutes); 75% of the lead time is waiting.');
  });

  it('finds the bottleneck by work per person and explains why', () => {
    const a = analyzeValueStream({
      availableTime: 480,
      steps: [
        { name: 'Triage', processTime: 10, waitTime: 5, volume: 30, people: 1 },
        { name: 'Diagnose', processTime: 60, waitTime: 300, volume: 10, people: 1 },
        { name: 'Fix', processTime: 40, waitTime: 20, volume: 10, people: 2 },
      ],
    });
    expect(a.bottleneck.step).toBe('Diagnose');
    expect(a.steps[1]!.utilization).toBeCloseTo(600 / 480, 12);
    expect(a.bottleneck.reasons).toEqual([
      'It carries the most work per person: 10 units per day × 60 minutes = 600 minutes for 1 person, 600 minutes each.',
      'Next is Triage with 300 minutes per person.',
      'At 125% utilization it cannot keep up: its queue grows every day.',
      'Work also waits longest in front of it (300 minutes).',
    ]);
    expect(a.throughput).toBe(8);
  });

  it('compares each step with takt time when demand is known', () => {
    const a = analyzeValueStream({
      availableTime: 400,
      demand: 10,
      steps: [
        { name: 'Fast', processTime: 30, waitTime: 0, volume: 10 },
        { name: 'Slow', processTime: 50, waitTime: 0, volume: 10 },
        { name: 'Shared', processTime: 50, waitTime: 0, volume: 10, people: 2 },
      ],
    });
    expect(a.taktTime).toBe(40);
    expect(a.explanation).toContain(
      'Takt time: 40 minutes per unit (400 minutes available per person per day for a demand of 10). Slower than takt: Slow (50 minutes per unit).',
    );
  });

  it('analyses the shipped escalation example', () => {
    const a = analyzeValueStream(example);
    expect(a.leadTime).toBe(48 * 60);
    expect(a.bottleneck.step).toBe('L2 diagnosis');
    expect(a.steps[a.bottleneck.index]!.utilization).toBeCloseTo(1.125, 12);
    expect(a.wastes.map((w) => w.category)).toEqual(['Transport', 'Inventory', 'Waiting', 'Overprocessing', 'Defects']);
  });

  it('keeps its arithmetic consistent on any stream', () => {
    fc.assert(fc.property(streamArb, (input) => {
      const a = analyzeValueStream(input);
      expect(a.leadTime).toBe(input.steps.reduce((s, x) => s + x.processTime + x.waitTime, 0));
      expect(a.processTime + a.waitTime).toBe(a.leadTime);
      expect(a.processCycleEfficiency).toBeGreaterThanOrEqual(0);
      expect(a.processCycleEfficiency).toBeLessThanOrEqual(1);
      const maxLoad = Math.max(...a.steps.map((s) => s.workloadPerPerson));
      expect(a.steps[a.bottleneck.index]!.workloadPerPerson).toBe(maxLoad);
      expect(a.explanation.join('\n')).not.toMatch(/undefined|NaN|null|\[object Object\]/);
    }));
  });

  it('never shortens lead time or raises efficiency when a step waits longer', () => {
    fc.assert(fc.property(streamArb, fc.nat(), fc.integer({ min: 1, max: 500 }), (input, pick, extra) => {
      const i = pick % input.steps.length;
      const longer = { ...input, steps: input.steps.map((s, k) => (k === i ? { ...s, waitTime: s.waitTime + extra } : s)) };
      const [before, after] = [analyzeValueStream(input), analyzeValueStream(longer)];
      expect(after.leadTime).toBe(before.leadTime + extra);
      expect(after.processCycleEfficiency).toBeLessThanOrEqual(before.processCycleEfficiency);
    }));
  });

  it('rejects bad input with every field located', () => {
    try {
      analyzeValueStream({ steps: [{ name: 'A', processTime: 1, waitTime: -1, volume: 1 }, { name: 'B' }] } as never);
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const pointers = (error as AppError).errors.map((e) => e.pointer);
      expect(pointers).toEqual(['/steps/0/waitTime', '/steps/1/processTime', '/steps/1/waitTime', '/steps/1/volume']);
    }
  });
});
