// Security headers (helmet) on every response, with helmet's middleware built once at start-up:
// @fastify/helmet builds it anew on every request (options parsed, the CSP string joined), which the
// portal-load profile showed as about 3 % of the server's CPU per request. Same options, same headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { App } from './types';

type HelmetMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

// helmet is @fastify/helmet's own dependency: resolved from there, as package.json names only @fastify/helmet.
const fromFastifyHelmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
const helmet = fromFastifyHelmet('helmet') as (options: object) => HelmetMiddleware;

export const SECURITY_HEADER_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mermaid writes inline styles into the SVG diagrams it renders.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  hsts: false,
};

export function registerSecurityHeaders(app: App, options: object = SECURITY_HEADER_OPTIONS): void {
  const middleware = helmet(options);
  app.addHook('onRequest', (req, reply, done) => middleware(req.raw, reply.raw, (err) => done(err as Error | undefined)));
}
