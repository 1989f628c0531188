// Topic filters for subscribers: `journey.*` matches `journey.created` and `journey.stage.promoted`;
// an exact topic matches itself; `*` alone matches everything.
import { z } from 'zod';

const TOPIC_PATTERN = /^(\*|[a-z0-9_-]+(\.[a-z0-9_-]+)*(\.\*)?)$/;

export const topicFilterSchema = z.string().regex(TOPIC_PATTERN, 'a topic is dot-separated lowercase words, optionally ending in .* (or * alone)');

export function parseTopicFilters(raw: string | undefined): { ok: true; filters: string[] } | { ok: false; invalid: string[] } {
  if (!raw || raw.trim() === '') return { ok: true, filters: ['*'] };
  const filters = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const invalid = filters.filter((f) => !TOPIC_PATTERN.test(f));
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, filters };
}

export function topicMatches(filter: string, topic: string): boolean {
  if (filter === '*') return true;
  if (filter.endsWith('.*')) {
    const prefix = filter.slice(0, -1); // keep the dot: `journey.` does not match `journeys.x`
    return topic.startsWith(prefix);
  }
  return filter === topic;
}

export function matchesAny(filters: ReadonlyArray<string>, topic: string): boolean {
  return filters.some((f) => topicMatches(f, topic));
}

/**
 * The topic prefixes a reader must fetch to serve these filters (a superset: `matchesAny` decides);
 * empty means every topic.
 */
export function topicPrefixes(filters: ReadonlyArray<string>): string[] {
  if (filters.includes('*')) return [];
  return [...new Set(filters.map((f) => (f.endsWith('.*') ? f.slice(0, -1) : f)))];
}

/** The first word of a topic (`task` for `task.completed`): what an event NOTIFY names. */
export function topicRoot(topic: string): string {
  const dot = topic.indexOf('.');
  return dot < 0 ? topic : topic.slice(0, dot);
}

/** Whether a reader fetching these prefixes (empty: all) wants any event whose topic has one of these roots. */
export function wantsAnyRoot(prefixes: ReadonlyArray<string>, roots: ReadonlyArray<string>): boolean {
  if (prefixes.length === 0) return true;
  return prefixes.some((p) => roots.includes(topicRoot(p)));
}
