import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import { Lexer, Marked, type Token } from 'marked';
import { commonMarkFixes } from '../../../src/core/sequence/marked-commonmark';
import { buildSequenceMarkdown, renderSequenceMarkdown } from '../../../src/core/sequence/markdown';
import { inlineTextContent } from '../../../src/core/sequence/anchors';
import { parseSequence, type MusicalSequence } from '../../../src/core/sequence/schema';
import { fixtureText, referenceIds, referenceSequence, referenceSourcePath } from './fixtures';
import { sequenceArb } from './arbitraries';
import { generateSequences } from '../../../bench/sequence-docs.bench';

function minimal(extra: Partial<MusicalSequence> = {}): MusicalSequence {
  const parsed = parseSequence({
    domainId: 'ops',
    id: 'mini',
    name: 'Mini',
    userStory: {},
    diagram: 'sequenceDiagram',
    movements: [],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** Every heading of a Markdown document as GitHub would slug it, found by lexing the whole text. */
function githubAnchors(markdown: string): string[] {
  const texts: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'heading') texts.push(inlineTextContent(t.tokens ?? []));
      else if (t.type === 'list') for (const item of t.items as Token[]) walk((item as { tokens: Token[] }).tokens);
      else if (t.type === 'blockquote') walk(t.tokens ?? []);
    }
  };
  walk(new Marked(commonMarkFixes).lexer(markdown));
  const slugger = new GithubSlugger();
  return texts.map((t) => slugger.slug(t));
}

