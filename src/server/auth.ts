// Authentication (Bearer token or the HttpOnly session cookie) and role checks on every route.
// A route without an explicit requirement defaults to viewer for reads and operator for writes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, type Role } from '../core/auth/roles';
import type { Principal, TokenService } from '../engine/token-service';
import { problem, sendProblem } from './problem';
import type { App, AuthRequirement } from './types';

export const SESSION_COOKIE = 'ow_session';

export function tokenFromRequest(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m?.[1];
  }
  return req.cookies?.[SESSION_COOKIE];
}

export function requirementFor(req: FastifyRequest): AuthRequirement {
  // Unknown routes answer 404 to everyone; the portal's static files are public.
  if (req.is404) return 'public';
  const explicit = req.routeOptions.config?.auth;
  if (explicit) return explicit;
  if (!(req.routeOptions.url ?? '').startsWith('/api/')) return 'public';
  return req.method === 'GET' || req.method === 'HEAD' ? 'viewer' : 'operator';
}

export function registerAuth(app: App, tokens: TokenService, readOnly: boolean): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = tokenFromRequest(req);
    req.principal = token ? await tokens.authenticate(token) : undefined;
  });
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const need = requirementFor(req);
    if (need === 'public') return;
    const instance = req.url.split('?')[0];
    if (!req.principal) {
      const sent = tokenFromRequest(req) !== undefined;
      return sendProblem(reply, problem('OW_UNAUTHENTICATED', sent ? 'The token is invalid or revoked' : `This route needs a token with role ${need} or higher: send "Authorization: Bearer <token>" or sign in`, undefined, instance));
    }
    if (!hasRole(req.principal.role, need as Role)) {
      return sendProblem(reply, problem('OW_FORBIDDEN', `Role ${req.principal.role} cannot do this; it needs ${need} or higher`, undefined, instance));
    }
    if (readOnly && req.routeOptions.config?.destructive) {
      return sendProblem(reply, problem('OW_READ_ONLY', 'Destructive actions are disabled on this server (OW_READ_ONLY)', undefined, instance));
    }
  });
}

/** The principal of a route that required authentication. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal; auth hook misconfigured');
  return req.principal;
}
