// Shared server types: the typed Fastify instance and the per-route auth requirement.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../core/auth/roles';
import type { Principal } from '../engine/token-service';

/** `public` needs no token; a role needs at least that role. */
export type AuthRequirement = Role | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
    /** Destructive routes are refused when the process runs read-only. */
    destructive?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
