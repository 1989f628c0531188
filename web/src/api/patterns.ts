// Typed client for the pattern library API: every JSON answer checked against its schema, text
// artifacts (Markdown, Mermaid, CSV) as strings, and the download URLs the pages link to.
import { z } from 'zod/mini';
import { ApiError, apiErrorFromProblem, parseRetryAfter } from './api-error';
import { api, buildUrl, type ApiClient, type FetchLike } from './client';
import { problemSchema } from './types';

export const PATTERN_FACETS = ['industry', 'problemType', 'brokenSignal', 'maturity'] as const;
export type PatternFacet = (typeof PATTERN_FACETS)[number];
export const PATTERN_SORTS = ['relevance', 'referenced', 'newest', 'clarity'] as const;
export type PatternSort = (typeof PATTERN_SORTS)[number];

// ---- search -------------------------------------------------------------------------------------

/** A search result: what a card shows, plus the relevance score when there were search words. */
export const patternCardSchema = z.object({
  slug: z.string(),
  title: z.string(),
  problem: z.string(),
  orchestrationShift: z.string(),
  industries: z.array(z.string()),
  problemTypes: z.array(z.string()),
  brokenSignals: z.array(z.string()),
  maturity: z.string(),
  /** The document's baseline plus views, article downloads and checklist exports recorded here. */
  referenceCount: z.number(),
  /** The author's publication date (YYYY-MM-DD). */
  publishedAt: z.string(),
  clarityScore: z.number(),
  /** The latest stored version. */
  version: z.number(),
  score: z.optional(z.number()),
  matchedTerms: z.optional(z.array(z.string())),
});
export type PatternCard = z.infer<typeof patternCardSchema>;

/** Per facet, value → how many results selecting it would give (the other facets' filters applied). */
export const facetCountsSchema = z.object({
  industry: z.record(z.string(), z.number()),
  problemType: z.record(z.string(), z.number()),
  brokenSignal: z.record(z.string(), z.number()),
  maturity: z.record(z.string(), z.number()),
});
export type FacetCounts = z.infer<typeof facetCountsSchema>;

