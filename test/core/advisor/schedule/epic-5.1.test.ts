// The shipped example: seed 002's Epic 5.1 plan must reproduce the structure the seed describes.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseWorkBreakdownCsv } from '../../../../src/core/advisor/schedule/csv';
import { planSchedule, toScheduleJson } from '../../../../src/core/advisor/schedule/schedule-plan';

const csv = readFileSync(new URL('../../../../content/advisor/epic-5.1.csv', import.meta.url), 'utf8');
const tasks = parseWorkBreakdownCsv(csv);
const plan = planSchedule(tasks, { people: 2, unit: 'points', names: ['Developer 1', 'Developer 2'] });
const at = (id: string) => plan.tasks.find((t) => t.id === id)!;
const overlap = (a: string, b: string) => at(a).start < at(b).finish && at(b).start < at(a).finish;

describe('Epic 5.1 example (seed 002)', () => {
  it('holds the seven new stories and 144 points', () => {
    expect(tasks.map((t) => t.id)).toEqual(['5.1.0', '5.1.7', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12']);
    expect(plan.totalEstimate).toBe(144);
  });

  it('runs 5.1.0 first, before anything else starts', () => {
    const others = plan.tasks.filter((t) => t.id !== '5.1.0');
    expect(others.every((t) => t.start >= at('5.1.0').finish)).toBe(true);
    expect(at('5.1.0').start).toBe(0);
  });

  it('runs 5.1.7 and 5.1.8 in parallel, on different people', () => {
    expect(overlap('5.1.7', '5.1.8')).toBe(true);
    expect(at('5.1.7').assignee).not.toBe(at('5.1.8').assignee);
  });

  it('starts 5.1.9 after 5.1.8', () => {
    expect(at('5.1.9').start).toBeGreaterThanOrEqual(at('5.1.8').finish);
  });

  it('overlaps 5.1.10 and 5.1.11', () => {
    expect(overlap('5.1.10', '5.1.11')).toBe(true);
  });

  it('finishes with 5.1.12, starting after every other story', () => {
    const others = plan.tasks.filter((t) => t.id !== '5.1.12');
    expect(others.every((t) => t.finish <= at('5.1.12').start)).toBe(true);
    expect(plan.duration).toBe(at('5.1.12').finish);
  });

  it('puts the sync-point milestones where the seed has its four', () => {
    const ends = (ids: string[]) => Math.max(...ids.map((id) => at(id).finish));
    const milestoneTimes = plan.milestones.map((m) => m.at);
    expect(milestoneTimes).toEqual(expect.arrayContaining([
      ends(['5.1.0']),
      ends(['5.1.7', '5.1.8', '5.1.9']),
      ends(['5.1.10', '5.1.11']),
      ends(['5.1.12']),
    ]));
  });

  it('gives only 5.1.7 slack and reports the critical path for the CLI', () => {
    expect(plan.network.tasks.filter((t) => t.slack > 0).map((t) => t.id)).toEqual(['5.1.7']);
    const json = toScheduleJson(plan);
    expect(json.criticalPath[0]).toBe('5.1.0');
    expect(json.criticalPath.at(-1)).toBe('5.1.12');
    expect(json.criticalPath).not.toContain('5.1.7');
    expect(json.tasks.every((t) => t.assignee === 'Developer 1' || t.assignee === 'Developer 2')).toBe(true);
  });
});
