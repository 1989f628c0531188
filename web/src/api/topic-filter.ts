// Topic filters as the stream and /api/events read them: dot-separated lowercase words, optionally
// ending in `.*` (every topic under that prefix), or `*` alone for everything. The same rule as the
// server's, so the portal can reject a bad filter before sending it.
const topicFilterPattern = /^(\*|[a-z0-9_-]+(\.[a-z0-9_-]+)*(\.\*)?)$/;

export function parseTopicFilter(filter: string): string {
  if (!topicFilterPattern.test(filter)) {
    throw new Error(
      `topic filter "${filter}" is not valid: use dot-separated lowercase words, optionally ending in ".*" (or "*" alone)`,
    );
  }
  return filter;
}

export function matchesTopic(filter: string, topic: string): boolean {
  parseTopicFilter(filter);
  if (filter === '*') return true;
  // Keep the dot: `journey.*` matches `journey.created` but not `journeys.created`.
  if (filter.endsWith('.*')) return topic.startsWith(filter.slice(0, -1));
  return filter === topic;
}

/** An empty filter list means every topic. */
export function matchesAnyTopic(filters: readonly string[], topic: string): boolean {
  return filters.length === 0 || filters.some((filter) => matchesTopic(filter, topic));
}
