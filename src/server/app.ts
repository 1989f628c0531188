// Builds the HTTP server: security headers, auth, problem+json errors, metrics, OpenAPI,
// the WebSocket stream, every route, and the portal's static files with a client-side-routing fallback.
import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Runtime } from '../engine/runtime';
import { AppError } from '../core/shared/error-codes';
import { parseJsonText } from '../core/shared/json-text';
import { hasProtoKey } from '../core/shared/proto-guard';
import { registerAuth } from './auth';
import { registerHttpMetrics } from './http-metrics';
import { registerSecurityHeaders } from './security-headers';
import { problem, sendProblem, toProblem } from './problem';
import { registerRoutes } from './routes';
import type { App } from './types';

export interface ServerOptions {
  runtime: Runtime;
  logger: Logger;
  version: string;
  webDir?: string;
  bodyLimitBytes: number;
  signInRateLimit: number;
  readOnly: boolean;
  /** Later capabilities add their routes here, so the server stays one composition point. */
  plugins?: Array<(app: App) => void | Promise<void>>;
}

export async function buildServer(opts: ServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: opts.logger as FastifyBaseLogger,
    bodyLimit: opts.bodyLimitBytes,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Orchestration Wisdom API', version: opts.version, description: 'Patterns, journeys, escalation runtime and operations. Errors are application/problem+json with a stable `code`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'ow_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError('OW_RATE_LIMITED', `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  // Our own JSON parser so a malformed body is answered with the line and column of the mistake.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      return done(new AppError('OW_MALFORMED_JSON', `The request body is not valid JSON: ${parsed.message} at line ${parsed.line}, column ${parsed.column} (position ${parsed.position})`, [{ line: parsed.line, column: parsed.column, message: parsed.message }]), undefined);
    }
    if (hasProtoKey(parsed.value)) return done(new AppError('OW_VALIDATION', 'The request body contains a forbidden __proto__ or constructor.prototype key'), undefined);
    done(null, parsed.value);
  });

  const registry = registerHttpMetrics(app);
  registerAuth(app, opts.runtime.tokens, opts.readOnly);

  app.setErrorHandler((err, req, reply) => {
    const body = toProblem(err instanceof Error ? err : new Error(String(err)), req);
    if (body.status >= 500) req.log.error({ err }, 'request failed');
    return sendProblem(reply, body);
  });

  await registerRoutes(app, opts.runtime, { version: opts.version, readOnly: opts.readOnly, signInRateLimit: opts.signInRateLimit, registry });
  for (const plugin of opts.plugins ?? []) await plugin(app);

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    // wildcard: files built after start-up (a portal rebuild) are served without a restart.
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/') || path === '/api' || path === '/healthz' || path === '/readyz' || path === '/metrics';
    // Client-side routes (/library, /journeys/42) get the portal; unknown API routes get a problem.
    if (!isApi && hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, problem('OW_ROUTE_NOT_FOUND', `No route ${req.method} ${path}`, undefined, path));
  });
  return app;
}
