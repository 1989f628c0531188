import { describe, expect, it } from 'vitest';
import { failureRate, minuteSeries, retentionCutoff, sampleWindow, summarize, type QueueSample } from '../../../src/core/ops/queue-stats';

const sample = (at: string, over: Partial<QueueSample> = {}): QueueSample => ({ queue: 'q', at, depth: 0, running: 0, oldestAgeMs: 0, completed: 0, failed: 0, deadLettered: 0, ...over });

describe('queue statistics', () => {
  it('samples the last complete minute and keeps seven days', () => {
    expect(sampleWindow(new Date('2026-03-02T09:05:42.123Z'))).toEqual({ from: new Date('2026-03-02T09:04:00.000Z'), to: new Date('2026-03-02T09:05:00.000Z') });
    expect(retentionCutoff(new Date('2026-03-09T09:00:00Z')).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('has no failure rate without finished attempts, else failed over all', () => {
    expect(failureRate(0, 0)).toBeNull();
    expect(failureRate(3, 1)).toBe(0.25);
    expect(failureRate(0, 2)).toBe(1);
  });

  it('summarizes a window: throughput per minute over the whole window, peaks of depth and age', () => {
    const s = summarize([sample('2026-03-02T09:00:00Z', { completed: 6, failed: 2, depth: 4, oldestAgeMs: 900 }), sample('2026-03-02T09:01:00Z', { completed: 3, depth: 9, deadLettered: 1, failed: 1 })], 10);
    expect(s).toEqual({ minutes: 10, completed: 9, failed: 3, deadLettered: 1, throughputPerMinute: 0.9, failureRate: 0.25, maxDepth: 9, maxOldestAgeMs: 900 });
  });

  it('draws one point per minute: idle minutes have no activity and keep the last depth', () => {
    const series = minuteSeries([sample('2026-03-02T09:01:00.000Z', { depth: 5, completed: 2, failed: 2 }), sample('2026-03-02T09:03:00.000Z', { depth: 1 })], new Date('2026-03-02T09:00:00Z'), new Date('2026-03-02T09:05:00Z'));
    expect(series.map((p) => [p.at.slice(11, 16), p.depth, p.completed, p.failed, p.failureRate])).toEqual([
      ['09:00', 0, 0, 0, null],
      ['09:01', 5, 2, 2, 0.5],
      ['09:02', 5, 0, 0, null],
      ['09:03', 1, 0, 0, null],
      ['09:04', 1, 0, 0, null],
    ]);
  });
});
