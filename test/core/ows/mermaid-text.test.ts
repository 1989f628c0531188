import { describe, expect, it } from 'vitest';
import { cleanText, displayLength } from '../../../src/core/ows/mermaid-text';

describe('cleanText', () => {
  it('trims, strips a wrap prefix and points its span at the text that is shown', () => {
    const raw = '  wrap:  Escalate now  ';
    const cleaned = cleanText(raw, 100);
    expect(cleaned).toEqual({ text: 'Escalate now', span: { start: 109, end: 121 }, wrap: true });
    expect(cleanText(':nowrap:x', 0)).toEqual({ text: 'x', span: { start: 8, end: 9 }, wrap: false });
    expect(cleanText('plain', 0)).toEqual({ text: 'plain', span: { start: 0, end: 5 } });
  });
});

describe('displayLength', () => {
  it('counts what a reader sees', () => {
    expect(displayLength('abc')).toBe(3);
    expect(displayLength('👨‍💼 Manager')).toBe(9);
    expect(displayLength('a #59; b')).toBe(5);
    expect(displayLength('one<br/>two<BR>three')).toBe(13);
  });
});
