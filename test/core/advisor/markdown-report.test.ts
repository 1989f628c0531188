// Each analysis renders to Markdown whose tables parse back (with marked) to the analysis' numbers.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  okrMarkdown,
  processMarkdown,
  riskMarkdown,
  routeMarkdown,
  scheduleMarkdown,
  scorecardMarkdown,
  smartMarkdown,
} from '../../../src/core/advisor/markdown-report';
import { parseWorkBreakdownCsv } from '../../../src/core/advisor/schedule/csv';
import { planSchedule } from '../../../src/core/advisor/schedule/schedule-plan';
import { analyzeRisks } from '../../../src/core/advisor/risk/register';
import { analyzeValueStream } from '../../../src/core/advisor/process/value-stream';
import { buildDmaicReport } from '../../../src/core/advisor/process/dmaic';
import { checkSmartAll } from '../../../src/core/advisor/kpi/smart';
import { analyzeOkrs } from '../../../src/core/advisor/kpi/okr';
import { buildScorecard } from '../../../src/core/advisor/kpi/scorecard';
import { routeProblem } from '../../../src/core/advisor/router';
import { headingsOf, tablesOf } from './report/markdown-tables';

const content = (name: string) => readFileSync(new URL(`../../../content/advisor/${name}`, import.meta.url), 'utf8');
const clean = (md: string) => expect(md).not.toMatch(/undefined|NaN|\bnull\b|\[object Object\]/);

describe('Markdown reports', () => {
  it('schedule: task table, milestones and the deadline verdict', () => {
    const plan = planSchedule(parseWorkBreakdownCsv(content('epic-5.1.csv')), { people: 2, unit: 'points', deadline: 110 });
    const md = scheduleMarkdown(plan, 'Epic 5.1');
    clean(md);
    expect(headingsOf(md)).toEqual(['Epic 5.1', 'Tasks', 'Milestones', 'Why']);
    const [tasks, milestones] = tablesOf(md);
    expect(tasks!.rows.map((r) => [r[0], r[3], r[4], r[6]])).toEqual(plan.tasks.map((t) => [t.id, String(t.start), String(t.finish), t.assignee]));
    expect(milestones!.rows).toHaveLength(plan.milestones.length);
    expect(md).toContain('**Deadline met.**');
  });

  it('process: steps with the bottleneck marked, every lean waste, DMAIC targets', () => {
    const analysis = analyzeValueStream(JSON.parse(content('value-stream-escalation.json')));
    const md = processMarkdown(analysis, buildDmaicReport(analysis));
    clean(md);
    const [steps, wastes, targets] = tablesOf(md);
    expect(steps!.rows.filter((r) => r.at(-1) === 'yes').map((r) => r[0])).toEqual(['L2 diagnosis']);
    expect(wastes!.rows).toHaveLength(8);
    expect(targets!.rows[0]!.slice(0, 3)).toEqual(['Lead time', '2880', '2160']);
    expect(headingsOf(md)).toContain('Control');
  });

  it('process without DMAIC and without capacity data shows dashes, not nulls', () => {
    const md = processMarkdown(analyzeValueStream({ steps: [{ name: 'Only', processTime: 1, waitTime: 2, volume: 3 }] }));
    clean(md);
    expect(tablesOf(md)[0]!.rows[0]![6]).toBe('—');
    expect(headingsOf(md)).not.toContain('DMAIC');
  });

  it('risk: a 5×5 heat map with ids in the right cells and the register', () => {
    const analysis = analyzeRisks(JSON.parse(content('risks-epic-5.1.json')));
    const md = riskMarkdown(analysis);
    clean(md);
    const [heat, register] = tablesOf(md);
    expect(heat!.rows).toHaveLength(5);
    expect(heat!.rows[1]![0]).toBe('4');
    expect(heat!.rows[1]![3]).toBe('**R1** (high)');
    expect(heat!.rows[2]![3]).toBe('**R2, R3** (medium)');
    expect(heat!.rows[4]![0]).toBe('1');
    expect(register!.rows.map((r) => r[0])).toEqual(['R1', 'R2', 'R3', 'R4']);
  });

  it('KPIs: SMART grid, OKR progress and scorecard perspectives', () => {
    const kpis = JSON.parse(content('kpis-epic-5.1.json'));
    const smart = checkSmartAll([...kpis, { id: 'v', name: 'Better service' }]);
    const smartMd = smartMarkdown(smart.checks);
    clean(smartMd);
    const [grid] = tablesOf(smartMd);
    expect(grid!.rows.at(-1)).toEqual(['Better service', '✗', '✗', '✗', '✗', '✗', '0/5']);

    const okrs = analyzeOkrs(JSON.parse(content('okrs-escalation.json')));
    const okrMd = okrMarkdown(okrs);
    clean(okrMd);
    expect(headingsOf(okrMd)[1]).toBe('O1 Resolve escalations faster and right the first time: 100% (achieved)');
    expect(tablesOf(okrMd)[0]!.rows.map((r) => r[5])).toEqual(['100%', '100%', '100%']);

    const card = buildScorecard(kpis);
    const cardMd = scorecardMarkdown(card);
    clean(cardMd);
    expect(headingsOf(cardMd)).toEqual(['Balanced scorecard', 'Financial', 'Customer', 'Internal Process', 'Learning & Growth']);
    expect(cardMd).toContain('No KPI covers this perspective.');
  });

  it('route: scores with matched phrases, questions and the plan', () => {
    const result = routeProblem({ problem: 'We launch the portal by end of Q2 with 3 developers: what could go wrong?' });
    const md = routeMarkdown(result);
    clean(md);
    expect(headingsOf(md)).toContain('Plan: Risk-Aware Planning');
    expect(tablesOf(md)[0]!.rows[0]).toEqual(['Project Management', '4', '57.1%', 'launch (+2), by end of (+2)']);
  });
});
