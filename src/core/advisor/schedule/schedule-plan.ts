// The project-management analysis end to end: critical path, a levelled schedule for N people,
// milestones, Gantt data, and whether a deadline can be met (and if not, why and what would help).
import { z } from 'zod';
import { AppError } from '../../shared/error-codes';
import { fmt } from '../format-number';
import { parseInput } from '../validate-input';
import { checkReferences, type Task } from './work-breakdown';
import { toPointer } from '../../shared/json-pointer';
import { invalidInput } from '../validate-input';
import { computeCriticalPath, unitLabel, type NetworkSchedule } from './critical-path';
import { levelResources, type LevelledSchedule, type LevelledTask } from './resource-leveling';
import { deriveMilestones, explainMilestones, milestoneSchema, type Milestone } from './milestones';
import { ganttChart, type GanttChart } from './gantt';

export const scheduleOptionsSchema = z.object({
  people: z
    .number({ error: 'people must be a number' })
    .int('people must be a whole number')
    .min(1, 'people must be at least 1: with nobody to do the work no schedule can be met')
    .max(1000, 'people must be at most 1000'),
  deadline: z.number().finite().positive('the deadline must be after the start (greater than 0)').optional(),
  unit: z.enum(['points', 'days']).optional(),
  names: z.array(z.string().trim().min(1, 'a person name must not be empty')).optional(),
  milestones: z.array(milestoneSchema).optional(),
});

export type ScheduleOptions = z.input<typeof scheduleOptionsSchema>;

export interface Feasibility {
  feasible: boolean;
  deadline: number | null;
  /**
   * People that meet the deadline when more would help (found by bisection, so the fewest unless
   * list scheduling's rare anomalies make fewer people work too); null when no number would.
   */
  minimumPeople: number | null;
  reasons: string[];
}

export interface SchedulePlan {
  unit: string;
  people: number;
  totalEstimate: number;
  duration: number;
  criticalPath: string[];
  tasks: Array<LevelledTask & { earliestStart: number; latestStart: number; networkSlack: number }>;
  network: NetworkSchedule;
  levelled: LevelledSchedule;
  milestones: Milestone[];
  gantt: GanttChart;
  feasibility: Feasibility;
  explanation: string[];
}

/** The JSON the CLI prints for `ow advise schedule --json`. */
export interface ScheduleJson {
  criticalPath: string[];
  duration: number;
  tasks: Array<{ id: string; start: number; finish: number; slack: number; assignee: string | null }>;
}

export function planSchedule(tasks: ReadonlyArray<Task>, rawOptions: ScheduleOptions): SchedulePlan {
  const options = parseInput(scheduleOptionsSchema, rawOptions, 'The schedule options');
  // Tasks normally come validated (parseWorkBreakdown, parseWorkBreakdownCsv); a duplicate or dangling id here would silently skew every number.
  const issues = checkReferences(tasks);
  if (issues.length > 0) {
    throw invalidInput('The work breakdown', issues.map((i) => ({ pointer: toPointer([i.taskIndex, i.field, ...(i.dependencyIndex === undefined ? [] : [i.dependencyIndex])]), message: i.message })));
  }
  checkDeclaredMilestones(tasks, options.milestones ?? []);
  const network = computeCriticalPath(tasks, options.unit);
  const levelled = levelResources(tasks, network, { people: options.people, names: options.names, unit: options.unit });
  const milestones = deriveMilestones(tasks, levelled.tasks, options.milestones);
  const feasibility = assessDeadline(tasks, network, levelled, options);
  const totalEstimate = tasks.reduce((sum, t) => sum + t.estimate, 0);
  const unit = options.unit ?? 'units';
  return {
    unit,
    people: options.people,
    totalEstimate,
    duration: levelled.duration,
    criticalPath: levelled.criticalPath,
    tasks: levelled.tasks.map((t, i) => ({
      ...t,
      earliestStart: network.tasks[i]!.earliestStart,
      latestStart: network.tasks[i]!.latestStart,
      networkSlack: network.tasks[i]!.slack,
    })),
    network,
    levelled,
    milestones,
    gantt: ganttChart(tasks, levelled, milestones),
    feasibility,
    explanation: [
      `${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} with ${unitLabel(options.unit, totalEstimate)} of estimated work (one person's effort each).`,
      ...network.explanation,
      ...levelled.explanation,
      ...explainMilestones(milestones),
      ...feasibility.reasons,
    ],
  };
}

