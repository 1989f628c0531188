// The event log over HTTP (paged reads) and live over WebSocket, filterable by topic and resumable by id.
import { z } from 'zod';
import { parseTopicFilters, matchesAny } from '../../core/events/topic-filter';
import { AppError } from '../../core/shared/error-codes';
import type { Runtime } from '../../engine/runtime';
import type { StoredEvent } from '../../store/events-repo';
import { auditEntrySchema, authErrors, eventSchema, problemSchema } from '../schemas';
import { problem, sendProblem } from '../problem';
import type { App } from '../types';

const topicsQuery = z.string().max(1000).optional().describe('Comma-separated topics; `x.*` matches every topic under x');

function filtersOrThrow(raw: string | undefined): string[] {
  const parsed = parseTopicFilters(raw);
  if (!parsed.ok) {
    throw new AppError('OW_VALIDATION', `Invalid topic filter(s): ${parsed.invalid.join(', ')}`, parsed.invalid.map((t) => ({ field: 'topics', message: `"${t}" is not a topic or topic.* pattern` })));
  }
  return parsed.filters;
}

function prefixes(filters: string[]): string[] {
  return filters.includes('*') ? [] : filters.map((f) => (f.endsWith('.*') ? f.slice(0, -1) : f));
}

// The bus hands every subscriber the same event object: it is serialised and UTF-8 encoded once,
// and that buffer is sent as a text frame to every socket (no per-socket JSON or encoding).
const encoded = new WeakMap<StoredEvent, Buffer>();
function streamMessage(event: StoredEvent): Buffer {
  let bytes = encoded.get(event);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify({ type: 'event', event }));
    encoded.set(event, bytes);
  }
  return bytes;
}

export function registerEventRoutes(app: App, runtime: Runtime): void {
  app.get('/api/events', {
    schema: {
      tags: ['events'],
      summary: 'Read the event log in id order',
      querystring: z.object({
        after: z.coerce.number().int().min(0).optional(),
        topics: topicsQuery,
        key: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: { 200: z.object({ items: z.array(eventSchema), lastId: z.number().int() }), ...authErrors },
    },
  }, async (req) => {
    const filters = filtersOrThrow(req.query.topics);
    const rows = await runtime.events({ after: req.query.after, topicPrefixes: prefixes(filters), key: req.query.key, limit: req.query.limit });
    const items = rows.filter((e) => matchesAny(filters, e.topic));
    return { items, lastId: rows.at(-1)?.id ?? req.query.after ?? 0 };
  });

  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first',
      querystring: z.object({
        actor: z.string().max(200).optional(),
        action: z.string().max(200).optional().describe('An action or action prefix, e.g. token.'),
        target: z.string().max(200).optional(),
        before: z.coerce.number().int().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...authErrors },
    },
  }, async (req) => ({ items: await runtime.audit(req.query) }));

  app.route({
    method: 'GET',
    url: '/api/stream',
    schema: {
      tags: ['events'],
      summary: 'WebSocket: live events. Messages: {type:"ready",lastId} then {type:"event",event}. A plain GET answers 426.',
      querystring: z.object({ topics: topicsQuery, after: z.coerce.number().int().min(0).optional() }),
      response: { 426: problemSchema, ...authErrors },
    },
    handler: async (_req, reply) => {
      reply.header('upgrade', 'websocket');
      return sendProblem(reply, problem('OW_UPGRADE_REQUIRED', 'This endpoint speaks WebSocket: connect with an Upgrade: websocket request'));
    },
    wsHandler: (socket, req) => {
      const query = req.query as { topics?: string; after?: number };
      const parsed = parseTopicFilters(query.topics);
      if (!parsed.ok) {
        socket.send(JSON.stringify({ type: 'error', code: 'OW_VALIDATION', detail: `Invalid topic filter(s): ${parsed.invalid.join(', ')}` }));
        socket.close(1008, 'invalid topics');
        return;
      }
      const sub = runtime.bus.subscribe(parsed.filters, (event) => {
        if (socket.readyState === socket.OPEN) socket.send(streamMessage(event), { binary: false });
      }, query.after);
      socket.send(JSON.stringify({ type: 'ready', lastId: runtime.bus.position }));
      socket.on('close', () => sub.close());
      socket.on('error', () => sub.close());
    },
  });
}
