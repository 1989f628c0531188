import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import * as advisor from '../../../src/core/advisor';

describe('advisor public API', () => {
  it('runs the CLI path for `ow advise schedule FILE.csv --people N --json` end to end', () => {
    const csv = readFileSync(new URL('../../../content/advisor/epic-5.1.csv', import.meta.url), 'utf8');
    const json = advisor.toScheduleJson(advisor.planSchedule(advisor.parseWorkBreakdownCsv(csv), { people: 2 }));
    expect(json.duration).toBe(102);
    expect(json.tasks.map((t) => t.id)).toEqual(['5.1.0', '5.1.7', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12']);
  });

  it('exports one entry point per analysis and report', () => {
    for (const name of ['routeProblem', 'analyzeValueStream', 'buildDmaicReport', 'planSchedule', 'analyzeRisks', 'checkSmartAll', 'analyzeOkrs', 'buildScorecard', 'scheduleMarkdown', 'riskRegisterCsv'] as const) {
      expect(typeof advisor[name]).toBe('function');
    }
  });
});
