// Token management over HTTP, admin only; the new token is returned once.
import { z } from 'zod';
import { createTokenInput } from '../../engine/token-service';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema, tokenSchema } from '../schemas';
import type { App } from '../types';

export function registerTokenRoutes(app: App, runtime: Runtime): void {
  app.get('/api/tokens', {
    config: { auth: 'admin' },
    schema: { tags: ['tokens'], summary: 'List API tokens (never their values)', response: { 200: z.object({ items: z.array(tokenSchema) }), ...authErrors } },
  }, async () => ({ items: await runtime.tokens.list() }));

  app.post('/api/tokens', {
    config: { auth: 'admin' },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token; the response is the only time its value is shown',
      body: createTokenInput,
      response: { 201: tokenSchema.extend({ token: z.string() }), ...authErrors },
    },
  }, async (req, reply) => {
    const created = await runtime.tokens.create(req.body, principalOf(req));
    return reply.code(201).send(created);
  });

  app.delete('/api/tokens/:id', {
    config: { auth: 'admin' },
    schema: {
      tags: ['tokens'],
      summary: 'Revoke an API token',
      params: z.object({ id: z.string().regex(/^tok_[0-9a-f]{16}$/, 'a token id looks like tok_0123456789abcdef') }),
      querystring: z.object({ reason: z.string().max(500).optional() }),
      response: { 204: z.null(), 404: problemSchema, 409: problemSchema, ...authErrors },
    },
  }, async (req, reply) => {
    await runtime.tokens.revoke(req.params.id, principalOf(req), req.query.reason);
    return reply.code(204).send(null);
  });
}
