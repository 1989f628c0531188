// Markdown report of a schedule: summary, task table, milestones, deadline verdict and reasoning.
import type { SchedulePlan } from '../schedule/schedule-plan';
import { bullets, document, markdownTable } from './markdown-table';

export function scheduleMarkdown(plan: SchedulePlan, title = 'Schedule'): string {
  const who = plan.people === 1 ? '1 person' : `${plan.people} people`;
  const verdict = plan.feasibility.deadline === null ? null : `**Deadline ${plan.feasibility.feasible ? 'met' : 'not met'}.** ${plan.feasibility.reasons.join(' ')}`;
  return document(
    `# ${title}`,
    bullets([
      `Duration: ${plan.duration} ${plan.unit} with ${who} (critical path alone: ${plan.network.duration}).`,
      `Critical path: ${plan.criticalPath.join(' → ')}.`,
      `Work: ${plan.tasks.length} tasks, ${plan.totalEstimate} ${plan.unit} estimated.`,
    ]),
    verdict,
    '## Tasks',
    markdownTable(
      ['id', 'name', 'estimate', 'start', 'finish', 'slack', 'assignee', 'critical'],
      plan.tasks.map((t) => [t.id, t.name, t.estimate, t.start, t.finish, t.slack, t.assignee ?? 'milestone', t.critical]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'center'],
    ),
    '## Milestones',
    plan.milestones.length === 0 ? 'None.' : markdownTable(['milestone', 'at', 'after'], plan.milestones.map((m) => [m.name, m.at, m.after.join(', ')]), ['left', 'right', 'left']),
    '## Why',
    bullets(plan.explanation),
  );
}
