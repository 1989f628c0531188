// Sign-in with a token: the portal keeps it in an HttpOnly, SameSite=Strict cookie.
import { z } from 'zod';
import { AppError } from '../../core/shared/error-codes';
import { commitChange } from '../../engine/change';
import type { Runtime } from '../../engine/runtime';
import { principalOf, SESSION_COOKIE } from '../auth';
import { principalSchema, problemSchema } from '../schemas';
import type { App } from '../types';

export function registerSessionRoutes(app: App, runtime: Runtime, opts: { signInRateLimit: number; secureCookie: boolean }): void {
  app.post('/api/session', {
    config: { auth: 'public', rateLimit: { max: opts.signInRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['session'],
      summary: 'Sign in with an API token; sets the session cookie',
      body: z.strictObject({ token: z.string().min(1, 'token is required').max(600) }),
      response: { 200: principalSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
  }, async (req, reply) => {
    const principal = await runtime.tokens.authenticate(req.body.token);
    if (!principal) {
      req.log.warn({ ip: req.ip }, 'sign-in with an invalid token');
      throw new AppError('OW_UNAUTHENTICATED', 'The token is invalid or revoked');
    }
    await commitChange(runtime.db, runtime.clock, async () => ({
      result: undefined,
      audit: { actor: principal.name, action: 'session.sign-in', target: principal.tokenId, summary: `signed in to the portal as ${principal.role}` },
    }));
    reply.setCookie(SESSION_COOKIE, req.body.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: opts.secureCookie, maxAge: 60 * 60 * 24 * 7 });
    return principal;
  });

  app.get('/api/session', {
    config: { auth: 'viewer' },
    schema: { tags: ['session'], summary: 'Who am I', response: { 200: principalSchema, 401: problemSchema } },
  }, async (req) => principalOf(req));

  app.delete('/api/session', {
    config: { auth: 'public' },
    schema: { tags: ['session'], summary: 'Sign out: clears the session cookie', response: { 204: z.null() } },
  }, async (_req, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
}
