// Alert channels against real local receivers started here: an HTTP listener playing Slack (a 429 with
// Retry-After, then 200) and a signed-webhook receiver that verifies the HMAC, and smtp-server for e-mail.
// Also: secrets never returned, roles, 400 with pointers, 404 on unknown ids, the SLA API reads.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/integrations/signed-webhook';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { until } from '../helpers/until';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('alert channels against real receivers', () => {
  let server: TestServer;
  let http: Server;
  let httpUrl: string;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: Received[] = [];
  const mails: string[] = [];
  let slack429 = 1;
  const SECRET = 'webhook-signing-secret-0123';

  beforeAll(async () => {
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        if (req.url?.startsWith('/slack') && slack429 > 0) {
          slack429--;
          res.writeHead(429, { 'retry-after': '1' }).end('rate_limited');
          return;
        }
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          mails.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
    await new Promise((r) => http.close(r));
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const admin = () => server.adminToken;

  it('Slack: honours 429 Retry-After, then delivers a Block Kit message; the webhook URL is never returned', async () => {
    const created = await api(server, 'POST', '/api/alert-channels', { token: admin(), body: { kind: 'slack', name: 'ops-slack', webhookUrl: `${httpUrl}/slack?token=xoxb-very-secret` } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain('xoxb-very-secret');
    expect(created.json.secretsSet).toEqual(['webhookUrl']);
    const id = String(created.json.id);
    const test = await api(server, 'POST', `/api/alert-channels/${id}/test`, { token: admin() });
    expect(test.status).toBe(200);
    expect(test.json).toMatchObject({ status: 'pending', lastHttpStatus: 429 });
    const deliveryId = String(test.json.id);
    // The delivery loop retries after the second Slack asked for.
    const sent = await until('the Slack retry', async () => {
      const d = await api(server, 'GET', `/api/alert-deliveries?channelId=${id}`, { token: admin() });
      const row = d.json.items?.find((x) => x.id === deliveryId);
      return row?.status === 'sent' ? row : undefined;
    });
    expect(sent.attempts).toBe(2);
    const slackCalls = received.filter((r) => r.path.startsWith('/slack'));
    expect(slackCalls).toHaveLength(2);
    const msg = JSON.parse(slackCalls[1]!.body) as { text: string; blocks: Array<{ type: string }> };
    expect(msg.text).toContain('Test alert');
    expect(msg.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['header', 'section', 'actions']));
    const listed = await api(server, 'GET', '/api/alert-channels', { token: admin() });
    expect(listed.text).not.toContain('xoxb-very-secret');
  });

  it('signed webhook: the receiver verifies X-OW-Signature over timestamp.body', async () => {
    const created = await api(server, 'POST', '/api/alert-channels', { token: admin(), body: { kind: 'webhook', name: 'hook', url: `${httpUrl}/hook`, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(SECRET);
    const test = await api(server, 'POST', `/api/alert-channels/${String(created.json.id)}/test`, { token: admin() });
    expect(test.json).toMatchObject({ status: 'sent', attempts: 1 });
    const call = received.find((r) => r.path === '/hook')!;
    const ts = String(call.headers['x-ow-timestamp']);
    const sig = String(call.headers['x-ow-signature']);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, ts, call.body, sig, Date.now())).toBe(true);
    expect(verifyWebhookSignature('another-secret-xxxxxxxx', ts, call.body, sig, Date.now())).toBe(false);
    expect(verifyWebhookSignature(SECRET, ts, call.body.replace('Test', 'Fake'), sig, Date.now())).toBe(false);
    expect(JSON.parse(call.body)).toMatchObject({ type: 'alert.test', ticketId: 'T-TEST' });
  });

  it('e-mail over SMTP arrives with the alert in it; a failing SMTP host is reported, not thrown', async () => {
    const created = await api(server, 'POST', '/api/alert-channels', { token: admin(), body: { kind: 'email', name: 'mail', host: '127.0.0.1', port: smtpPort, from: 'ow@example.com', to: ['oncall@example.com'], password: 'smtp-pass-secret' } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain('smtp-pass-secret');
    const test = await api(server, 'POST', `/api/alert-channels/${String(created.json.id)}/test`, { token: admin() });
    expect(test.json).toMatchObject({ status: 'sent' });
    const mail = await until('the e-mail', async () => mails.find((m) => m.includes('T-TEST')));
    expect(mail).toContain('oncall@example.com');
    expect(mail).toContain('Subject: Test alert from Orchestration Wisdom');
    const dead = await api(server, 'POST', '/api/alert-channels', { token: admin(), body: { kind: 'email', name: 'dead', host: '127.0.0.1', port: 9, from: 'ow@example.com', to: ['x@example.com'] } });
    const failed = await api(server, 'POST', `/api/alert-channels/${String(dead.json.id)}/test`, { token: admin() });
    expect(failed.status).toBe(200);
    expect(failed.json).toMatchObject({ status: 'pending' });
    expect(String(failed.json.lastError)).toMatch(/ECONNREFUSED|connect/i);
  });

  it('rejects bad input with pointers, unknown ids with 404, and keeps channels for admins', async () => {
    const bad = await api(server, 'POST', '/api/alert-channels', { token: admin(), body: { kind: 'webhook', name: 'x', url: 'ftp://nope', secret: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('/url');
    expect(bad.text).toContain('/secret');
    expect((await api(server, 'GET', '/api/alert-channels/ch_missing', { token: admin() })).status).toBe(404);
    expect((await api(server, 'POST', '/api/alert-deliveries/dlv_missing/retry', { token: admin() })).status).toBe(404);
    const viewer = await api(server, 'POST', '/api/tokens', { token: admin(), body: { role: 'viewer' } });
    const vt = String(viewer.json.token);
    expect((await api(server, 'GET', '/api/sla-policies', { token: vt })).status).toBe(200);
    expect((await api(server, 'POST', '/api/alert-channels', { token: vt, body: { kind: 'slack', name: 'x', webhookUrl: 'http://x' } })).status).toBe(403);
    const op = await api(server, 'POST', '/api/tokens', { token: admin(), body: { role: 'operator' } });
    expect((await api(server, 'POST', '/api/alert-channels', { token: String(op.json.token), body: { kind: 'slack', name: 'x', webhookUrl: 'http://x' } })).status).toBe(403);
    const badPolicy = await api(server, 'PUT', '/api/sla-policies/default', { token: admin(), body: { name: 'Default', targets: { urgent: { firstResponseMinutes: 0, resolutionMinutes: 60 } } } });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.text).toContain('/targets/urgent/firstResponseMinutes');
    expect((await api(server, 'GET', '/api/sla-policies/nope', { token: vt })).status).toBe(404);
  });

  it('serves the seeded default policy, calendar and escalation policy, and a ticket\'s clocks', async () => {
    const policies = await api(server, 'GET', '/api/sla-policies', { token: admin() });
    expect(policies.json.items?.[0]).toMatchObject({ id: 'default', isDefault: true, warningPercent: 80, targets: { urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 } } });
    expect((await api(server, 'GET', '/api/business-calendars/24x7', { token: admin() })).status).toBe(200);
    expect((await api(server, 'GET', '/api/escalation-policies/default', { token: admin() })).json).toMatchObject({ levels: [{ action: 'next-tier' }, { action: 'notify' }] });
    const t = await api(server, 'POST', '/api/tickets', { token: admin(), body: { subject: 'API ticket', priority: 'urgent' } });
    expect(t.status).toBe(201);
    const sla = await api(server, 'GET', `/api/tickets/${String(t.json.id)}/sla`, { token: admin() });
    expect(sla.status).toBe(200);
    expect((sla.json.clocks as Array<Record<string, unknown>>).map((c) => [c.metric, c.status, c.targetMs])).toEqual([
      ['first_response', 'running', 3_600_000],
      ['resolution', 'running', 14_400_000],
    ]);
    const clocks = await api(server, 'GET', '/api/sla/clocks', { token: admin() });
    expect(clocks.json.open).toBeGreaterThanOrEqual(2);
    expect((await api(server, 'GET', '/api/tickets/T-404404/sla', { token: admin() })).status).toBe(404);
  });
});
