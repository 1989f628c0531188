import { describe, it, expect } from 'vitest';
import { sourceLinkFor } from '../../../src/core/sequence/source-link';

describe('sourceLinkFor', () => {
  it('joins a base and the file name', () => {
    expect(sourceLinkFor('a', { sourceLink: 'https://x.org/seq' })).toEqual({ fileName: 'a.json', href: 'https://x.org/seq/a.json' });
    expect(sourceLinkFor('a', { sourceLink: '../json/', sourcePath: 'dir/b c.json' })).toEqual({ fileName: 'b c.json', href: '../json/b%20c.json' });
  });

  it('reproduces the reference generator path without a base', () => {
    expect(sourceLinkFor('a', { sourcePath: 'C:\\source\\repos\\a.json' }).href).toBe('../../C:/source/repos/a.json');
    expect(sourceLinkFor('a', { sourcePath: '/abs/a.json' }).href).toBe('/abs/a.json');
    expect(sourceLinkFor('a', { sourcePath: 'https://x.org/a.json' }).href).toBe('https://x.org/a.json');
  });

  it('links the sibling file by id when nothing is given, and never lets a character break the link', () => {
    expect(sourceLinkFor('a.b', {})).toEqual({ fileName: 'a.b.json', href: 'a.b.json' });
    expect(sourceLinkFor('a', { sourcePath: 'x (1).json' }).href).toBe('../../x%20%281%29.json');
  });
});
