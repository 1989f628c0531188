import { describe, it, expect } from 'vitest';
import { containUserBlock } from '../../../src/core/sequence/user-markdown';

describe('containUserBlock', () => {
  it('closes a fence the user left open, with the same fence', () => {
    expect(containUserBlock('text\n~~~~ js\ncode')).toBe('text\n~~~~ js\ncode\n~~~~');
    expect(containUserBlock('```\ncode\n```\nafter')).toBe('```\ncode\n```\nafter');
  });

  it('escapes a raw HTML opener that only a closing tag would end, when the block lacks it', () => {
    expect(containUserBlock('<script>\nalert(1)')).toBe('\\<script>\nalert(1)');
    expect(containUserBlock('<!-- open')).toBe('\\<!-- open');
    expect(containUserBlock('<pre>x</pre>')).toBe('<pre>x</pre>');
    expect(containUserBlock('```\n<script>\n```')).toBe('```\n<script>\n```');
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['plain', 'a < b and c > d', '<div>ok', '`inline` code']) expect(containUserBlock(text)).toBe(text);
  });
});
