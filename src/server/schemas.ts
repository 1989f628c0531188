// Response and shared request shapes of the foundation API; the OpenAPI document is generated from them.
import { z } from 'zod';
import { roleSchema } from '../core/auth/roles';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string().optional(), line: z.number().optional(), column: z.number().optional(), field: z.string().optional(), message: z.string() })).optional(),
  })
  .describe('application/problem+json (RFC 9457)');

export const principalSchema = z.object({ tokenId: z.string(), name: z.string(), role: roleSchema });

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const eventSchema = z.object({
  id: z.number().int(),
  topic: z.string(),
  key: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  createdAt: z.string(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'warn', 'fail']),
  checks: z.array(z.object({ name: z.string(), status: z.enum(['ok', 'warn', 'fail']), latencyMs: z.number(), detail: z.string() })),
});

/** Standard error responses every authenticated route can give. */
export const authErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
