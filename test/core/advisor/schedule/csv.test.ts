import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../../src/core/shared/error-codes';
import {
  parseWorkBreakdownCsv,
  stringifyScheduleCsv,
  stringifyWorkBreakdownCsv,
} from '../../../../src/core/advisor/schedule/csv';
import { planSchedule } from '../../../../src/core/advisor/schedule/schedule-plan';
import { workBreakdownArb } from './work-arbitrary';

function rejection(text: string): AppError {
  try {
    parseWorkBreakdownCsv(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the CSV to be rejected');
}

describe('parseWorkBreakdownCsv', () => {
  it('reads tasks, dependencies separated by ";" and start-to-start links', () => {
    const tasks = parseWorkBreakdownCsv('\uFEFFid,name,estimate,depends_on\r\na,Design,3,\r\nb,"Build, test",2.5,a\r\nc,Ship,1,a;b:SS+1\r\n');
    expect(tasks).toEqual([
      { id: 'a', name: 'Design', estimate: 3, dependsOn: [] },
      { id: 'b', name: 'Build, test', estimate: 2.5, dependsOn: [{ id: 'a', type: 'FS', lag: 0 }] },
      { id: 'c', name: 'Ship', estimate: 1, dependsOn: [{ id: 'a', type: 'FS', lag: 0 }, { id: 'b', type: 'SS', lag: 1 }] },
    ]);
  });

  it('accepts columns in any order and ignores extra ones', () => {
    const tasks = parseWorkBreakdownCsv('depends_on,Estimate,ID,name,owner\n,2,a,A,Ana\na,1,b,B,Bo\n');
    expect(tasks.map((t) => [t.id, t.estimate, t.dependsOn.length])).toEqual([['a', 2, 0], ['b', 1, 1]]);
  });

  it('reports every bad field with its line and column name', () => {
    const error = rejection([
      'id,name,estimate,depends_on',
      'a,Design,3,',
      '',
      'b,,abc,a',
      'c,Ship,-1,a;;x:FF',
      'd,Short row,1',
    ].join('\n'));
    expect(error.code).toBe('OW_VALIDATION');
    expect(error.errors).toEqual([
      { line: 4, column: 2, field: 'name', message: 'name: a task needs a name' },
      { line: 4, column: 3, field: 'estimate', message: 'estimate: "abc" is not a number' },
      { line: 5, column: 3, field: 'estimate', message: 'estimate: -1 is negative; an estimate must be 0 or more' },
      { line: 5, column: 4, field: 'depends_on', message: 'depends_on: empty dependency (two ";" in a row or a trailing ";")' },
      { line: 5, column: 4, field: 'depends_on', message: 'depends_on: "x:FF": dependency type "FF" is unknown; use FS (finish-to-start) or SS (start-to-start)' },
      { line: 6, message: 'expected 4 fields like the header, found 3' },
    ]);
    expect(error.message).toContain('line 4, column 3: estimate: "abc" is not a number');
  });

  it('counts lines correctly after a quoted multi-line name', () => {
    const error = rejection('id,name,estimate,depends_on\na,"Two\nlines",1,\nb,B,,a\n');
    expect(error.errors).toEqual([{ line: 4, column: 3, field: 'estimate', message: 'estimate: the estimate is empty; give points or days (0 for a milestone)' }]);
  });

  it('names unknown dependency ids and duplicate ids on their lines', () => {
    const error = rejection('id,name,estimate,depends_on\na,A,1,\nb,B,1,a;ghost\na,Again,1,\n');
    expect(error.errors).toEqual([
      { line: 4, column: 1, field: 'id', message: 'id: duplicate task id "a" (first used by task 1)' },
      { line: 3, column: 4, field: 'depends_on', message: 'depends_on: task "b" depends on unknown task id "ghost"' },
    ]);
  });

  it('names the cycle', () => {
    const error = rejection('id,name,estimate,depends_on\na,A,1,c\nb,B,1,a\nc,C,1,b\nd,D,1,\n');
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatchObject({ field: 'depends_on', column: 4 });
    expect(error.errors[0]!.message).toMatch(/^depends_on: dependency cycle: (\w) → \w → \w → \1 /);
  });

  it('says which header columns are missing or repeated', () => {
    const missing = rejection('id,title,estimate\na,A,1\n');
    expect(missing.errors.map((e) => e.field)).toEqual(['name', 'depends_on']);
    expect(missing.message).toContain('missing column "name"');
    expect(rejection('id,name,estimate,depends_on,ID\n').errors).toEqual([{ line: 1, column: 5, field: 'id', message: 'column "id" appears twice' }]);
  });

  it('rejects empty files, header-only files and broken quoting with a line', () => {
    expect(rejection('').errors[0]!.message).toContain('the file is empty');
    expect(rejection('id,name,estimate,depends_on\n').errors).toEqual([{ line: 2, message: 'the CSV has a header but no task rows' }]);
    const quote = rejection('id,name,estimate,depends_on\na,"Open,1,\n');
    expect(quote.errors[0]!.line).toBeGreaterThanOrEqual(2);
    expect(quote.errors[0]!.message).toContain('not readable as CSV');
  });
});

describe('CSV export', () => {
  it('round-trips any work breakdown', () => {
    fc.assert(fc.property(workBreakdownArb, (tasks) => {
      expect(parseWorkBreakdownCsv(stringifyWorkBreakdownCsv(tasks))).toEqual(tasks);
    }));
  });

  it('exports a schedule that can be imported again', () => {
    const tasks = parseWorkBreakdownCsv('id,name,estimate,depends_on\na,A,2,\nm,"Gate, final",0,a\n');
    const csv = stringifyScheduleCsv(planSchedule(tasks, { people: 1 }), tasks);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      { id: 'a', name: 'A', estimate: '2', depends_on: '', start: '0', finish: '2', slack: '0', assignee: 'Person 1', critical: 'yes' },
      { id: 'm', name: 'Gate, final', estimate: '0', depends_on: 'a', start: '2', finish: '2', slack: '0', assignee: 'milestone', critical: 'yes' },
    ]);
    expect(parseWorkBreakdownCsv(csv)).toEqual(tasks);
  });
});
