import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { ARTICLE_HEADINGS, generateArticle } from '../../../src/core/ows/article';
import { generateDiagrams } from '../../../src/core/ows/mermaid-generator';
import { flagship } from './pattern-fixtures';

describe('ARTICLE.md', () => {
  it('has the nine sections in order, as level-2 headings', () => {
    const headings = generateArticle(flagship()).match(/^## .*$/gm);
    expect(headings).toEqual(ARTICLE_HEADINGS.map((h) => `## ${h}`));
  });

  it('is byte-for-byte the same for the same pattern', () => {
    expect(generateArticle(structuredClone(flagship()), { baseUrl: 'https://x.example' })).toBe(generateArticle(flagship(), { baseUrl: 'https://x.example' }));
  });

  it('embeds both generated diagrams as mermaid code blocks', () => {
    const article = generateArticle(flagship());
    for (const d of generateDiagrams(flagship())) expect(article).toContain('```mermaid\n' + d.text + '```');
  });

  it('carries the pattern content each section is about', () => {
    const p = flagship();
    const article = generateArticle(p, { baseUrl: 'https://ow.example' });
    expect(article).toContain(p.library.narrative.hook);
    expect(article).toContain('### Is there a skilled engineer with capacity?');
    expect(article).toContain('| P2 escalation: first response by the owner | 4 business hours | 80 % (after 3 h 12 min) |');
    for (const item of p.library.checklist) expect(article).toContain(item.summary);
    expect(article).toContain('Total: **40/40**. **Passed.**');
    expect(article).toContain('### What this does not solve');
    expect(article).toContain('<https://ow.example/library/support-ticket-escalation-backlog>');
  });

  it('renders injected HTML and links inert', async () => {
    const p = flagship();
    p.library.narrative.hook = 'Click <script>alert(1)</script> or [here](javascript:alert(1)) <img src=x onerror=alert(1)>';
    p.ows.pattern.rootCause[0] = '# Not a heading';
    const article = generateArticle(p);
    const html = await marked.parse(article);
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(article).toContain('- \\# Not a heading');
  });

  it('never prints undefined, null or [object Object], whatever the optional fields hold', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.string({ minLength: 20, maxLength: 80 }).filter((s) => /\S/.test(s)),
        (withDisclaimer, withAntiPatterns, text) => {
          const p = flagship();
          if (!withDisclaimer) delete p.ows.meta.disclaimer;
          if (!withAntiPatterns) p.library.narrative.antiPatterns = [];
          for (const item of p.library.checklist) delete item.component;
          p.library.narrative.closingInsight = text;
          const article = generateArticle(p);
          expect(article).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]/);
          expect(article.includes('### Anti-patterns')).toBe(withAntiPatterns);
        },
      ),
      { numRuns: 30 },
    );
  });
});
