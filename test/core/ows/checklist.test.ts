import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { checklistCsv, checklistJson, checklistMarkdown, epicLabel, JIRA_CSV_COLUMNS, patternUrl } from '../../../src/core/ows/checklist';
import { AppError } from '../../../src/core/shared/error-codes';
import { flagship } from './pattern-fixtures';

const BASE = 'https://patterns.example.com';
const URL_OF = `${BASE}/library/support-ticket-escalation-backlog`;

function rows(csv: string): string[][] {
  return parse(csv, { relax_column_count: false }) as string[][];
}

describe('implementation checklist', () => {
  it('produces the same bytes for the same pattern in every format', () => {
    const a = flagship();
    const b = structuredClone(a);
    expect(checklistCsv(b, { baseUrl: BASE })).toBe(checklistCsv(a, { baseUrl: BASE }));
    expect(checklistMarkdown(b, { baseUrl: BASE })).toBe(checklistMarkdown(a, { baseUrl: BASE }));
    expect(JSON.stringify(checklistJson(b, { baseUrl: BASE }))).toBe(JSON.stringify(checklistJson(a, { baseUrl: BASE })));
  });

  it('exports a Jira CSV: Summary first, then Description, Issue Type, Labels, Priority', () => {
    const [header, ...body] = rows(checklistCsv(flagship(), { baseUrl: BASE }));
    expect(header).toEqual([...JIRA_CSV_COLUMNS]);
    const p = flagship();
    expect(body.map((r) => r[0])).toEqual(p.library.checklist.map((i) => i.summary));
    expect(body.map((r) => r[2])).toEqual(p.library.checklist.map((i) => i.issueType));
    expect(body.map((r) => r[4])).toEqual(p.library.checklist.map((i) => i.priority));
  });

  it('puts the pattern URL in every description and one epic label on every row', () => {
    const body = rows(checklistCsv(flagship(), { baseUrl: `${BASE}/` })).slice(1);
    for (const r of body) {
      expect(r[1]).toContain(`Pattern: ${URL_OF}`);
      expect(r[3]).toBe('ows-support-ticket-escalation-backlog');
    }
    expect(epicLabel('a-b')).toBe('ows-a-b');
  });

  it('writes the done-when criteria of the linked checks into the description', () => {
    const first = checklistJson(flagship(), { baseUrl: BASE }).items[0]!;
    expect(first.doneWhen.map((d) => d.checkId)).toEqual(['ROU-001', 'ROU-002']);
    expect(first.description.split('\n')).toEqual([
      first.details,
      '',
      'Done when:',
      `- ROU-001: ${first.doneWhen[0]!.doneDefinition}`,
      `- ROU-002: ${first.doneWhen[1]!.doneDefinition}`,
      '',
      'Owner: Support engineering',
      'Effort: 1 person-week',
      'Component: Smart Router',
      `Pattern: ${URL_OF}`,
    ]);
  });

  it('keeps any summary intact through CSV quoting, and defuses spreadsheet formulas', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 10, maxLength: 80 }).filter((s) => /\S/.test(s)), (summary) => {
        const p = flagship();
        p.library.checklist[0]!.summary = summary;
        const cell = rows(checklistCsv(p, { baseUrl: BASE }))[1]![0]!;
        const dangerous = /^[=+\-@\t\r]/.test(summary);
        expect(cell).toBe(dangerous ? `'${summary}` : summary);
      }),
      { numRuns: 100 },
    );
  });

  it('exports JSON with the pattern, epic label, total effort and items', () => {
    const json = checklistJson(flagship(), { baseUrl: BASE });
    expect(json.pattern).toEqual({ slug: 'support-ticket-escalation-backlog', title: 'Support Ticket Escalation Backlog', version: 1, url: URL_OF });
    expect(json.totalEffortPersonWeeks).toBe(flagship().library.checklist.reduce((n, i) => n + i.effortPersonWeeks, 0));
    expect(json.items.every((i) => i.labels.join() === json.epicLabel && i.patternUrl === URL_OF)).toBe(true);
  });

  it('renders a printable Markdown task list with one box per item', () => {
    const md = checklistMarkdown(flagship(), { baseUrl: BASE });
    expect(md.startsWith('# Implementation checklist: Support Ticket Escalation Backlog\n')).toBe(true);
    expect(md).toContain(`Pattern: <${URL_OF}>`);
    expect(md.match(/^- \[ \] \*\*IMP-\d{3} · /gm)).toHaveLength(flagship().library.checklist.length);
  });

  it('rejects a base URL that is not absolute http(s), naming the field', () => {
    for (const bad of ['patterns.example.com', 'ftp://x.example', 'https://x.example/?a=1']) {
      const call = () => patternUrl(bad, 'x');
      expect(call).toThrow(AppError);
      try {
        call();
      } catch (error) {
        expect((error as AppError).errors[0]?.pointer).toBe('/baseUrl');
        expect((error as AppError).code).toBe('OW_VALIDATION');
      }
    }
    // A server under a sub-path: the portal page is under that path too.
    expect(patternUrl('http://localhost:8080/ow/', 'x')).toBe('http://localhost:8080/ow/library/x');
  });
});