describe('renderSequenceMarkdown', () => {
  it.each(referenceIds)('reproduces the reference %s.md byte for byte', (id) => {
    const markdown = renderSequenceMarkdown(referenceSequence(id), { sourcePath: referenceSourcePath(id) });
    expect(Buffer.from(markdown, 'utf8').equals(Buffer.from(fixtureText(`${id}.md`), 'utf8'))).toBe(true);
  });

  it('builds the canonical-reference link from sourceLink, leaving every other line as the reference has it', () => {
    const id = 'operator-implementation';
    const markdown = renderSequenceMarkdown(referenceSequence(id), { sourceLink: 'https://example.org/seq/' });
    const expected = fixtureText(`${id}.md`)
      .split(`(../../${referenceSourcePath(id)})`)
      .join(`(https://example.org/seq/${id}.json)`);
    expect(markdown).toBe(expected);
    expect(markdown.match(/https:\/\/example\.org\/seq\/operator-implementation\.json/g)).toHaveLength(2);
    const noSlash = renderSequenceMarkdown(referenceSequence(id), { sourceLink: 'https://example.org/seq' });
    expect(noSlash).toBe(markdown);
  });

  it('links the sibling JSON file when neither a base nor a source path is given', () => {
    const markdown = renderSequenceMarkdown(referenceSequence('msp-domain-expert'));
    expect(markdown).toContain('**Auto-generated from**: [msp-domain-expert.json](msp-domain-expert.json)');
    expect(markdown.trimEnd().split('\n').pop()).toBe('_**Canonical Reference**: [msp-domain-expert.json](msp-domain-expert.json)_');
  });

  it('renders missing optional fields the way the references render their empty sections', () => {
    const markdown = renderSequenceMarkdown(minimal());
    expect(markdown).toContain('## Business Value\n\n\n\n## Governance');
    expect(markdown).toContain('## Metadata\n\n- **Version**: \n- **Author**: \n- **Created**: \n- **Tags**: \n\n---');
    expect(markdown).toContain('**Purpose**: \n\n**Trigger**: \n\n');
    expect(markdown).toContain('> **Domain**: ops | **Status**:  | **Auto-generated from**: [mini.json](mini.json)');
    const reference = fixtureText('operator-implementation.md');
    const tail = (md: string) => md.slice(md.indexOf('## Metadata'), md.indexOf('_**Canonical'));
    expect(tail(markdown)).toBe(tail(reference));
  });

  it('numbers movements and beats when the definition numbers them, and anchors follow', () => {
    const seq = minimal({
      movements: [
        {
          name: 'Plan',
          number: 2,
          userStory: {},
          diagram: 'd',
          beats: [
            { name: 'Kick off', beat: 1, event: 'a', userStory: {}, acceptanceCriteria: [], diagram: 'd' },
            { name: 'Kick off', beat: 1, event: 'a', userStory: {}, acceptanceCriteria: [], diagram: 'd' },
          ],
        },
      ],
    });
    const markdown = renderSequenceMarkdown(seq);
    expect(markdown).toContain('### Movement 2: Plan\n');
    expect(markdown).toContain('  - [Movement 2: Plan](#movement-2-plan)\n');
    expect(markdown).toContain('    - [Beat 1: Kick off](#beat-1-kick-off)\n    - [Beat 1: Kick off](#beat-1-kick-off-1)\n');
  });

  it('renders acceptance criteria given as the schema array, and movement business value', () => {
    const seq = minimal({
      movements: [
        {
          name: 'M',
          businessValue: 'Less firefighting',
          userStory: {},
          diagram: 'd',
          beats: [
            {
              name: 'B',
              event: 'e',
              handler: 'run`it`',
              userStory: {},
              acceptanceCriteria: [{ given: ['a ticket', 'an agent'], when: ['it ages'], then: ['it escalates'] }, {}],
              diagram: 'd',
            },
          ],
        },
      ],
    });
    const markdown = renderSequenceMarkdown(seq);
    expect(markdown).toContain('**Acceptance Criteria**:\n\n- **Given** a ticket and an agent, **when** it ages, **then** it escalates\n\n**Notes**:');
    expect(markdown).toContain('- **Handler**: `` run`it` ``\n');
    expect(markdown).toContain('**Tempo**:  | **Status**: \n\n**Business Value**: Less firefighting\n\n#### User Story');
  });

  it('keeps a user block with an unclosed fence or raw <script> inside its own section', () => {
    const seq = minimal({ description: 'Intro\n```js\nnever closed', businessValue: '<script>\nalert(1)' });
    const markdown = renderSequenceMarkdown(seq);
    const h2 = Lexer.lex(markdown).filter((t) => t.type === 'heading' && t.depth === 2).map((t) => (t as { text: string }).text);
    expect(h2).toEqual(['Table of Contents', 'Overview', 'User Story', 'Business Value', 'Governance', 'Workflow Movements', 'Metadata']);
  });

  it('keeps a stray "[" in one field from pairing with "]:" in a later one', () => {
    const seq = minimal({ businessValue: '[', governance: { policies: [']:a'] } });
    const doc = buildSequenceMarkdown(seq);
    expect(doc.anchors).toEqual(githubAnchors(doc.front + doc.tocSection + doc.body));
    expect(doc.anchors).toContain('policies');
  });

  it('keeps single-line slots on one line', () => {
    const markdown = renderSequenceMarkdown(minimal({ name: 'Two\nlines', purpose: 'a\r\nb' }));
    expect(markdown.startsWith('# Two lines\n')).toBe(true);
    expect(markdown).toContain('**Purpose**: a b\n');
  });

  it('never prints undefined, null or [object Object], whatever is missing (property)', () => {
    fc.assert(
      fc.property(sequenceArb, (seq) => {
        const markdown = renderSequenceMarkdown(seq, {});
        expect(markdown).not.toMatch(/undefined|null|\[object Object\]/);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every TOC entry the anchor GitHub gives its heading, even when user text adds headings (property)', () => {
    fc.assert(
      fc.property(sequenceArb, (seq) => {
        const doc = buildSequenceMarkdown(seq);
        const markdown = doc.front + doc.tocSection + doc.body;
        const expected = githubAnchors(markdown);
        expect(doc.anchors).toEqual(expected);
        for (const entry of doc.toc) expect(expected).toContain(entry.anchor);
        expect(new Set(doc.toc.map((e) => e.anchor)).size).toBe(doc.toc.length);
      }),
      { numRuns: 300 },
    );
  });

  it('lists every movement and beat in the TOC, in order', () => {
    for (const seq of generateSequences(20, 3)) {
      const { toc } = buildSequenceMarkdown(seq);
      const expected = seq.movements.flatMap((m) => [1, ...m.beats.map(() => 2)]);
      expect(toc.filter((e) => e.level > 0).map((e) => e.level)).toEqual(expected);
    }
  });
});
