import { describe, it, expect } from 'vitest';
import { computeCriticalPath } from '../../../../src/core/advisor/schedule/critical-path';
import { levelResources } from '../../../../src/core/advisor/schedule/resource-leveling';
import { deriveMilestones } from '../../../../src/core/advisor/schedule/milestones';
import { ganttChart } from '../../../../src/core/advisor/schedule/gantt';
import { parseWorkBreakdown } from '../../../../src/core/advisor/schedule/work-breakdown';

describe('ganttChart', () => {
  it('lists bars in start order with lanes, critical flags and milestones', () => {
    const tasks = parseWorkBreakdown([
      { id: 'late', name: 'Late', estimate: 1, dependsOn: ['first'] },
      { id: 'first', name: 'First', estimate: 2 },
      { id: 'side', name: 'Side', estimate: 1 },
      { id: 'gate', name: 'Gate', estimate: 0, dependsOn: ['late', 'side'] },
    ]);
    const s = levelResources(tasks, computeCriticalPath(tasks), { people: 2, names: ['Ana', 'Bo'] });
    const chart = ganttChart(tasks, s, deriveMilestones(tasks, s.tasks));
    expect(chart.lanes).toEqual(['Ana', 'Bo']);
    expect(chart.duration).toBe(3);
    expect(chart.bars.map((b) => b.id)).toEqual(['side', 'first', 'late', 'gate']);
    expect(chart.bars[1]).toMatchObject({ id: 'first', assignee: 'Ana', critical: true, milestone: false, dependsOn: [] });
    expect(chart.bars[0]).toMatchObject({ id: 'side', assignee: 'Bo', critical: false });
    expect(chart.bars[3]).toMatchObject({ milestone: true, assignee: null, dependsOn: ['late', 'side'] });
    expect(chart.milestones.map((m) => m.name)).toContain('Gate');
  });
});
