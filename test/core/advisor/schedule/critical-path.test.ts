import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeCriticalPath } from '../../../../src/core/advisor/schedule/critical-path';
import { parseWorkBreakdown, type Task } from '../../../../src/core/advisor/schedule/work-breakdown';
import { workBreakdownArb } from './work-arbitrary';

// A(3) → B(2), A → C(4), B + C → D(2): worked by hand, the longest chain is A, C, D = 9; B may slip 2.
const diamond = parseWorkBreakdown([
  { id: 'A', name: 'Design', estimate: 3 },
  { id: 'B', name: 'Build API', estimate: 2, dependsOn: ['A'] },
  { id: 'C', name: 'Build UI', estimate: 4, dependsOn: ['A'] },
  { id: 'D', name: 'Test', estimate: 2, dependsOn: ['B', 'C'] },
]);

describe('computeCriticalPath', () => {
  it('computes earliest and latest starts, slack and the critical path of a diamond', () => {
    const net = computeCriticalPath(diamond, 'days');
    expect(net.duration).toBe(9);
    expect(net.criticalPath).toEqual(['A', 'C', 'D']);
    const b = net.tasks.find((t) => t.id === 'B')!;
    expect(b).toMatchObject({ earliestStart: 3, earliestFinish: 5, latestStart: 5, latestFinish: 7, slack: 2, critical: false });
    expect(net.tasks.find((t) => t.id === 'D')!.drivenBy).toEqual(['C']);
    expect(net.explanation[0]).toBe('With enough people, the work takes 9 days: the longest chain of dependent work is A → C → D.');
    expect(net.explanation).toContain('B has 2 days of slack: it can start as late as 5 instead of 3 without delaying the finish.');
  });

  it('lets start-to-start work overlap and honours lags', () => {
    const tasks = parseWorkBreakdown([
      { id: 'a', name: 'Factory', estimate: 10 },
      { id: 'b', name: 'Servicing', estimate: 10, dependsOn: ['a:SS+2'] },
      { id: 'c', name: 'Release', estimate: 1, dependsOn: ['b:FS+1'] },
    ]);
    const net = computeCriticalPath(tasks);
    expect(net.tasks.map((t) => [t.earliestStart, t.earliestFinish])).toEqual([[0, 10], [2, 12], [13, 14]]);
    expect(net.duration).toBe(14);
    // a's start drives b's start, and b is on the longest chain, so a has no slack either.
    expect(net.tasks[0]!.slack).toBe(0);
  });

  it('says when critical branches run side by side', () => {
    const tasks = parseWorkBreakdown([
      { id: 'a', name: 'A', estimate: 5 },
      { id: 'b', name: 'B', estimate: 5 },
    ]);
    const net = computeCriticalPath(tasks);
    expect(net.criticalPath).toEqual(['a', 'b']);
    expect(net.explanation).toContain('a, b are critical at the same time: the critical path branches there.');
  });

  it('marks a task near-critical when its slack is under a tenth of the duration', () => {
    const tasks = parseWorkBreakdown([
      { id: 'a', name: 'A', estimate: 20 },
      { id: 'b', name: 'B', estimate: 19 },
    ]);
    expect(computeCriticalPath(tasks, 'days').explanation.some((l) => l.startsWith('b has 1 day of slack') && l.includes('near-critical'))).toBe(true);
  });

  it('holds the CPM invariants on any acyclic breakdown', () => {
    fc.assert(fc.property(workBreakdownArb, (tasks: Task[]) => {
      const net = computeCriticalPath(tasks);
      const byId = new Map(net.tasks.map((t) => [t.id, t]));
      expect(net.duration).toBe(Math.max(0, ...net.tasks.map((t) => t.earliestFinish)));
      expect(net.criticalPath.length).toBeGreaterThan(0);
      for (const t of net.tasks) {
        expect(t.slack).toBeGreaterThanOrEqual(0);
        expect(t.latestFinish).toBeLessThanOrEqual(net.duration + 1e-9);
        expect(t.latestStart - t.earliestStart).toBeCloseTo(t.slack, 9);
      }
      for (const task of tasks) {
        const me = byId.get(task.id)!;
        for (const d of task.dependsOn) {
          const pred = byId.get(d.id)!;
          const bound = (d.type === 'FS' ? pred.earliestFinish : pred.earliestStart) + d.lag;
          expect(me.earliestStart).toBeGreaterThanOrEqual(bound - 1e-9);
          const lateBound = (d.type === 'FS' ? pred.latestFinish : pred.latestStart) + d.lag;
          expect(me.latestStart).toBeGreaterThanOrEqual(lateBound - 1e-9);
        }
      }
      // Some critical task ends the project, and delaying a critical task by 1 would delay it.
      expect(net.tasks.some((t) => t.critical && t.earliestFinish === net.duration)).toBe(true);
    }));
  });

  it('refuses a cyclic breakdown with the cycle named', () => {
    const cyclic: Task[] = [
      { id: 'a', name: 'A', estimate: 1, dependsOn: [{ id: 'b', type: 'FS', lag: 0 }] },
      { id: 'b', name: 'B', estimate: 1, dependsOn: [{ id: 'a', type: 'FS', lag: 0 }] },
    ];
    expect(() => computeCriticalPath(cyclic)).toThrow(/dependency cycle: (a → b → a|b → a → b)/);
  });
});