export const patternListSchema = z.object({
  items: z.array(patternCardSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pageCount: z.number(),
  sort: z.enum(PATTERN_SORTS),
  /** No pattern matched the words as typed; typo-tolerant matching was used. */
  approximate: z.boolean(),
  facets: facetCountsSchema,
});
export type PatternList = z.infer<typeof patternListSchema>;

export interface PatternSearch {
  q?: string;
  industry?: readonly string[];
  problemType?: readonly string[];
  brokenSignal?: readonly string[];
  maturity?: readonly string[];
  sort?: PatternSort;
  page?: number;
  pageSize?: number;
}

// ---- scorecard, gates, diagrams -------------------------------------------------------------------

export const criterionSchema = z.object({ id: z.string(), met: z.boolean(), evidence: z.string(), pointers: z.array(z.string()) });
export const dimensionScoreSchema = z.object({
  id: z.string(),
  name: z.string(),
  score: z.number(),
  max: z.number(),
  criteria: z.array(criterionSchema),
});
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;

/** The HQO scorecard, computed from the pattern's content. */
export const scorecardSchema = z.object({
  dimensions: z.array(dimensionScoreSchema),
  dimensionScores: z.record(z.string(), z.number()),
  totalScore: z.number(),
  maxScore: z.number(),
  minDimensionScore: z.number(),
  minTotalScore: z.number(),
  slaTriggers: z.array(z.string()),
  escalationRoutes: z.array(z.string()),
  passed: z.boolean(),
  failures: z.array(z.object({ rule: z.string(), message: z.string() })),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const diagramSizeSchema = z.object({
  actorCount: z.number(),
  totalSteps: z.number(),
  altBlockCount: z.number(),
  maxStepsInAnyBranch: z.number(),
  noteCount: z.number(),
  maxMessageCharsObserved: z.number(),
  maxNoteCharsObserved: z.number(),
  passesBudget: z.boolean(),
  violations: z.optional(z.array(z.string())),
});
/** GET …/scorecard: the scorecard plus the OWS diagram-size scorecard of the orchestrated diagram. */
export const scorecardFileSchema = z.extend(scorecardSchema, { diagramSize: diagramSizeSchema });
export type ScorecardFile = z.infer<typeof scorecardFileSchema>;

export const gateFailureSchema = z.object({
  gate: z.enum(['schema', 'budget', 'hqo']),
  rule: z.string(),
  message: z.string(),
  pointer: z.optional(z.string()),
});
export type GateFailure = z.infer<typeof gateFailureSchema>;

export const budgetCountsSchema = z.object({
  actors: z.number(),
  steps: z.number(),
  altBlocks: z.number(),
  notes: z.number(),
  maxMessageChars: z.number(),
  maxNoteChars: z.number(),
});
export const budgetViolationSchema = z.object({ rule: z.string(), line: z.number(), message: z.string() });
export const parseErrorSchema = z.object({ line: z.number(), message: z.string(), expected: z.string() });

/** One generated diagram and its budget check. */
export const diagramReportSchema = z.object({
  kind: z.enum(['as-is', 'orchestrated']),
  text: z.string(),
  counts: budgetCountsSchema,
  violations: z.array(budgetViolationSchema),
  parseError: z.optional(parseErrorSchema),
  withinBudget: z.boolean(),
});
export type DiagramReport = z.infer<typeof diagramReportSchema>;

export const gateReportSchema = z.object({
  passed: z.boolean(),
  failures: z.array(gateFailureSchema),
  diagrams: z.array(diagramReportSchema),
});
export type GateReport = z.infer<typeof gateReportSchema>;

// ---- pattern page ---------------------------------------------------------------------------------

export const patternVersionSchema = z.object({
  slug: z.string(),
  version: z.number(),
  title: z.string(),
  /** When this version was stored (ISO date-time). */
  publishedAt: z.string(),
  createdBy: z.string(),
});
export type PatternVersion = z.infer<typeof patternVersionSchema>;

export const referencesSchema = z.object({
  views: z.number(),
  articleDownloads: z.number(),
  checklistExports: z.number(),
  /** The count the document carried when it was published. */
  baseline: z.number(),
  total: z.number(),
});
export type References = z.infer<typeof referencesSchema>;

export const articleSectionSchema = z.object({ heading: z.string(), markdown: z.string() });
export type ArticleSection = z.infer<typeof articleSectionSchema>;

/**
 * GET /api/patterns/:slug (records a view) and GET /api/patterns/:slug/versions/:version (does not).
 * `pattern` is the stored document (`{ ows, library }`); its full type is the JSON Schema at
 * /api/schemas/pattern.json, so the portal reads the few fields it needs from it.
 */
export const patternDetailSchema = z.object({
  slug: z.string(),
  version: z.number(),
  latestVersion: z.number(),
  title: z.string(),
  publishedAt: z.string(),
  createdBy: z.string(),
  pattern: z.looseObject({ ows: z.looseObject({}), library: z.looseObject({}) }),
  /** The nine article sections (Hook … Closing insight) as Markdown, without the header. */
  sections: z.array(articleSectionSchema),
  scorecard: scorecardSchema,
  gates: gateReportSchema,
  references: referencesSchema,
  versions: z.array(patternVersionSchema),
  components: z.array(
    z.object({
      name: z.string(),
      explanation: z.string(),
      prerequisites: z.array(z.string()),
      expectedTimeline: z.string(),
      effortPersonWeeks: z.number(),
    }),
  ),
});
export type PatternDetail = z.infer<typeof patternDetailSchema>;

// ---- checklist ------------------------------------------------------------------------------------

export const checklistEntrySchema = z.object({
  id: z.string(),
  summary: z.string(),
  details: z.string(),
  description: z.string(),
  issueType: z.string(),
  priority: z.string(),
  labels: z.array(z.string()),
  owner: z.string(),
  component: z.optional(z.string()),
  effortPersonWeeks: z.number(),
  doneWhen: z.array(z.object({ checkId: z.string(), statement: z.string(), doneDefinition: z.optional(z.string()) })),
  patternUrl: z.string(),
});
export const checklistSchema = z.object({
  pattern: z.object({ slug: z.string(), title: z.string(), version: z.number(), url: z.string() }),
  epicLabel: z.string(),
  totalEffortPersonWeeks: z.number(),
  items: z.array(checklistEntrySchema),
});
export type Checklist = z.infer<typeof checklistSchema>;

// ---- statement of work ----------------------------------------------------------------------------

export interface SowInput {
  dayRate: number;
  fteCount: number;
  /** Default 25. */
  bufferPercent?: number;
  /** ISO 4217, default USD. */
  currency?: string;
  daysPerWeek?: number;
  clientName?: string;
  /** Checklist item id → person-weeks for this client. */
  effortOverrides?: Record<string, number>;
  /** Checklist item ids left out. */
  exclude?: string[];
}

export const sowLineSchema = z.object({
  itemId: z.string(),
  deliverable: z.string(),
  owner: z.string(),
  effortPersonWeeks: z.number(),
  bufferedPersonDays: z.number(),
  durationWeeks: z.number(),
  priceCents: z.number(),
});
export const sowResultSchema = z.object({
  sow: z.object({
    slug: z.string(),
    title: z.string(),
    clientName: z.optional(z.string()),
    currency: z.string(),
    dayRate: z.number(),
    fteCount: z.number(),
    bufferPercent: z.number(),
    daysPerWeek: z.number(),
    lines: z.array(sowLineSchema),
    totals: z.object({ effortPersonWeeks: z.number(), bufferedPersonDays: z.number(), durationWeeks: z.number(), priceCents: z.number() }),
  }),
  markdown: z.string(),
  csv: z.string(),
});
export type SowResult = z.infer<typeof sowResultSchema>;

// ---- white-label ----------------------------------------------------------------------------------

/** `{ "L1": "Tier 1 Zendesk" }`, or a list when the order matters. */
export type TermMapInput = Record<string, string> | Array<{ from: string; to: string }>;

export const longLabelSchema = z.object({ id: z.string(), label: z.string(), chars: z.number(), limit: z.number(), line: z.number() });
export const lineWarningSchema = z.object({ line: z.number(), message: z.string() });

export const whiteLabelDiagramSchema = z.object({
  kind: z.enum(['as-is', 'orchestrated']),
  text: z.string(),
  withinBudget: z.boolean(),
  counts: budgetCountsSchema,
  violations: z.array(budgetViolationSchema),
  /** Violations the substitution caused (the original diagram did not have them). */
  introducedViolations: z.array(budgetViolationSchema),
  parseError: z.optional(parseErrorSchema),
  /** Participant labels that got longer than the readable width. */
  longLabels: z.array(longLabelSchema),
  substitutions: z.number(),
  warnings: z.array(lineWarningSchema),
});
export type WhiteLabelDiagram = z.infer<typeof whiteLabelDiagramSchema>;

export const whiteLabelResultSchema = z.object({
  slug: z.string(),
  version: z.number(),
  terms: z.array(z.object({ from: z.string(), to: z.string() })),
  /** Both diagrams fit the budget after substitution. */
  withinBudget: z.boolean(),
  diagrams: z.array(whiteLabelDiagramSchema),
  article: z.object({ markdown: z.string(), substitutions: z.number(), warnings: z.array(lineWarningSchema) }),
  checklist: z.object({ markdown: z.string(), csv: z.string(), substitutions: z.number() }),
});
export type WhiteLabelResult = z.infer<typeof whiteLabelResultSchema>;

// ---- validation and publication -------------------------------------------------------------------

export const validationReportSchema = z.object({
  passed: z.boolean(),
  failures: z.array(gateFailureSchema),
  /** Absent when the document does not match the schema (nothing to score). */
  scorecard: z.optional(scorecardSchema),
  diagrams: z.optional(z.array(diagramReportSchema)),
});
export type ValidationReport = z.infer<typeof validationReportSchema>;

export const publishResultSchema = z.object({
  /** `unchanged`: the latest version already holds this document; nothing was stored. */
  status: z.enum(['published', 'unchanged']),
  slug: z.string(),
  version: z.number(),
  title: z.string(),
  publishedAt: z.string(),
  createdBy: z.string(),
  totalScore: z.number(),
  maxScore: z.number(),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

// ---- the client -----------------------------------------------------------------------------------

export type TextArtifact = 'article.md' | 'mermaid/as-is' | 'mermaid/orchestrated' | 'checklist.md' | 'checklist.csv';

export interface PatternsApiOptions {
  baseUrl?: string;
  fetch?: FetchLike;
}

const encode = (slug: string): string => encodeURIComponent(slug);

function searchQuery(search: PatternSearch): Record<string, string | number | undefined> {
  // Several values of one facet travel comma-separated; the server also accepts repeated parameters.
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(',') : undefined);
  return {
    q: search.q,
    industry: list(search.industry),
    problemType: list(search.problemType),
    brokenSignal: list(search.brokenSignal),
    maturity: list(search.maturity),
    sort: search.sort,
    page: search.page,
    pageSize: search.pageSize,
  };
}

export function createPatternsApi(client: ApiClient = api, options: PatternsApiOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /** A download or text link the browser can follow (same-origin cookie session). */
  function artifactUrl(slug: string, artifact: TextArtifact | 'checklist.json' | 'scorecard', version?: number): string {
    return buildUrl(baseUrl, `/api/patterns/${encode(slug)}/${artifact}`, { version });
  }

  async function text(slug: string, artifact: TextArtifact, version?: number, signal?: AbortSignal): Promise<string> {
    const init: RequestInit = { method: 'GET', credentials: 'include', headers: { accept: 'text/plain, text/markdown, text/csv, application/problem+json' } };
    if (signal !== undefined) init.signal = signal;
    let response: Response;
    try {
      response = await doFetch(artifactUrl(slug, artifact, version), init);
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'network_error', title: 'Server unreachable', detail: `GET ${artifact} of ${slug} did not reach the server.` });
    }
    const body = await response.text();
    if (!response.ok) {
      let problem = null;
      try {
        const parsed = problemSchema.safeParse(JSON.parse(body));
        problem = parsed.success ? parsed.data : null;
      } catch {
        problem = null;
      }
      throw apiErrorFromProblem(response.status, problem, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
    }
    return body;
  }

  const signalOf = (signal?: AbortSignal) => (signal === undefined ? {} : { signal });

  return {
    search: (search: PatternSearch = {}, signal?: AbortSignal) =>
      client.request('/api/patterns', { query: searchQuery(search), schema: patternListSchema, ...signalOf(signal) }),
    /** The pattern page's data; records a view (counts towards "most referenced"). */
    get: (slug: string, signal?: AbortSignal) => client.request(`/api/patterns/${encode(slug)}`, { schema: patternDetailSchema, ...signalOf(signal) }),
    /** An earlier (or the latest) version; records nothing. */
    version: (slug: string, version: number, signal?: AbortSignal) =>
      client.request(`/api/patterns/${encode(slug)}/versions/${version}`, { schema: patternDetailSchema, ...signalOf(signal) }),
    scorecard: (slug: string, version?: number, signal?: AbortSignal) =>
      client.request(`/api/patterns/${encode(slug)}/scorecard`, { query: { version }, schema: scorecardFileSchema, ...signalOf(signal) }),
    /** The checklist as JSON; records a checklist export. */
    checklist: (slug: string, version?: number, signal?: AbortSignal) =>
      client.request(`/api/patterns/${encode(slug)}/checklist.json`, { query: { version }, schema: checklistSchema, ...signalOf(signal) }),
    /** ARTICLE.md, a diagram's Mermaid text, or the checklist as Markdown/CSV. Article and checklist record a download. */
    text,
    artifactUrl,
    sow: (slug: string, input: SowInput, version?: number) =>
      client.request(`/api/patterns/${encode(slug)}/sow`, { method: 'POST', query: { version }, body: input, schema: sowResultSchema }),
    whiteLabel: (slug: string, terms: TermMapInput, version?: number, signal?: AbortSignal) =>
      client.request(`/api/patterns/${encode(slug)}/white-label`, {
        method: 'POST',
        query: { version },
        body: { terms },
        schema: whiteLabelResultSchema,
        ...signalOf(signal),
      }),
    /** Runs every gate; stores nothing. */
    validate: (document: unknown) => client.request('/api/patterns/validate', { method: 'POST', body: document, schema: validationReportSchema }),
    /** Operator: publishes the document as the next version of its slug (422 lists every failed gate rule). */
    publish: (document: unknown) => client.request('/api/patterns', { method: 'POST', body: document, schema: publishResultSchema }),
    /** Operator: as publish, for the slug in the URL (it must match the document's library.slug). */
    publishVersion: (slug: string, document: unknown) =>
      client.request(`/api/patterns/${encode(slug)}`, { method: 'PUT', body: document, schema: publishResultSchema }),
    schemaUrl: () => buildUrl(baseUrl, '/api/schemas/pattern.json'),
  };
}

export type PatternsApi = ReturnType<typeof createPatternsApi>;

/** The portal's pattern client: same origin, cookie session. */
export const patternsApi: PatternsApi = createPatternsApi();
