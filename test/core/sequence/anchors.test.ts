import { describe, it, expect } from 'vitest';
import { assignSlugs, headingTextContent, headingsInBlock } from '../../../src/core/sequence/anchors';
import { buildSequenceMarkdown } from '../../../src/core/sequence/markdown';
import { parseSequence } from '../../../src/core/sequence/schema';

describe('anchors', () => {
  it('slugs like GitHub, numbering repeats -1, -2', () => {
    expect(assignSlugs(['Movement : Team Kickoff & Baseline', 'User Story', 'User Story', 'User Story'])).toEqual([
      'movement--team-kickoff--baseline',
      'user-story',
      'user-story-1',
      'user-story-2',
    ]);
  });

  it('takes the visible text of a heading: markup, raw HTML and closing hashes are not part of it', () => {
    expect(headingTextContent('Beat 1: **Route** `ticket` <b>now</b>')).toBe('Beat 1: Route ticket now');
    expect(headingTextContent('Plan &amp; act ##')).toBe('Plan & act');
    expect(headingTextContent('Plain words')).toBe('Plain words');
  });

  it('finds headings that user Markdown forms, including setext and list-item headings', () => {
    expect(headingsInBlock('Intro\n\n# One\n\nTwo\n---\n\n- # Three')).toEqual(['One', 'Two', 'Three']);
    expect(headingsInBlock('no headings, C# and #hashtag')).toEqual([]);
    expect(headingsInBlock('```\n# not a heading\n```')).toEqual([]);
  });

  it('shifts the TOC anchors when a description adds a heading with the same slug', () => {
    const parsed = parseSequence({
      domainId: 'd',
      id: 's',
      name: 'S',
      description: '## Beat : Same',
      userStory: {},
      diagram: 'd',
      movements: [{ name: 'M', userStory: {}, diagram: 'd', beats: [{ name: 'Same', event: 'e', userStory: {}, acceptanceCriteria: [], diagram: 'd' }] }],
    });
    if (!parsed.ok) throw new Error('invalid');
    const { toc } = buildSequenceMarkdown(parsed.value);
    expect(toc.find((e) => e.level === 2)?.anchor).toBe('beat--same-1');
  });
});
