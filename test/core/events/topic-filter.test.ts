import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesAny, parseTopicFilters, topicMatches, topicPrefixes, topicRoot, wantsAnyRoot } from '../../../src/core/events/topic-filter';

describe('topic filters', () => {
  it('matches a wildcard only at a segment boundary', () => {
    expect(topicMatches('journey.*', 'journey.created')).toBe(true);
    expect(topicMatches('journey.*', 'journey.stage.promoted')).toBe(true);
    expect(topicMatches('journey.*', 'journeys.created')).toBe(false);
    expect(topicMatches('journey.*', 'journey')).toBe(false);
  });

  it('matches exact topics and * alone', () => {
    expect(topicMatches('token.created', 'token.created')).toBe(true);
    expect(topicMatches('token.created', 'token.created.x')).toBe(false);
    expect(topicMatches('*', 'anything.at.all')).toBe(true);
    expect(matchesAny(['a.*', 'b.c'], 'b.c')).toBe(true);
    expect(matchesAny(['a.*', 'b.c'], 'b.d')).toBe(false);
  });

  it('parses a comma-separated list and names the invalid entries', () => {
    expect(parseTopicFilters(undefined)).toEqual({ ok: true, filters: ['*'] });
    expect(parseTopicFilters('journey.*, token.created')).toEqual({ ok: true, filters: ['journey.*', 'token.created'] });
    expect(parseTopicFilters('journey.*,Bad Topic,x.*.y')).toEqual({ ok: false, invalid: ['Bad Topic', 'x.*.y'] });
  });

  it('turns filters into the prefixes a reader fetches: * means all, duplicates once', () => {
    expect(topicPrefixes(['journey.*', 'token.revoked', 'journey.*'])).toEqual(['journey.', 'token.revoked']);
    expect(topicPrefixes(['journey.*', '*'])).toEqual([]);
  });

  it('names a topic by its root and knows whether a reader wants any of a NOTIFY\'s roots', () => {
    expect(topicRoot('task.completed')).toBe('task');
    expect(topicRoot('token')).toBe('token');
    expect(wantsAnyRoot(['agent.', 'token.revoked'], ['task', 'journey'])).toBe(false);
    expect(wantsAnyRoot(['agent.', 'token.revoked'], ['task', 'token'])).toBe(true);
    expect(wantsAnyRoot([], ['task'])).toBe(true);
  });

  it('never skips a wanted event: a filter that matches a topic always wants its root, through its prefixes', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,5}$/);
    const topic = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('.'));
    const filter = fc.oneof(topic, topic.map((t) => `${t}.*`), fc.constant('*'));
    fc.assert(
      fc.property(fc.array(filter, { minLength: 1, maxLength: 4 }), topic, (filters, t) => {
        if (!matchesAny(filters, t)) return;
        const prefixes = topicPrefixes(filters);
        expect(wantsAnyRoot(prefixes, [topicRoot(t)])).toBe(true);
        expect(prefixes.length === 0 || prefixes.some((p) => t.startsWith(p))).toBe(true);
      }),
    );
  });
});
