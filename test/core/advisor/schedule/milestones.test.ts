import { describe, it, expect } from 'vitest';
import { computeCriticalPath } from '../../../../src/core/advisor/schedule/critical-path';
import { levelResources } from '../../../../src/core/advisor/schedule/resource-leveling';
import { deriveMilestones, explainMilestones } from '../../../../src/core/advisor/schedule/milestones';
import { parseWorkBreakdown } from '../../../../src/core/advisor/schedule/work-breakdown';

const tasks = parseWorkBreakdown([
  { id: 'a', name: 'Foundation', estimate: 2 },
  { id: 'b', name: 'Left', estimate: 3, dependsOn: ['a'] },
  { id: 'c', name: 'Right', estimate: 1, dependsOn: ['a'] },
  { id: 'd', name: 'Join', estimate: 2, dependsOn: ['b', 'c'] },
]);
const levelled = levelResources(tasks, computeCriticalPath(tasks), { people: 2 });

describe('deriveMilestones', () => {
  it('finds the sync points where nothing is half done', () => {
    const milestones = deriveMilestones(tasks, levelled.tasks);
    // c finishes at 3 while b runs until 5, so 3 is not a sync point.
    expect(milestones.map((m) => [m.at, m.after])).toEqual([[2, ['a']], [5, ['b', 'c']], [7, ['d']]]);
    expect(milestones[1]!.name).toBe('Milestone 2: b, c done');
  });

  it('uses declared milestones instead, dated by the last task they wait for', () => {
    const milestones = deriveMilestones(tasks, levelled.tasks, [{ name: 'Beta', after: ['c', 'a'] }]);
    expect(milestones).toEqual([{ name: 'Beta', at: 3, after: ['c', 'a'], source: 'declared' }]);
    expect(explainMilestones(milestones)).toEqual(['Beta at 3 (after c, a; declared).']);
  });

  it('adds zero-estimate tasks as milestones', () => {
    const withGate = parseWorkBreakdown([
      { id: 'a', name: 'A', estimate: 2 },
      { id: 'g', name: 'Go-live gate', estimate: 0, dependsOn: ['a'] },
    ]);
    const s = levelResources(withGate, computeCriticalPath(withGate), { people: 1 });
    const milestones = deriveMilestones(withGate, s.tasks);
    expect(milestones).toContainEqual({ name: 'Go-live gate', at: 2, after: ['a'], source: 'zero-estimate task' });
  });

  it('explains the absence of milestones', () => {
    expect(explainMilestones([])).toEqual(['No milestone: work overlaps until the very end and none was declared.']);
  });
});