export function toScheduleJson(plan: SchedulePlan): ScheduleJson {
  return {
    criticalPath: plan.criticalPath,
    duration: plan.duration,
    tasks: plan.tasks.map((t) => ({ id: t.id, start: t.start, finish: t.finish, slack: t.slack, assignee: t.assignee })),
  };
}

function checkDeclaredMilestones(tasks: ReadonlyArray<Task>, milestones: ReadonlyArray<z.infer<typeof milestoneSchema>>): void {
  const ids = new Set(tasks.map((t) => t.id));
  const errors = milestones.flatMap((m, i) =>
    m.after.flatMap((id, j) =>
      ids.has(id) ? [] : [{ pointer: `/milestones/${i}/after/${j}`, message: `milestone "${m.name}" follows unknown task id "${id}"` }],
    ),
  );
  if (errors.length > 0) throw new AppError('OW_VALIDATION', errors.map((e) => `${e.pointer}: ${e.message}`).join('\n'), errors);
}

function assessDeadline(
  tasks: ReadonlyArray<Task>,
  network: NetworkSchedule,
  levelled: LevelledSchedule,
  options: z.infer<typeof scheduleOptionsSchema>,
): Feasibility {
  const u = (n: number): string => unitLabel(options.unit, n);
  const deadline = options.deadline;
  if (deadline === undefined) {
    return { feasible: true, deadline: null, minimumPeople: null, reasons: ['No deadline given, so every finish date is acceptable.'] };
  }
  if (levelled.duration <= deadline) {
    return {
      feasible: true,
      deadline,
      minimumPeople: null,
      reasons: [`The schedule meets the deadline of ${fmt(deadline)}: it finishes at ${fmt(levelled.duration)}, ${u(deadline - levelled.duration)} before it.`],
    };
  }
  if (network.duration > deadline) {
    const critical = network.tasks
      .filter((t) => t.critical && t.estimate > 0)
      .sort((a, b) => b.estimate - a.estimate)
      .slice(0, 3)
      .map((t) => `${t.id} (${u(t.estimate)})`);
    return {
      feasible: false,
      deadline,
      minimumPeople: null,
      reasons: [
        `The deadline of ${fmt(deadline)} cannot be met with any number of people: the critical path ${network.criticalPath.join(' → ')} alone takes ${u(network.duration)}, ${u(network.duration - deadline)} too long.`,
        `To meet it, shorten the critical path by ${u(network.duration - deadline)} (its largest tasks: ${critical.join(', ')}), let dependent work overlap (start-to-start), or move the deadline.`,
      ],
    };
  }
  // With one person per task nobody waits, so the critical path (which fits) is the schedule; bisect below that.
  let [low, high] = [options.people + 1, Math.max(options.people + 1, tasks.filter((t) => t.estimate > 0).length)];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (levelResources(tasks, network, { people: mid }).duration <= deadline) high = mid;
    else low = mid + 1;
  }
  const minimumPeople: number | null = levelResources(tasks, network, { people: high }).duration <= deadline ? high : null;
  return {
    feasible: false,
    deadline,
    minimumPeople,
    reasons: [
      `The deadline of ${fmt(deadline)} cannot be met with ${options.people === 1 ? '1 person' : `${options.people} people`}: the levelled schedule takes ${u(levelled.duration)}, ${u(levelled.duration - deadline)} too long, although the critical path alone fits (${u(network.duration)}).`,
      minimumPeople === null
        ? 'Adding people does not help with this priority rule; reorder or split tasks.'
        : `With ${minimumPeople} people the schedule fits the deadline.`,
    ],
  };
}
