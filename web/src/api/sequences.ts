// Typed calls for sequence documents: list, one sequence (document, summary, issues, versions), the
// links of its generated .md and .html, and the upload that sends a JSON file's text as it is.
import { z } from 'zod/mini';
import { apiErrorFromProblem, ApiError, parseRetryAfter } from './api-error';
import { api, buildUrl } from './client';
import { problemSchema, type Problem } from './types';

export const issueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  pointer: z.string(),
  message: z.string(),
});
export type SequenceIssue = z.infer<typeof issueSchema>;

export const versionInfoSchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  title: z.nullable(z.string()),
  sourcePath: z.nullable(z.string()),
  movements: z.number(),
  beats: z.number(),
  warnings: z.number(),
  errors: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type SequenceVersionInfo = z.infer<typeof versionInfoSchema>;

export const sequenceListSchema = z.object({ items: z.array(z.extend(versionInfoSchema, { versions: z.number() })) });
export type SequenceList = z.infer<typeof sequenceListSchema>;

const userStorySchema = z.object({
  persona: z.optional(z.string()),
  goal: z.optional(z.string()),
  benefit: z.optional(z.string()),
  diagram: z.optional(z.string()),
});
export type UserStory = z.infer<typeof userStorySchema>;

const clauseSchema = z.optional(z.union([z.string(), z.array(z.string())]));
const criterionSchema = z.object({ given: clauseSchema, when: clauseSchema, then: clauseSchema, and: clauseSchema });
export type Criterion = z.infer<typeof criterionSchema>;

const handlerSchema = z.union([
  z.string(),
  z.object({
    name: z.string(),
    scope: z.optional(z.string()),
    kind: z.optional(z.string()),
    sourcePath: z.optional(z.string()),
    externalSystem: z.optional(
      z.object({ vendor: z.optional(z.string()), system: z.optional(z.string()), type: z.optional(z.string()), description: z.optional(z.string()) }),
    ),
  }),
]);
export type Handler = z.infer<typeof handlerSchema>;

const beatSchema = z.object({
  name: z.optional(z.string()),
  title: z.optional(z.string()),
  beat: z.optional(z.number()),
  number: z.optional(z.number()),
  event: z.string(),
  description: z.optional(z.string()),
  handler: z.optional(handlerSchema),
  userStory: userStorySchema,
  acceptanceCriteria: z.union([z.array(criterionSchema), criterionSchema]),
  notes: z.optional(z.array(z.string())),
  diagram: z.string(),
});
export type Beat = z.infer<typeof beatSchema>;

const movementSchema = z.object({
  name: z.string(),
  number: z.optional(z.number()),
  description: z.optional(z.string()),
  tempo: z.optional(z.number()),
  status: z.optional(z.string()),
  userStory: userStorySchema,
  beats: z.array(beatSchema),
  diagram: z.string(),
});
export type Movement = z.infer<typeof movementSchema>;

/** The parts of a stored sequence the portal shows; the server has validated the whole document. */
export const sequenceDocumentSchema = z.object({
  domainId: z.string(),
  id: z.string(),
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  purpose: z.optional(z.string()),
  trigger: z.optional(z.string()),
  status: z.optional(z.string()),
  businessValue: z.optional(z.string()),
  governance: z.optional(z.object({ policies: z.optional(z.array(z.string())), metrics: z.optional(z.array(z.string())) })),
  events: z.optional(z.array(z.string())),
  userStory: userStorySchema,
  metadata: z.optional(
    z.object({ version: z.optional(z.string()), author: z.optional(z.string()), created: z.optional(z.string()), tags: z.optional(z.array(z.string())) }),
  ),
  movements: z.array(movementSchema),
  diagram: z.string(),
});
export type SequenceDocument = z.infer<typeof sequenceDocumentSchema>;

const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  movements: z.number(),
  beats: z.number(),
  events: z.number(),
  warnings: z.number(),
  errors: z.number(),
});

export const sequenceDetailSchema = z.extend(versionInfoSchema, {
  document: sequenceDocumentSchema,
  summary: summarySchema,
  issues: z.array(issueSchema),
  versions: z.array(versionInfoSchema),
});
export type SequenceDetail = z.infer<typeof sequenceDetailSchema>;

export const publishedSequenceSchema = z.extend(versionInfoSchema, {
  summary: summarySchema,
  issues: z.array(issueSchema),
  repaired: z.boolean(),
  guesses: z.array(z.object({ line: z.number(), chosen: z.string(), alternatives: z.array(z.string()) })),
});
export type PublishedSequence = z.infer<typeof publishedSequenceSchema>;

const sequencePath = (id: string, extension = '') => `/api/sequences/${encodeURIComponent(id)}${extension}`;

export function listSequences(signal?: AbortSignal): Promise<SequenceList> {
  return api.request('/api/sequences', { schema: sequenceListSchema, ...(signal ? { signal } : {}) });
}

export function getSequence(id: string, version: number | undefined, signal?: AbortSignal): Promise<SequenceDetail> {
  return api.request(sequencePath(id), { query: { version }, schema: sequenceDetailSchema, ...(signal ? { signal } : {}) });
}

/** Where the generated Markdown or standalone page of a version is served (same origin, session cookie). */
export function sequenceFileUrl(id: string, format: 'md' | 'html', version?: number): string {
  return buildUrl('', sequencePath(id, `.${format}`), { version });
}

/**
 * Publishes a JSON file as the next version of its sequence. The text goes to the server unchanged so
 * that its encoding repair and the line numbers of its errors refer to the file the user chose.
 */
export async function uploadSequence(text: string, fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<PublishedSequence> {
  let response: Response;
  try {
    response = await fetchImpl('/api/sequences', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: text,
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network_error', title: 'Server unreachable', detail: `The upload did not reach the server (${cause instanceof Error ? cause.message : 'the connection failed'}).` });
  }
  const body = await response.text();
  let json: unknown = null;
  try {
    json = body === '' ? null : JSON.parse(body);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const parsed = problemSchema.safeParse(json);
    const problem: Problem | null = parsed.success ? parsed.data : null;
    throw apiErrorFromProblem(response.status, problem, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
  }
  const parsed = publishedSequenceSchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: 'invalid_response', title: 'Unexpected response', detail: 'The server accepted the sequence but answered a body the portal does not understand' });
  }
  return parsed.data;
}
