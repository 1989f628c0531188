// Topic filters as the stream endpoint reads them: dot-separated segments, `*` allowed only as the
// last segment, where it stands for one or more further segments.
export function parseTopicFilter(filter: string): string[] {
  const segments = filter.split('.');
  segments.forEach((segment, index) => {
    if (segment === '') throw new Error(`topic filter "${filter}": segment ${index + 1} is empty`);
    if (segment.includes('*') && (segment !== '*' || index !== segments.length - 1)) {
      throw new Error(`topic filter "${filter}": "*" is only allowed as the whole last segment`);
    }
  });
  return segments;
}

export function matchesTopic(filter: string, topic: string): boolean {
  const segments = parseTopicFilter(filter);
  const topicSegments = topic.split('.');
  if (segments[segments.length - 1] === '*') {
    const prefix = segments.slice(0, -1);
    return topicSegments.length > prefix.length && prefix.every((segment, i) => topicSegments[i] === segment);
  }
  return filter === topic;
}

/** An empty filter list means every topic. */
export function matchesAnyTopic(filters: readonly string[], topic: string): boolean {
  return filters.length === 0 || filters.some((filter) => matchesTopic(filter, topic));
}
