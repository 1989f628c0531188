import { describe, expect, it } from 'vitest';
import { matchesAny, parseTopicFilters, topicMatches } from '../../../src/core/events/topic-filter';

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
});
