// Support → SLA in real Chromium against the real server, whose clock the test moves forward: an operator
// sees a ticket of a business-calendar policy in "clocks at risk" with its time left, a warning alert
// delivered to a real local HTTP listener (signed webhook channel) recorded as sent, then — the listener
// failing — the breach alert's delivery retried, failed and shown as such; a retry once it is back sends it.
// Then the Toolkit's KPI view shows a KPI bound to the escalation breach rate with the live value.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server/start';
import { launchBrowser, requirePortalBuild } from '../helpers/browser';
import { api } from '../helpers/server';
import { until } from '../helpers/until';

const ADMIN = 'ow_support-sla-admin-0123456789abcdef';
const SECRET = 'sla-e2e-signing-secret-0123';
const MIN = 60_000;
/** Real time moved forward by the test: the server's loops keep running, SLA thresholds come due. */
let shiftMs = 0;
const clock = { now: () => new Date(Date.now() + shiftMs) };

let running: RunningServer;
let dataDir: string;
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
let failing = false;
let attempt = 0;
const received: Array<{ body: string; signed: boolean }> = [];

beforeAll(async () => {
  requirePortalBuild();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failing) {
        // Down for maintenance, "retry now": the channel retries at once and gives up after its last attempt.
        res.writeHead(503, { 'retry-after': '0' }).end('maintenance');
        return;
      }
      const ts = String(req.headers['x-ow-timestamp'] ?? '');
      const sig = String(req.headers['x-ow-signature'] ?? '');
      received.push({ body, signed: sig.includes(createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ops-hook`;
  dataDir = await mkdtemp(join(tmpdir(), 'ow-support-sla-'));
  running = await startServer(loadConfig({ port: 0, dataDir, logLevel: 'silent' }, { OW_ADMIN_TOKEN: ADMIN, OW_SIGNIN_RATE_LIMIT: '1000' }), createLogger('silent', false), { clock });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await new Promise((r) => receiver?.close(r));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const call = async (token: string, method: string, path: string, body?: unknown) => {
  const r = await api(running, method, path, { token, body });
  expect(r.status, `${method} ${path}: ${r.text}`).toBeLessThan(300);
  return r.json;
};

async function signedInPage(token: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${running.url}/sign-in`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in').waitFor();
  return { page, errors };
}

describe('SLA page', () => {
  it('shows a ticket at risk with its time left, a delivery to a real listener, then its failure and a retry', { timeout: 240_000 }, async () => {
    const n = ++attempt; // fresh ids and a fresh clock should vitest retry this test
    shiftMs = 0;
    received.length = 0;
    failing = false;
    const operator = (await call(ADMIN, 'POST', '/api/tokens', { role: 'operator', name: 'support lead' })).token as string;
    const allDay = [{ start: '00:00', end: '24:00' }];
    await call(operator, 'POST', '/api/business-calendars', { id: `berlin-${n}`, name: 'Berlin ops', timeZone: 'Europe/Berlin', weekly: { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay }, holidays: ['2001-01-01'] });
    const t = (fr: number, res: number) => ({ firstResponseMinutes: fr, resolutionMinutes: res });
    await call(operator, 'POST', '/api/sla-policies', { id: `gold-${n}`, name: 'Gold support', targets: { urgent: t(60, 600), high: t(120, 900), normal: t(240, 1440), low: t(480, 2880) }, calendarId: `berlin-${n}`, escalationPolicyId: null, isDefault: true });
    await call(ADMIN, 'POST', '/api/alert-channels', { kind: 'webhook', name: `Ops hook ${n}`, url: receiverUrl, secret: SECRET, notifyOn: ['warning', 'breach'] });
    const ticket = (await call(operator, 'POST', '/api/tickets', { subject: 'Checkout <b>down</b>', priority: 'urgent' })) as { id: string };
    expect(((await call(operator, 'GET', `/api/tickets/${ticket.id}`)).ticket as { slaPolicyId: string }).slaPolicyId).toBe(`gold-${n}`);

    // 50 of 60 minutes to first response gone: past the 80 % warning, 10 minutes left.
    shiftMs = 50 * MIN;
    running.runtime.sla.rearm();
    await until('the warning delivered to the listener', async () => (received.length > 0 ? true : undefined));
    expect(received[0]!.signed).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ ticketId: ticket.id, threshold: 'warning' });

    const { page, errors } = await signedInPage(operator);
    await page.goto(`${running.url}/support/sla`);
    await page.getByRole('heading', { level: 2, name: 'SLA' }).waitFor();
    const risk = page.getByRole('region', { name: /Clocks at risk/ });
    const row = risk.getByRole('row').filter({ hasText: ticket.id }).filter({ hasText: 'first response' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Checkout <b>down</b>'); // the subject as text
    const meter = row.getByRole('meter', { name: `${ticket.id} first response` });
    expect(await meter.getAttribute('aria-valuetext')).toMatch(/^(10|9) min left$/);
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(83);
    expect(await row.locator('.sla-clock').getAttribute('data-tone')).toBe('warning');
    expect(await page.getByRole('region', { name: 'Policies' }).getByRole('row').filter({ hasText: `gold-${n} v1` }).textContent()).toContain(`berlin-${n}`);

    // The channel shows the warning's delivery as sent after one attempt.
    const channel = page.locator('article.sla-channel').filter({ hasText: `Ops hook ${n}` });
    const sent = channel.locator('li[data-status="sent"]').filter({ hasText: `warning ${ticket.id}` });
    await sent.waitFor();
    expect(await sent.textContent()).toContain('sent after 1 attempt(s)');
    expect(await channel.getByRole('heading', { level: 4 }).textContent()).toContain('0 failed');

    // The listener fails; the first response is now overdue: the breach alert is retried, then fails.
    failing = true;
    shiftMs = 65 * MIN;
    running.runtime.sla.rearm();
    await until('the breach delivery to fail', async () => {
      const ch = (await call(operator, 'GET', '/api/alert-channels')).items?.find((c) => c.name === `Ops hook ${n}`);
      return ch && ch.failed === 1 ? true : undefined;
    });
    await page.reload();
    const failed = channel.locator('li[data-status="failed"]').filter({ hasText: `breach ${ticket.id}` });
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/failed after 5 attempt\(s\) · .*503/);
    expect(await channel.getByRole('heading', { level: 4 }).textContent()).toContain('1 failed');
    const overdue = risk.getByRole('meter', { name: `${ticket.id} first response` });
    expect(await overdue.getAttribute('aria-valuetext')).toMatch(/^overdue \d+ min$/);
    expect(await page.getByRole('region', { name: 'Alerts' }).textContent()).toMatch(new RegExp(`breach ${ticket.id} first response · Ops hook ${n}: failed`));
    // The ticket flow was not held up: the ticket is still open and routable.
    expect(((await call(operator, 'GET', `/api/tickets/${ticket.id}`)).ticket as { status: string }).status).toBe('new'); // not closed, not moved: only alerts failed

    // Back up: Retry on the failed delivery sends it.
    failing = false;
    await failed.getByRole('button', { name: 'Retry' }).click();
    await until('the retried breach delivery to arrive', async () => (received.some((r) => JSON.parse(r.body).threshold === 'breach') ? true : undefined));
    await until('the page to show it sent', async () => {
      await page.reload();
      return (await channel.locator('li[data-status="sent"]').filter({ hasText: `breach ${ticket.id}` }).count()) === 1 ? true : undefined;
    });

    // Toolkit → KPIs: a KPI bound to the escalation runtime's breach rate shows the live value — the
    // first response breached, the resolution clock still running: 1 breached of 1 completed cycle, 100 %.
    await page.goto(`${running.url}/toolkit/kpi`);
    await page.getByText('Analyse your own KPIs or OKRs (JSON)').click();
    await page.getByLabel('JSON').fill(JSON.stringify([{ id: 'breach', name: 'SLA breach rate', unit: '%', baseline: 35, target: 10, binding: { source: 'escalation', metric: 'sla_breach_rate' } }]));
    await page.getByRole('button', { name: 'Analyse' }).click();
    const binding = page.getByRole('region', { name: 'Live metric bindings' }).getByRole('listitem').filter({ hasText: 'SLA breach rate' });
    await binding.waitFor();
    expect(await binding.textContent()).toMatch(/resolved.*100 % from the escalation runtime's live tickets \(1 breached of 1 completed SLA cycles/);
    expect(errors).toEqual([]);
  });
});
