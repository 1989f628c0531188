// Alert channels (admin: they hold secrets, never returned), "send test", the alerts timeline and
// deliveries with their failures and retry.
import { z } from 'zod';
import { alertChannelInput } from '../../core/sla/alert-channel';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const item = z.unknown();
const idParams = z.object({ id: z.string().min(1).max(64) });
const writeErrors = { 404: problemSchema, 409: problemSchema, ...authErrors };

export function registerAlertRoutes(app: App, runtime: Runtime): void {
  const channels = runtime.sla.channels;
  const actor = (req: Parameters<typeof principalOf>[0]) => principalOf(req).name;

  app.get('/api/alert-channels', {
    schema: { tags: ['alerts'], summary: 'Alert channels with their last deliveries and failure counts (secrets never shown)', response: { 200: z.object({ items: z.array(item) }), ...authErrors } },
  }, async () => ({ items: await channels.list() }));
  app.get('/api/alert-channels/:id', { schema: { tags: ['alerts'], summary: 'One alert channel', params: idParams, response: { 200: item, 404: problemSchema, ...authErrors } } }, async (req) => channels.get(req.params.id));
  app.post('/api/alert-channels', {
    config: { auth: 'admin' },
    schema: { tags: ['alerts'], summary: 'Create a Slack, e-mail or signed-webhook channel', body: alertChannelInput, response: { 201: item, ...writeErrors } },
  }, async (req, reply) => reply.code(201).send(await channels.create(req.body, actor(req))));
  app.put('/api/alert-channels/:id', {
    config: { auth: 'admin' },
    schema: { tags: ['alerts'], summary: 'Replace a channel; secret fields left out keep their stored values', params: idParams, body: z.looseObject({ kind: z.enum(['slack', 'email', 'webhook']) }), response: { 200: item, ...writeErrors } },
  }, async (req) => channels.replace(req.params.id, req.body, actor(req)));
  app.delete('/api/alert-channels/:id', {
    config: { auth: 'admin', destructive: true },
    schema: { tags: ['alerts'], summary: 'Remove a channel and its deliveries', params: idParams, querystring: z.object({ reason: z.string().trim().min(1).max(500) }), response: { 204: z.null(), ...writeErrors } },
  }, async (req, reply) => {
    await channels.remove(req.params.id, actor(req), req.query.reason);
    return reply.code(204).send(null);
  });
  app.post('/api/alert-channels/:id/test', {
    config: { auth: 'operator' },
    schema: { tags: ['alerts'], summary: 'Send a test alert through the channel now; answers with the delivery (sent or its error)', params: idParams, response: { 200: item, ...writeErrors } },
  }, async (req) => channels.sendTest(req.params.id, actor(req)));

  app.get('/api/alerts', {
    schema: { tags: ['alerts'], summary: 'Alerts, newest first, with their deliveries', querystring: z.object({ ticketId: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.object({ items: z.array(item) }), ...authErrors } },
  }, async (req) => ({ items: await channels.alerts({ ...(req.query.ticketId ? { ticketId: req.query.ticketId } : {}), limit: req.query.limit }) }));
  app.get('/api/alert-deliveries', {
    schema: {
      tags: ['alerts'],
      summary: 'Deliveries of alerts to channels (filter failed ones to see what needs a retry)',
      querystring: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional(), channelId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(item) }), ...authErrors },
    },
  }, async (req) => ({ items: await channels.deliveries({ ...(req.query.status ? { status: req.query.status } : {}), ...(req.query.channelId ? { channelId: req.query.channelId } : {}), limit: req.query.limit }) }));
  app.post('/api/alert-deliveries/:id/retry', {
    config: { auth: 'operator' },
    schema: { tags: ['alerts'], summary: 'Queue a failed delivery again with fresh attempts', params: idParams, response: { 200: item, ...writeErrors } },
  }, async (req) => channels.retry(req.params.id, actor(req), () => runtime.sla.rearm()));
}
