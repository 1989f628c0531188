// CSV history: column aliases (ours, Zendesk, Jira), date formats, and every bad row reported with
// its line and column while the valid rows are kept.
import { describe, expect, it } from 'vitest';
import { parseHistoryCsv, parseHistoryDate } from '../../../src/core/metrics';

describe('dates', () => {
  it('reads ISO 8601 with zone or offset and YYYY-MM-DD HH:mm as UTC', () => {
    expect(parseHistoryDate('2024-03-01T09:30:00Z')).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(parseHistoryDate('2024-03-01T09:30:00+02:00')).toBe(Date.UTC(2024, 2, 1, 7, 30));
    expect(parseHistoryDate('2024-03-01 09:30')).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(parseHistoryDate('2024-03-01T09:30:15.250Z')).toBe(Date.UTC(2024, 2, 1, 9, 30, 15, 250));
    for (const bad of ['2024-02-30 10:00', '03/01/2024', '2024-03-01 25:00', 'yesterday']) expect(parseHistoryDate(bad), bad).toBeUndefined();
  });
});

describe('parseHistoryCsv', () => {
  it('matches our column names and Zendesk/Jira export names case-insensitively', () => {
    const zendesk = parseHistoryCsv('Id,Created at,Solved at,Priority,Assignee,Reopens,Group stations\n42,2024-03-01 09:00,2024-03-02 09:00,High,Ana,1,2\n');
    expect(zendesk.errors).toEqual([]);
    expect(zendesk.columns).toMatchObject({ created: 'Created at', resolved: 'Solved at', external_id: 'Id', escalations: 'Group stations' });
    expect(zendesk.rows[0]).toMatchObject({ line: 2, externalId: '42', priority: 'high', assignee: 'Ana', reopenCount: 1, escalationCount: 2, resolvedAt: Date.UTC(2024, 2, 2, 9) });
    const jira = parseHistoryCsv('Issue key,Created,Resolved,Priority,Assignee\nSUP-1,2024-03-01T09:00:00Z,,Highest,\n');
    expect(jira.rows[0]).toMatchObject({ externalId: 'SUP-1', priority: 'urgent', resolvedAt: null, assignee: null, escalationCount: 0 });
  });

  it('keeps valid rows and reports each bad one by line and column name', () => {
    const csv = [
      'created,first_response,resolved,priority,assignee,escalations,reopens',
      '2024-03-01 09:00,2024-03-01 10:00,2024-03-02 09:00,normal,Ana,1,0',
      '2024-03-01 09:00,,2024-02-28 09:00,normal,Ana,0,0',
      'not a date,,,soon,Bo,-1,0',
      '"2024-03-03 09:00",,,"low",,0,2',
    ].join('\n');
    const r = parseHistoryCsv(csv);
    expect(r.total).toBe(4);
    expect(r.rows.map((x) => x.line)).toEqual([2, 5]);
    expect(r.errors).toEqual([
      { line: 3, column: 3, field: 'resolved', message: 'resolved: is before the ticket was created' },
      expect.objectContaining({ line: 4, column: 1, field: 'created' }),
      expect.objectContaining({ line: 4, column: 4, field: 'priority', message: expect.stringContaining('"soon" is not a priority') }),
      expect.objectContaining({ line: 4, column: 6, field: 'escalations' }),
    ]);
  });

  it('counts lines of quoted multi-line fields correctly', () => {
    const r = parseHistoryCsv('created,priority,subject\n2024-03-01 09:00,normal,"two\nlines"\nbad,normal,x\n');
    expect(r.errors).toEqual([expect.objectContaining({ line: 4, field: 'created' })]);
    expect(r.ignored).toEqual(['subject']);
  });

  it('refuses a header without the required columns, and unreadable CSV, with no rows', () => {
    const missing = parseHistoryCsv('opened_by,priority\nx,high\n');
    expect(missing.rows).toEqual([]);
    expect(missing.errors).toEqual([expect.objectContaining({ line: 1, field: 'created', message: expect.stringContaining('missing a created column') })]);
    const twice = parseHistoryCsv('created,Created At,priority\n');
    expect(twice.errors[0]).toMatchObject({ line: 1, column: 2, field: 'created' });
    const broken = parseHistoryCsv('created,priority\n"2024-03-01,high\n');
    expect(broken.errors[0]!.message).toContain('not readable as CSV');
    expect(parseHistoryCsv('').errors[0]!.message).toContain('empty');
  });
});
