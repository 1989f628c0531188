import { describe, it, expect } from 'vitest';
import { AppError } from '../../../../src/core/shared/error-codes';
import { planSchedule, toScheduleJson } from '../../../../src/core/advisor/schedule/schedule-plan';
import { parseWorkBreakdown } from '../../../../src/core/advisor/schedule/work-breakdown';

// Four independent 4-day tasks then a 1-day wrap-up: 5 days with 4 people, 17 with 1.
const fanOut = parseWorkBreakdown([
  { id: 'a', name: 'A', estimate: 4 },
  { id: 'b', name: 'B', estimate: 4 },
  { id: 'c', name: 'C', estimate: 4 },
  { id: 'd', name: 'D', estimate: 4 },
  { id: 'z', name: 'Wrap-up', estimate: 1, dependsOn: ['a', 'b', 'c', 'd'] },
]);

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('planSchedule', () => {
  it('combines network, levelled schedule, milestones and Gantt data', () => {
    const plan = planSchedule(fanOut, { people: 2, unit: 'days' });
    expect(plan.duration).toBe(9);
    expect(plan.network.duration).toBe(5);
    expect(plan.totalEstimate).toBe(17);
    expect(plan.tasks.find((t) => t.id === 'c')).toMatchObject({ start: 4, earliestStart: 0, networkSlack: 0, resourceDelay: 4 });
    expect(plan.gantt.bars).toHaveLength(5);
    expect(plan.milestones.map((m) => m.at)).toEqual([4, 8, 9]);
    expect(plan.explanation[0]).toBe('5 tasks with 17 days of estimated work (one person\'s effort each).');
    expect(plan.feasibility).toEqual({ feasible: true, deadline: null, minimumPeople: null, reasons: ['No deadline given, so every finish date is acceptable.'] });
  });

  it('produces the CLI JSON shape and nothing else', () => {
    const json = toScheduleJson(planSchedule(fanOut, { people: 4 }));
    expect(Object.keys(json).sort()).toEqual(['criticalPath', 'duration', 'tasks']);
    expect(json.duration).toBe(5);
    expect(json.criticalPath).toEqual(['a', 'b', 'c', 'd', 'z']);
    expect(json.tasks[4]).toEqual({ id: 'z', start: 4, finish: 5, slack: 0, assignee: 'Person 1' });
    expect(Object.keys(json.tasks[0]!).sort()).toEqual(['assignee', 'finish', 'id', 'slack', 'start']);
  });

  it('says how many people a reachable deadline needs', () => {
    const plan = planSchedule(fanOut, { people: 1, deadline: 9, unit: 'days' });
    expect(plan.feasibility.feasible).toBe(false);
    expect(plan.feasibility.minimumPeople).toBe(2);
    expect(plan.feasibility.reasons[0]).toContain('cannot be met with 1 person: the levelled schedule takes 17 days, 8 days too long');
    expect(plan.feasibility.reasons[1]).toBe('With 2 people the schedule fits the deadline.');
  });

  it('explains that no number of people beats the critical path', () => {
    const plan = planSchedule(fanOut, { people: 3, deadline: 4, unit: 'days' });
    expect(plan.feasibility).toMatchObject({ feasible: false, deadline: 4, minimumPeople: null });
    expect(plan.feasibility.reasons[0]).toBe(
      'The deadline of 4 cannot be met with any number of people: the critical path a → b → c → d → z alone takes 5 days, 1 day too long.',
    );
    expect(plan.explanation).toContain(plan.feasibility.reasons[1]);
  });

  it('confirms a deadline that is met', () => {
    const plan = planSchedule(fanOut, { people: 4, deadline: 6, unit: 'days' });
    expect(plan.feasibility.feasible).toBe(true);
    expect(plan.feasibility.reasons[0]).toBe('The schedule meets the deadline of 6: it finishes at 5, 1 day before it.');
  });

  it('explains why fewer than one person cannot work', () => {
    for (const people of [0, -2]) {
      const error = rejection(() => planSchedule(fanOut, { people }));
      expect(error.errors[0]).toMatchObject({ pointer: '/people' });
      expect(error.message).toContain('people must be at least 1: with nobody to do the work no schedule can be met');
    }
    expect(rejection(() => planSchedule(fanOut, { people: 1.5 })).message).toContain('whole number');
    expect(rejection(() => planSchedule(fanOut, { people: 1, deadline: 0 })).errors[0]!.pointer).toBe('/deadline');
  });

  it('rejects a declared milestone that waits for an unknown task', () => {
    const error = rejection(() => planSchedule(fanOut, { people: 1, milestones: [{ name: 'Beta', after: ['a', 'nope'] }] }));
    expect(error.errors).toEqual([{ pointer: '/milestones/0/after/1', message: 'milestone "Beta" follows unknown task id "nope"' }]);
  });
});

describe('planSchedule on unchecked tasks', () => {
  it('refuses duplicate ids and dangling dependencies instead of scheduling them', () => {
    const tasks = [
      { id: 'a', name: 'A', estimate: 1, dependsOn: [] },
      { id: 'a', name: 'A again', estimate: 1, dependsOn: [{ id: 'ghost', type: 'FS' as const, lag: 0 }] },
    ];
    const error = rejection(() => planSchedule(tasks, { people: 1 }));
    expect(error.errors).toEqual([
      { pointer: '/1/id', message: 'duplicate task id "a" (first used by task 1)' },
      { pointer: '/1/dependsOn/0', message: 'task "a" depends on unknown task id "ghost"' },
    ]);
  });
});
