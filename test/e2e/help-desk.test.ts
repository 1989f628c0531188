// Help desk in real Chromium against the real server: search finds a client by name, the client
// view shows its journey and failure, the Issue Detective explains a dead-lettered task with its
// evidence, "Open playbook" leads to the playbook's steps, and an operator creates a ticket from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestServer } from '../helpers/server';
import { createToken, enqueueTasks, seed, signedInPage, startPortal, until, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let operator: string;
let viewer: string;
let taskId: string;
let journeyId: string;

beforeAll(async () => {
  portal = await startPortal();
  ({ server } = portal);
  operator = await createToken(server, 'operator', 'ops olga');
  viewer = await createToken(server, 'viewer', 'viewer vic');
  const started = await seed(server, operator, 'POST', '/api/journeys', { definition: 'client-onboarding', clientId: 'globex-7', metadata: { clientName: 'Globex Shipping' } });
  journeyId = String((started.journey as { journeyId: string }).journeyId);
  [taskId] = (await enqueueTasks(server, operator, [{ key: 'sync', handler: 'fail-n-times', input: { failures: 10, message: 'ledger sync rejected: schema mismatch' }, retry: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0 } }])) as [string];
  await until('the task to be dead-lettered', async () => ((await api(server, 'GET', `/api/tasks/${encodeURIComponent(taskId)}`, { token: viewer })).json.deadLetteredAt ? true : undefined));
});

afterAll(async () => {
  await portal?.close();
});

const signedIn = (token: string) => signedInPage(portal, token);

describe('help desk', () => {
  it('searches a client by name and opens its view with the journey', async () => {
    const page = await signedIn(viewer);
    await page.goto(`${server.url}/help-desk`);
    await page.getByLabel('Client, journey, ticket or agent').fill('globex');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('results-client').getByRole('link', { name: 'Globex Shipping' }).click();
    await page.getByRole('heading', { name: /Globex Shipping/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Journeys' }).textContent()).toContain('client-onboarding');
    await page.close();
  });

  it('explains a dead-lettered task, leads to its playbook, and lets an operator create a ticket', async () => {
    const page = await signedIn(operator);
    await page.goto(`${server.url}/help-desk/detective?kind=task&id=${encodeURIComponent(taskId)}`);
    const card = page.locator('[data-testid="finding"][data-kind="repeated_handler_errors"]');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('critical');
    expect(text).toContain('ledger sync rejected: schema mismatch');
    expect(text).toContain(`dead-lettered: task ${taskId}`);
    expect(await card.locator('li').count()).toBe(3);

    await card.getByRole('button', { name: 'Create ticket' }).click();
    const status = await card.getByRole('status').textContent();
    const ticketId = /Ticket (\S+) created/.exec(status ?? '')?.[1];
    expect(ticketId, status ?? '').toBeDefined();
    expect((await api(server, 'GET', '/api/tickets?limit=50', { token: viewer })).json.items).toContainEqual(expect.objectContaining({ id: ticketId, priority: 'urgent' }));

    await card.getByRole('link', { name: 'Open playbook' }).click();
    const playbook = page.getByTestId('playbook');
    await playbook.getByRole('heading', { name: 'A handler keeps failing with the same error' }).waitFor();
    expect(await playbook.locator('ol > li').count()).toBeGreaterThanOrEqual(5);
    expect(page.url()).toContain('/help-desk/playbooks/handler-errors');
    await page.close();
  });

  it('shows SLA indicators on the journey list and page: a journey just started is on track against its stage target', async () => {
    const page = await signedIn(viewer);
    await page.goto(`${server.url}/journeys`);
    const row = page.getByRole('row').filter({ hasText: 'globex-7' });
    await row.locator('[data-testid="sla-indicator"][data-level="on_track"]').waitFor();
    expect(await row.getByTestId('sla-indicator').textContent()).toContain('on track');
    await page.goto(`${server.url}/journeys/${encodeURIComponent(journeyId)}`);
    const badge = page.locator('[data-testid="sla-indicator"][data-level="on_track"]');
    await badge.waitFor();
    expect(await badge.locator('[title]').getAttribute('title')).toContain('15-day target');
    await page.close();
  });

  it('shows a viewer the findings without the ticket action', async () => {
    const page = await signedIn(viewer);
    await page.goto(`${server.url}/help-desk/detective?kind=task&id=${encodeURIComponent(taskId)}`);
    await page.getByTestId('finding').first().waitFor();
    expect(await page.getByRole('button', { name: 'Create ticket' }).count()).toBe(0);
    await page.close();
  });
});
