// The pattern search query: free text, facet filters, sort and paging, validated field by field
// so the API can say exactly which parameter was wrong.
import { z } from 'zod';
import { AppError, type ErrorLocation } from '../shared/error-codes';
import { toPointer } from '../shared/json-pointer';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';

export const FACETS = ['industry', 'problemType', 'brokenSignal', 'maturity'] as const;
export type FacetName = (typeof FACETS)[number];

export const SORTS = ['relevance', 'referenced', 'newest', 'clarity'] as const;
export type SortKey = (typeof SORTS)[number];

export const SEARCH_LIMITS = { maxQueryChars: 200, maxPageSize: 100, defaultPageSize: 20, maxPage: 10_000, maxValuesPerFacet: 50 } as const;

// A facet filter is one value or several (several = any of them); URL query strings give either.
const facetValues = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(100)).max(SEARCH_LIMITS.maxValuesPerFacet));

const positiveInt = (max: number) => z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

export const patternQuerySchema = z.strictObject({
  q: z.string().max(SEARCH_LIMITS.maxQueryChars, `must be at most ${SEARCH_LIMITS.maxQueryChars} characters`).optional(),
  industry: facetValues.optional(),
  problemType: facetValues.optional(),
  brokenSignal: facetValues.optional(),
  maturity: facetValues.optional(),
  sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(', ')}` }).optional(),
  page: positiveInt(SEARCH_LIMITS.maxPage).optional(),
  pageSize: positiveInt(SEARCH_LIMITS.maxPageSize).optional(),
});

/** What callers pass (strings are accepted for numbers and single facet values). */
export type PatternQueryInput = z.input<typeof patternQuerySchema>;
export type PatternQuery = z.output<typeof patternQuerySchema>;

/** Validates a query; throws a validation error naming each bad field (`/sort: must be one of …`). */
export function parsePatternQuery(input: unknown): PatternQuery {
  const parsed = patternQuerySchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  // An unknown parameter is reported at its own name, like any other bad field.
  const known = Object.keys(patternQuerySchema.shape).join(', ');
  const errors = parsed.error.issues.flatMap((issue): ErrorLocation[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: toPointer([key]), field: key, message: `unknown parameter; expected one of ${known}` }))
      : zodIssuesToLocations([issue]).map((e) => ({ ...e, field: String(issue.path[0] ?? '') })),
  );
  throw new AppError('OW_VALIDATION', `Invalid pattern search query:\n${formatLocations(errors)}`, errors);
}
