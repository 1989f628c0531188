// Topic filters in the portal must accept, reject and match exactly as the server does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesAnyTopic, matchesTopic, parseTopicFilter } from '../../../web/src/api/topic-filter';
import { parseTopicFilters, topicMatches } from '../../../src/core/events/topic-filter';

const word = fc.stringMatching(/^[a-z0-9_-]{1,6}$/);
const topicArb = fc.array(word, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('.'));
const filterArb = fc.oneof(
  fc.constant('*'),
  topicArb,
  topicArb.map((topic) => `${topic}.*`),
  // Invalid shapes, so validity is compared too.
  fc.constantFrom('', 'a..b', '*.a', 'a.*.b', 'A.b', 'a.b*', 'a b', '.a'),
);

describe('topic filters in the portal', () => {
  it('matches like the server: * for all, prefix.* for everything under the prefix, else exact', () => {
    expect(matchesTopic('*', 'token.created')).toBe(true);
    expect(matchesTopic('journey.*', 'journey.stage.promoted')).toBe(true);
    expect(matchesTopic('journey.*', 'journeys.created')).toBe(false);
    expect(matchesTopic('journey.*', 'journey')).toBe(false);
    expect(matchesTopic('token.created', 'token.created')).toBe(true);
    expect(matchesTopic('token.created', 'token.revoked')).toBe(false);
  });

  it('agrees with the server on every filter and topic (validity and matching)', () => {
    fc.assert(
      fc.property(filterArb, topicArb, (filter, topic) => {
        const serverAccepts = parseTopicFilters(filter).ok && filter.trim() !== '';
        let portalAccepts = true;
        try {
          parseTopicFilter(filter);
        } catch {
          portalAccepts = false;
        }
        expect(portalAccepts).toBe(serverAccepts);
        if (serverAccepts) expect(matchesTopic(filter, topic)).toBe(topicMatches(filter, topic));
      }),
    );
  });

  it('names the bad filter and the rule', () => {
    expect(() => parseTopicFilter('Pattern.*')).toThrow(
      'topic filter "Pattern.*" is not valid: use dot-separated lowercase words, optionally ending in ".*" (or "*" alone)',
    );
  });

  it('treats an empty filter list as every topic', () => {
    fc.assert(
      fc.property(topicArb, (topic) => {
        expect(matchesAnyTopic([], topic)).toBe(true);
      }),
    );
    expect(matchesAnyTopic(['pattern.*', 'journey.*'], 'journey.created')).toBe(true);
    expect(matchesAnyTopic(['pattern.*'], 'journey.created')).toBe(false);
  });
});
