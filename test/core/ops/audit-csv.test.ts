import { describe, expect, it } from 'vitest';
import { auditCsvRows, safeCell } from '../../../src/core/ops/audit-csv';

describe('audit CSV rows', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(bad)).toBe(`'${bad}`);
    expect(safeCell('plain = text')).toBe('plain = text');
  });

  it('writes a header and one row per entry, details as JSON', () => {
    expect(auditCsvRows([{ id: 7, createdAt: '2026-03-02T09:00:00.000Z', actor: '=cmd', action: 'token.create', target: 'tok_1', summary: 'made', details: { n: 1 } }])).toEqual([
      ['id', 'createdAt', 'actor', 'action', 'target', 'summary', 'details'],
      ['7', '2026-03-02T09:00:00.000Z', "'=cmd", 'token.create', 'tok_1', 'made', '{"n":1}'],
    ]);
  });
});
