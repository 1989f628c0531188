// What the search index knows about a pattern, and what a search result shows of it.
import { z } from 'zod';

const isoInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be an ISO 8601 date or date-time' });
const facetList = z.array(z.string().trim().min(1, 'must not be empty')).max(50);

export const searchablePatternSchema = z.object({
  slug: z.string().trim().min(1, 'must not be empty').max(200),
  title: z.string().trim().min(1, 'must not be empty'),
  problem: z.string(),
  orchestrationShift: z.string(),
  body: z.string(),
  industries: facetList,
  problemTypes: facetList,
  brokenSignals: facetList,
  maturity: z.string().trim().min(1, 'must not be empty'),
  referenceCount: z.number().int().nonnegative(),
  publishedAt: isoInstant,
  clarityScore: z.number().finite(),
});

/** What the search index needs from a pattern; the integrator maps OWS documents to it. */
export type SearchablePattern = z.infer<typeof searchablePatternSchema>;

/** A result: the pattern without its body, with the relevance score when there was a text query. */
export type PatternSearchHit = Omit<SearchablePattern, 'body'> & { score?: number; matchedTerms?: string[] };
