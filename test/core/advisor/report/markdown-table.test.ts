import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bullets, cell, document, markdownTable } from '../../../../src/core/advisor/report/markdown-table';
import { tablesOf } from './markdown-tables';

describe('markdownTable', () => {
  it('renders a GFM table with alignment and placeholders for missing values', () => {
    const md = markdownTable(['a', 'b', 'c'], [[1.005, null, true], ['x', '', false]], ['left', 'right', 'center']);
    expect(md).toBe(['| a | b | c |', '| --- | ---: | :---: |', '| 1 | — | yes |', '| x | — | no |'].join('\n'));
  });

  it('keeps any cell text inside its cell', () => {
    const text = fc.string({ maxLength: 20 }).filter((s) => s.trim() !== '' && !/[\\`*_[\]<>&#!~-]/.test(s));
    fc.assert(fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (rows) => {
      const [table] = tablesOf(markdownTable(['one', 'two'], rows));
      expect(table!.rows).toHaveLength(rows.length);
      table!.rows.forEach((r, i) => {
        expect(r).toHaveLength(2);
        expect(r[0]).toBe(rows[i]![0].replace(/\r?\n/g, ' ').trim());
      });
    }));
  });
});

describe('cell, bullets and document', () => {
  it('escapes pipes and flattens newlines', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    expect(bullets(['one', 'two\nlines'])).toBe('- one\n- two lines');
    expect(document('# T', null, '', 'body')).toBe('# T\n\nbody\n');
  });
});
