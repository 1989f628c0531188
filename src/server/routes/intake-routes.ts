// Inbound Zendesk and Jira webhooks: public routes verified by signature over the raw body bytes
// (kept in preParsing, before JSON parsing); a bad or stale signature is a 401 and stores nothing.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/shared/error-codes';
import { jiraPayload, mapJira, mapZendesk, zendeskPayload } from '../../core/tickets/intake-mapping';
import { verifyJira, verifyZendesk, type SignatureCheck } from '../../core/tickets/webhook-signatures';
import type { Runtime } from '../../engine/runtime';
import { readSetting } from '../../store/routing-settings-repo';
import { intakeSecretsInput } from '../../engine/escalation-mode';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const MAX_BODY = 1024 * 1024;

/** Secrets: the environment wins, else the settings keys intake.zendesk_secret / intake.jira_secret. */
async function secretFor(runtime: Runtime, source: 'zendesk' | 'jira'): Promise<string> {
  const env = source === 'zendesk' ? process.env.OW_ZENDESK_WEBHOOK_SECRET : process.env.OW_JIRA_WEBHOOK_SECRET;
  if (env) return env;
  const stored = await readSetting(runtime.db, `intake.${source}_secret`);
  if (typeof stored === 'string' && stored.length > 0) return stored;
  throw new AppError('OW_UNAVAILABLE', `No ${source} webhook secret is configured: set ${source === 'zendesk' ? 'OW_ZENDESK_WEBHOOK_SECRET' : 'OW_JIRA_WEBHOOK_SECRET'}`);
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads the body bytes, verifies them, and hands the same bytes on to the JSON parser. */
function verifying(runtime: Runtime, source: 'zendesk' | 'jira') {
  return async (req: FastifyRequest, _reply: unknown, payload: NodeJS.ReadableStream): Promise<NodeJS.ReadableStream> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > MAX_BODY) throw new AppError('OW_PAYLOAD_TOO_LARGE', `A webhook body may be at most ${MAX_BODY} bytes`);
      chunks.push(b);
    }
    const raw = Buffer.concat(chunks);
    const secret = await secretFor(runtime, source);
    const check: SignatureCheck =
      source === 'zendesk'
        ? verifyZendesk(secret, raw, header(req, 'x-zendesk-webhook-signature'), header(req, 'x-zendesk-webhook-signature-timestamp'), runtime.clock.now().getTime())
        : verifyJira(secret, raw, header(req, 'x-hub-signature'));
    if (!check.ok) throw new AppError('OW_UNAUTHENTICATED', `The ${source} webhook signature was rejected: ${check.reason}`);
    return Readable.from([raw]);
  };
}

const intakeResponse = z.object({ ticketId: z.string(), created: z.boolean(), assigneeId: z.string().nullable(), queued: z.boolean() });
const errors = { 400: problemSchema, 401: problemSchema, 503: problemSchema };

export function registerIntakeRoutes(app: App, runtime: Runtime): void {
  app.put('/api/intake/secrets', {
    config: { auth: 'admin' },
    schema: {
      tags: ['intake'],
      summary: 'Store the webhook secrets (else OW_ZENDESK_WEBHOOK_SECRET / OW_JIRA_WEBHOOK_SECRET); answers only whether each is configured',
      body: intakeSecretsInput,
      response: { 200: z.object({ zendesk: z.boolean(), jira: z.boolean() }), ...authErrors },
    },
  }, async (req) => runtime.escalation.setIntakeSecrets(req.body, principalOf(req).name));

  app.post('/api/intake/zendesk', {
    config: { auth: 'public' },
    preParsing: verifying(runtime, 'zendesk'),
    schema: {
      tags: ['intake'],
      summary: 'Zendesk webhook: creates or updates the ticket with this Zendesk id (signed: X-Zendesk-Webhook-Signature over timestamp + body)',
      body: zendeskPayload,
      response: { 200: intakeResponse, 201: intakeResponse, ...errors },
    },
  }, async (req, reply) => {
    const mapped = mapZendesk(req.body);
    const { ticket, created } = await runtime.tickets.upsertExternal('zendesk', mapped.input, mapped.status, 'zendesk webhook');
    return reply.code(created ? 201 : 200).send({ ticketId: ticket.id, created, assigneeId: ticket.assigneeId, queued: ticket.queuedAt !== null });
  });

  app.post('/api/intake/jira', {
    config: { auth: 'public' },
    preParsing: verifying(runtime, 'jira'),
    schema: {
      tags: ['intake'],
      summary: 'Jira webhook: creates or updates the ticket with this issue key (signed: X-Hub-Signature: sha256=<hex>)',
      body: jiraPayload,
      response: { 200: intakeResponse, 201: intakeResponse, ...errors },
    },
  }, async (req, reply) => {
    const mapped = mapJira(req.body);
    const { ticket, created } = await runtime.tickets.upsertExternal('jira', mapped.input, mapped.status, 'jira webhook');
    return reply.code(created ? 201 : 200).send({ ticketId: ticket.id, created, assigneeId: ticket.assigneeId, queued: ticket.queuedAt !== null });
  });
}
