import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { renderSequenceHtml } from '../../../src/core/sequence/html';
import { buildSequenceMarkdown } from '../../../src/core/sequence/markdown';
import { parseSequence, type MusicalSequence } from '../../../src/core/sequence/schema';
import { referenceSequence } from './fixtures';
import { sequenceArb } from './arbitraries';

const mermaidScript = 'window.mermaid = { initialize: function () {} };';

const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

function hostile(): MusicalSequence {
  const p = payloads.join(' ');
  const parsed = parseSequence({
    domainId: `d ${p}`,
    id: 'hostile',
    name: `Name ${p}`,
    status: p,
    description: `Intro\n\n${payloads[0]}\n\n${payloads[1]}\n\n[click](javascript:alert(1)) [ok](https://example.org) ![i](javascript:alert(2))`,
    purpose: p,
    trigger: p,
    businessValue: `<div onclick="alert(3)">${p}</div>`,
    governance: { policies: [p], metrics: [p] },
    userStory: { persona: p, goal: p, benefit: p, diagram: `sequenceDiagram\n  A->>B: ${p}` },
    metadata: { version: p, author: p, created: p, tags: [p] },
    diagram: 'sequenceDiagram',
    movements: [
      {
        name: `Move ${p}`,
        description: p,
        status: p,
        userStory: { persona: p, diagram: `sequenceDiagram\n  Note over A: ${p}` },
        diagram: 'sequenceDiagram',
        beats: [
          {
            name: `Beat ${p}`,
            event: p,
            handler: { name: p, scope: 'external', externalSystem: { vendor: p, system: p } },
            userStory: { persona: p, goal: p, benefit: p },
            acceptanceCriteria: [{ given: [p], when: [p], then: [p] }],
            notes: [p, `<a href="javascript:alert(4)">x</a>`],
            diagram: `sequenceDiagram\n  participant A\n  A->>A: </pre>${p}`,
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function ids(html: string): string[] {
  return [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1] as string);
}

describe('renderSequenceHtml', () => {
  it('keeps user content inert: injected tags come out escaped in every field', () => {
    const html = renderSequenceHtml(hostile(), { mermaidScript });
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<div onclick/i);
    expect(html).not.toMatch(/<a href="javascript:/i);
    expect(html).not.toMatch(/href="javascript:|src="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Exactly the two scripts of the page itself: Mermaid and its initialisation.
    expect(html.match(/<script>/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    // Only the page's own tags: anything tag-like from the user is text.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] as string).toLowerCase()));
    for (const tag of tags) {
      expect(['html', 'head', 'meta', 'title', 'style', 'body', 'nav', 'p', 'ul', 'li', 'a', 'main', 'section', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'strong', 'pre', 'code', 'hr', 'script', 'em', 'ol', 'del', 'br']).toContain(tag);
    }
    expect(html).toContain('<a href="https://example.org">ok</a>');
  });

  it('puts diagrams in <pre class="mermaid"> with their text escaped', () => {
    const html = renderSequenceHtml(hostile(), { mermaidScript });
    const blocks = [...html.matchAll(/<pre class="mermaid">([\s\S]*?)<\/pre>/g)].map((m) => m[1] as string);
    // The sequence's and the movement's user-story diagrams and the beat's diagram (its user story has none).
    expect(blocks.length).toBe(3);
    for (const block of blocks) expect(block).not.toMatch(/<(?!\/pre)/);
    expect(blocks.some((b) => b.includes('A-&gt;&gt;A: &lt;/pre&gt;&lt;script&gt;'))).toBe(true);
  });

  it('inlines the Mermaid bundle so the page works offline, and starts it in strict mode', () => {
    const bundle = 'var s = "</script><script>bad()</script>"; /* <!-- */';
    const html = renderSequenceHtml(referenceSequence('operator-implementation'), { mermaidScript: bundle });
    expect(html).toContain("mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' });");
    // "</script" would close the element and "<!--" would change how the parser reads it.
    expect(html).toContain('var s = "\\x3C/script><script>bad()\\x3C/script>"; /* \\x3C!-- */');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="https?:/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('renders a sidebar table of contents linking every section, movement and beat', () => {
    const seq = referenceSequence('msp-domain-expert');
    const html = renderSequenceHtml(seq, { mermaidScript });
    const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const beats = seq.movements.reduce((n, m) => n + m.beats.length, 0);
    expect(nav.match(/class="toc-l2"/g)).toHaveLength(beats);
    expect(nav.match(/class="toc-l1"/g)).toHaveLength(seq.movements.length);
    expect(nav).toContain('<a href="#movement--pattern-research--selection">Movement : Pattern Research &amp; Selection</a>');
    const pageIds = ids(html);
    for (const [, anchor] of nav.matchAll(/href="#([^"]+)"/g)) expect(pageIds).toContain(anchor);
  });

  it('has print styles: the sidebar hides and the inline table of contents shows', () => {
    const html = renderSequenceHtml(referenceSequence('operator-implementation'), { mermaidScript });
    const print = /@media print \{([\s\S]*?)\n\}/.exec(html)?.[1] ?? '';
    expect(print).toMatch(/\.sidebar \{ display: none; \}/);
    expect(print).toMatch(/\.inline-toc \{ display: block; \}/);
    expect(html).toContain('<section class="inline-toc">');
  });

  it('uses the Markdown anchors as heading ids, unique, and never prints undefined or null (property)', () => {
    fc.assert(
      fc.property(sequenceArb, (seq) => {
        const html = renderSequenceHtml(seq, { mermaidScript });
        const pageIds = ids(html);
        expect(pageIds).toEqual(buildSequenceMarkdown(seq).anchors);
        expect(new Set(pageIds).size).toBe(pageIds.length);
        expect(html).not.toMatch(/undefined|null|\[object Object\]/);
        expect(html.match(/<script>/g)).toHaveLength(2);
      }),
      { numRuns: 150 },
    );
  });
});
