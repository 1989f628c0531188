import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeCriticalPath } from '../../../../src/core/advisor/schedule/critical-path';
import { levelResources, personNames } from '../../../../src/core/advisor/schedule/resource-leveling';
import { topologicalOrder } from '../../../../src/core/advisor/schedule/dependency-graph';
import { forwardPass } from '../../../../src/core/advisor/schedule/network-passes';
import { parseWorkBreakdown, type Task } from '../../../../src/core/advisor/schedule/work-breakdown';
import { workBreakdownArb } from './work-arbitrary';

function level(tasks: Task[], people: number) {
  return levelResources(tasks, computeCriticalPath(tasks, 'days'), { people, unit: 'days' });
}

describe('levelResources', () => {
  it('gives the least-slack task to the first free person', () => {
    const tasks = parseWorkBreakdown([
      { id: 'short', name: 'Short', estimate: 2 },
      { id: 'long', name: 'Long', estimate: 4 },
      { id: 'mid', name: 'Mid', estimate: 3 },
    ]);
    const s = level(tasks, 1);
    expect(s.tasks.map((t) => [t.id, t.start, t.finish])).toEqual([['short', 7, 9], ['long', 0, 4], ['mid', 4, 7]]);
    expect(s.duration).toBe(9);
    expect(s.tasks.every((t) => t.assignee === 'Person 1')).toBe(true);
    expect(s.explanation).toContain('short starts at 7 instead of 0: it waited 7 days for a free person.');
    expect(s.explanation[1]).toContain('Too few people stretch it by 5 days');
    expect(s.load[0]).toMatchObject({ person: 'Person 1', tasks: ['long', 'mid', 'short'], busy: 9, utilization: 1 });
  });

  it('uses the given names and says when someone has nothing to do', () => {
    const tasks = parseWorkBreakdown([{ id: 'a', name: 'A', estimate: 2 }]);
    const s = levelResources(tasks, computeCriticalPath(tasks), { people: 2, names: ['Ada', ' '] });
    expect(s.tasks[0]!.assignee).toBe('Ada');
    expect(s.explanation).toContain('Person 2 has no task: more people than the work can use at once.');
  });

  it('gives a zero-estimate milestone no assignee and no time', () => {
    const tasks = parseWorkBreakdown([
      { id: 'a', name: 'A', estimate: 2 },
      { id: 'm', name: 'Gate', estimate: 0, dependsOn: ['a'] },
      { id: 'b', name: 'B', estimate: 1, dependsOn: ['m'] },
    ]);
    const s = level(tasks, 1);
    expect(s.tasks[1]).toMatchObject({ id: 'm', start: 2, finish: 2, assignee: null });
    expect(s.tasks[2]).toMatchObject({ start: 2, finish: 3 });
  });

  it('starts start-to-start successors at the same instant when a person is free', () => {
    const tasks = parseWorkBreakdown([
      { id: 'a', name: 'A', estimate: 5 },
      { id: 'b', name: 'B', estimate: 5, dependsOn: ['a:SS'] },
    ]);
    expect(level(tasks, 2).tasks.map((t) => t.start)).toEqual([0, 0]);
    expect(level(tasks, 1).tasks.map((t) => t.start)).toEqual([0, 5]);
  });

  it('never double-books a person, respects dependencies and never idles while work is ready', () => {
    fc.assert(fc.property(workBreakdownArb, fc.integer({ min: 1, max: 4 }), (tasks, people) => {
      const s = level(tasks, people);
      const byId = new Map(s.tasks.map((t) => [t.id, t]));
      for (const task of tasks) {
        const me = byId.get(task.id)!;
        expect(me.finish - me.start).toBeCloseTo(task.estimate, 9);
        expect(me.resourceDelay).toBeGreaterThanOrEqual(0);
        for (const d of task.dependsOn) {
          const pred = byId.get(d.id)!;
          expect(me.start).toBeGreaterThanOrEqual((d.type === 'FS' ? pred.finish : pred.start) + d.lag - 1e-9);
        }
      }
      for (const lane of personNames(people)) {
        const own = s.tasks.filter((t) => t.assignee === lane).sort((a, b) => a.start - b.start);
        for (let i = 1; i < own.length; i++) expect(own[i]!.start).toBeGreaterThanOrEqual(own[i - 1]!.finish - 1e-9);
      }
      // Non-delay: when a task could have started earlier, every person was busy at that instant.
      const working = s.tasks.filter((t) => t.estimate > 0);
      for (const task of tasks.filter((t) => t.estimate > 0)) {
        const me = byId.get(task.id)!;
        const ready = Math.max(0, ...task.dependsOn.map((d) => {
          const pred = byId.get(d.id)!;
          return (d.type === 'FS' ? pred.finish : pred.start) + d.lag;
        }));
        const instants = [ready, ...working.map((t) => t.finish)].filter((x) => x >= ready - 1e-9 && x < me.start - 1e-9);
        for (const at of instants) {
          const busy = working.filter((t) => t !== me && t.start <= at + 1e-9 && at < t.finish - 1e-9).length;
          expect(busy).toBe(people);
        }
      }
      expect(s.load.reduce((sum, l) => sum + l.busy, 0)).toBeCloseTo(tasks.reduce((sum, t) => sum + t.estimate, 0), 6);
    }));
  });

  it('measures slack on the levelled network, so critical tasks really hold up the finish', () => {
    fc.assert(fc.property(workBreakdownArb, fc.integer({ min: 1, max: 3 }), (tasks, people) => {
      const net = computeCriticalPath(tasks);
      const s = levelResources(tasks, net, { people });
      expect(s.duration).toBeGreaterThanOrEqual(net.duration - 1e-9);
      expect(s.tasks.every((t) => t.slack >= 0 && t.finish + t.slack <= s.duration + 1e-9)).toBe(true);
      if (s.duration > 0) expect(s.tasks.some((t) => t.critical && t.finish === s.duration)).toBe(true);
      // The levelled starts are the earliest starts of the network "dependencies + each person's task order".
      const edges = [
        ...tasks.flatMap((t) => t.dependsOn.map((d) => ({ from: d.id, to: t.id, type: d.type, lag: d.lag }))),
        ...s.load.flatMap((l) => l.tasks.slice(1).map((id, k) => ({ from: l.tasks[k]!, to: id, type: 'FS' as const, lag: 0 }))),
      ];
      const sorted = topologicalOrder(tasks.map((t) => ({ id: t.id, dependsOn: edges.filter((e) => e.to === t.id).map((e) => ({ id: e.from })) })));
      if (!sorted.ok) throw new Error(`levelling created a cycle: ${sorted.cycle.join(' → ')}`);
      const order = sorted.order;
      const redo = forwardPass(order, new Map(tasks.map((t) => [t.id, t.estimate])), edges);
      for (const t of s.tasks) expect(redo.get(t.id)!.start).toBeCloseTo(t.start, 9);
    }));
  });

  it('follows the unconstrained critical path exactly when everyone can work at once', () => {
    fc.assert(fc.property(workBreakdownArb, (tasks) => {
      const net = computeCriticalPath(tasks);
      const s = levelResources(tasks, net, { people: tasks.length });
      expect(s.duration).toBe(net.duration);
      expect(s.tasks.map((t) => t.start)).toEqual(net.tasks.map((t) => t.earliestStart));
    }));
  });
});
