// Support → Tickets in real Chromium against the real server: two support agents with different
// loads, a ticket created in the portal goes to the least-loaded one and the page explains the
// decision (every candidate, the chosen agent, the reason); escalation re-routes (queued, explained);
// the list filters from the URL and refreshes from the event stream; comments and status change work;
// a viewer has no create form or action; user markup is text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, type TestServer } from '../helpers/server';
import { createToken, openSignedIn, seed, signIn, startPortal, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let browser: Browser;
let operator: string;
let viewer: string;

beforeAll(async () => {
  portal = await startPortal();
  ({ server, browser } = portal);
  operator = await createToken(server, 'operator', 'support lead');
  viewer = await createToken(server, 'viewer', 'auditor');
  const agent = (body: Record<string, unknown>) => seed(server, operator, 'POST', '/api/support-agents', body);
  const ticket = async (subject: string) => (await seed(server, operator, 'POST', '/api/tickets', { subject })) as { id: string; assigneeId: string | null };
  // ana alone online takes two tickets; ben and carl arrive afterwards with none.
  await agent({ id: 'ana', name: 'Ana', status: 'online', maxConcurrent: 4 });
  expect((await ticket('first')).assigneeId).toBe('ana');
  expect((await ticket('second')).assigneeId).toBe('ana');
  await agent({ id: 'ben', name: 'Ben', status: 'online', maxConcurrent: 4 });
  await agent({ id: 'carl', name: 'Carl', status: 'offline', maxConcurrent: 4 });
});

afterAll(async () => {
  await portal?.close();
});

const SUBJECT = 'VPN <b>down</b> <img src=x onerror="window.__owned=1">';

describe('Tickets in the portal', () => {
  it('routes a new ticket to the least-loaded agent and explains why; lists, comments, solves; a viewer only reads', { timeout: 180_000 }, async () => {
    const opened = await openSignedIn(portal, operator, { from: 'sign-in', timeoutMs: 30_000, context: { viewport: { width: 1400, height: 1000 } } });
    const { page, pageErrors } = opened;

    await page.goto(`${server.url}/support`);
    await page.getByRole('link', { name: 'Tickets' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Tickets' }).waitFor();
    await page.locator('tr[data-ticket]').nth(1).waitFor();
    const form = page.getByRole('region', { name: 'Create a ticket' });
    await form.getByLabel('Subject').fill(SUBJECT);
    await form.getByLabel('Priority').selectOption('high');
    await form.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL(/\/support\/tickets\/T-\d+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

    // The markup typed as a subject shows literally and runs nothing.
    await page.getByRole('heading', { level: 2, name: `${id}: ${SUBJECT}` }).waitFor();
    expect(await page.evaluate(() => (globalThis as { __owned?: number }).__owned)).toBeUndefined();
    expect(await page.getByTestId('ticket-assignee').textContent()).toContain('ben');

    // The decision: ben (0 of 4) over ana (2 of 4); carl is offline and says so.
    const decision = page.getByTestId('routing-decision').first();
    await decision.waitFor();
    expect(await decision.getByTestId('routing-chosen').textContent()).toBe('ben');
    expect(await decision.getByTestId('routing-reason').textContent()).toMatch(/^ben has the .*4 of 4 slots free.* 2 eligible of 3 agents$/);
    const row = (agent: string) => decision.locator(`tr[data-agent="${agent}"]`);
    expect(await row('ben').getAttribute('data-chosen')).toBe('true');
    expect(await row('ben').locator('td').nth(1).textContent()).toContain('0 / 4');
    expect(await row('ana').getAttribute('data-chosen')).toBe('false');
    expect(await row('ana').locator('td').nth(1).textContent()).toContain('2 / 4');
    expect(await row('ana').locator('td').nth(3).textContent()).toBe('eligible');
    expect(await row('carl').locator('td').nth(3).textContent()).toBe('not eligible');
    expect(await row('carl').locator('td').nth(4).textContent()).toContain('offline');
    expect(await row('ana').getByRole('meter').getAttribute('value')).toBe('2');

    // An internal comment with markup stays text; solving moves the status.
    await page.getByLabel('Comment', { exact: true }).fill('<i>call</i> the user');
    await page.getByLabel('Internal note').check();
    await page.getByRole('button', { name: 'Add comment' }).click();
    const comment = page.getByTestId('ticket-comment').filter({ hasText: '<i>call</i> the user' });
    await comment.waitFor();
    expect(await comment.getAttribute('data-public')).toBe('false');
    // Escalating to L2 re-routes: nobody is L2, so the ticket waits in the queue and the new decision says why.
    await page.getByLabel('Escalation reason').fill('needs the network team');
    await page.getByRole('button', { name: 'Escalate' }).click();
    await page.getByTestId('ticket-assignee').getByTestId('ticket-queued').waitFor();
    const latest = page.locator('[data-testid="routing-decision"][data-latest="true"]');
    // The router only weighs agents of the ticket's tier, so an L2 ticket here has no candidate at all.
    await latest.getByTestId('routing-reason').filter({ hasText: 'the ticket waits in the queue' }).waitFor();
    expect(await latest.getByTestId('routing-outcome').textContent()).toContain('no agent chosen');
    expect(await latest.getByTestId('routing-chosen').count()).toBe(0);
    expect(await latest.locator('tr[data-agent]').count()).toBe(0);
    expect(await page.getByTestId('routing-decision').count()).toBe(2);
    await page.getByLabel('Change status').selectOption('solved');
    await page.getByTestId('ticket-status').filter({ hasText: 'solved' }).waitFor();
    expect(((await api(server, 'GET', `/api/tickets/${id}`, { token: viewer })).json as { ticket: { status: string } }).ticket.status).toBe('solved');

    // Filters live in the URL; a ticket created elsewhere appears through the event stream.
    await page.goto(`${server.url}/support/tickets?assignee=ana`);
    await page.locator('tr[data-ticket]').nth(1).waitFor();
    expect(await page.locator('tr[data-ticket]').count()).toBe(2);
    expect(await page.locator(`tr[data-ticket="${id}"]`).count()).toBe(0);
    const filters = page.getByRole('group', { name: 'Ticket filters' });
    expect(await filters.getByLabel('Assignee').inputValue()).toBe('ana');
    await filters.getByLabel('Assignee').fill('ben');
    await filters.getByLabel('Queued').selectOption('false');
    await page.waitForURL(/assignee=ben.*queued=false|queued=false.*assignee=ben/);
    await page.getByText('No ticket matches these filters.').waitFor();
    // ben (0 of 4) has the most room again, so the next ticket is his and shows up without a reload.
    const live = (await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: 'arrives live' } })).json as { id: string; assigneeId: string };
    expect(live.assigneeId).toBe('ben');
    await page.locator(`tr[data-ticket="${live.id}"]`).waitFor();
    expect(await page.locator('tr[data-ticket]').count()).toBe(1);

    // A viewer reads the list and the decision but has no form or action.
    const viewerContext = await browser.newContext();
    const viewerPage = await viewerContext.newPage();
    viewerPage.setDefaultTimeout(30_000);
    await signIn(viewerPage, server, viewer);
    await viewerPage.goto(`${server.url}/support/tickets`);
    await viewerPage.locator(`tr[data-ticket="${id}"]`).waitFor();
    expect(await viewerPage.getByRole('region', { name: 'Create a ticket' }).count()).toBe(0);
    await viewerPage.goto(`${server.url}/support/tickets/${id}`);
    await viewerPage.getByTestId('routing-decision').first().waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Add comment' }).count()).toBe(0);
    expect(await viewerPage.getByLabel('Change status').count()).toBe(0);
    await viewerContext.close();

    expect(pageErrors).toEqual([]);
    await opened.close();
  });
});
