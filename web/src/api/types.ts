// The shapes the portal exchanges with the HTTP API, as zod schemas: every response is checked at the
// boundary, so a server change shows up as a clear error naming the field instead of a broken page.
import { z } from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini ships without messages; English ones make validation errors readable in the UI.
z.config(en());

export const roles = ['viewer', 'operator', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

// Ids are opaque to the portal: the server may use numbers or strings.
export const idSchema = z.union([z.string(), z.number()]);
export type Id = z.infer<typeof idSchema>;

export const sessionSchema = z.object({ tokenId: idSchema, name: z.string(), role: roleSchema });
export type Session = z.infer<typeof sessionSchema>;

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  /** The token's first characters, to tell tokens apart without revealing them. */
  prefix: z.optional(z.string()),
  createdAt: z.string(),
  createdBy: z.optional(z.nullable(z.string())),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const tokenListSchema = z.object({ items: z.array(apiTokenSchema) });
export type TokenList = z.infer<typeof tokenListSchema>;

export const createTokenInputSchema = z.object({ role: roleSchema, name: z.optional(z.string()) });
export type CreateTokenInput = z.infer<typeof createTokenInputSchema>;

// The secret is in this response only: the server keeps a hash.
export const createdTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  token: z.string(),
  createdAt: z.string(),
});
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  actor: z.string(),
  action: z.string(),
  target: z.nullish(z.string()),
  summary: z.nullish(z.string()),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });
export type AuditList = z.infer<typeof auditListSchema>;

export const eventIdSchema = z.number();
export const streamEventSchema = z.object({
  id: eventIdSchema,
  topic: z.string(),
  key: z.nullish(z.string()),
  payload: z.unknown(),
  createdAt: z.string(),
});
export type StreamEvent = z.infer<typeof streamEventSchema>;
export const eventListSchema = z.object({ items: z.array(streamEventSchema), lastId: z.optional(eventIdSchema) });
export type EventList = z.infer<typeof eventListSchema>;

export const serverInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  driver: z.enum(['pglite', 'postgres']),
  startedAt: z.string(),
  readOnly: z.optional(z.boolean()),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

// Checks grow over time (database, workers, channels); unknown fields are kept, not rejected.
export const healthCheckSchema = z.looseObject({
  name: z.string(),
  status: z.string(),
  latencyMs: z.optional(z.nullable(z.number())),
  detail: z.optional(z.nullable(z.string())),
});
export type HealthCheck = z.infer<typeof healthCheckSchema>;
export const healthReportSchema = z.looseObject({ status: z.string(), checks: z.array(healthCheckSchema) });
export type HealthReport = z.infer<typeof healthReportSchema>;

export const livenessSchema = z.looseObject({ status: z.string(), uptimeSeconds: z.optional(z.number()) });
export type Liveness = z.infer<typeof livenessSchema>;

// Where in the input a problem is: a JSON pointer, or a line/column, or a named field.
export const problemFieldErrorSchema = z.object({
  pointer: z.optional(z.string()),
  line: z.optional(z.number()),
  column: z.optional(z.number()),
  field: z.optional(z.string()),
  message: z.string(),
});
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

// RFC 9457 problem details as our server writes them; every field is optional so a partial body still helps.
export const problemSchema = z.looseObject({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(z.array(problemFieldErrorSchema)),
});
export type Problem = z.infer<typeof problemSchema>;

export const streamMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), lastId: z.nullable(eventIdSchema) }),
  z.object({ type: z.literal('event'), event: streamEventSchema }),
  // Sent just before the server closes the stream for a reason retrying cannot fix (e.g. a bad filter).
  z.object({ type: z.literal('error'), code: z.optional(z.string()), detail: z.optional(z.string()) }),
]);
export type StreamMessage = z.infer<typeof streamMessageSchema>;
