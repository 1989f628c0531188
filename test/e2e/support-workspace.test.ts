// Support → Workspaces in real Chromium against the real server: an operator assigns the escalation
// pattern to a team, holds the kickoff, is told which items block the export, names the owners,
// downloads the Jira CSV and starts the implementation; later stages (through the API) show the
// results with their charts; a viewer sees the journey without any action.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, type TestServer } from '../helpers/server';
import { createToken, openSignedIn, signIn, startPortal, type Portal } from '../helpers/portal-session';
import { AFTER, BEFORE } from '../core/workspace/fixtures';

let portal: Portal;
let server: TestServer;
let browser: Browser;
let operator: string;
let viewer: string;

beforeAll(async () => {
  portal = await startPortal();
  ({ server, browser } = portal);
  operator = await createToken(server, 'operator', 'support manager');
  viewer = await createToken(server, 'viewer', 'vp ops');
});

afterAll(async () => {
  await portal?.close();
});

const stepStatus = (page: Page, stage: string) => page.getByRole('list', { name: 'Workspace journey' }).locator(`li[data-stage="${stage}"]`).getAttribute('data-status');

describe('Workspace in the portal', () => {
  it('walks a team from assignment through kickoff to the Jira export, then shows the results', { timeout: 240_000 }, async () => {
    const opened = await openSignedIn(portal, operator, { from: 'sign-in', timeoutMs: 30_000, context: { viewport: { width: 1400, height: 1000 }, acceptDownloads: true } });
    const { page, pageErrors } = opened;

    await page.goto(`${server.url}/support`);
    await page.getByRole('link', { name: 'Workspaces' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Implementation workspaces' }).waitFor();
    const assign = page.getByRole('region', { name: 'Assign a pattern to a team' });
    await assign.getByLabel('Team').fill('Tier 2 <b>support</b>');
    await assign.getByLabel('Owner').fill('Dana Manager');
    expect(await assign.getByLabel('Pattern (slug)').inputValue()).toBe('support-ticket-escalation-backlog');
    await assign.getByRole('button', { name: 'Assign pattern' }).click();
    await page.waitForURL(/\/support\/workspaces\/ws_[0-9a-f]+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    // User text is text: the markup typed as a team name shows literally.
    await page.getByRole('heading', { level: 2, name: 'Tier 2 <b>support</b>: Support Ticket Escalation Backlog' }).waitFor();
    expect(await stepStatus(page, 'assigned')).toBe('current');
    expect(await stepStatus(page, 'kickoff')).toBe('next');

    await page.getByRole('button', { name: 'Hold the kickoff' }).click();
    await page.getByTestId('ws-stage').filter({ hasText: 'Kickoff' }).waitFor();
    expect(await stepStatus(page, 'assigned')).toBe('done');
    expect(await stepStatus(page, 'kickoff')).toBe('current');
    const blockers = page.getByTestId('ws-blockers');
    await blockers.waitFor();
    expect(await blockers.textContent()).toContain('an owner for checklist item IMP-001');

    // The export is refused while items have no owner, and the refusal says which.
    await page.getByRole('button', { name: 'Export to Jira and start' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('an owner for checklist item IMP-001');

    const rows = page.getByRole('table', { name: 'Checklist items' }).locator('tbody tr');
    const ids: string[] = [];
    for (let i = 0, n = await rows.count(); i < n; i += 1) ids.push((await rows.nth(i).getAttribute('data-item')) ?? '');
    expect(ids.length).toBeGreaterThanOrEqual(6);
    for (const [n, item] of ids.entries()) await page.getByLabel(`Owner of ${item}`).fill(`Engineer ${n + 1}`);
    await page.getByRole('button', { name: 'Save owners' }).click();
    await page.getByTestId('ws-next').filter({ hasText: 'export' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Jira CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('Summary,Description,Issue Type,Labels,Priority,Assignee');
    expect(csv).toContain(',Engineer 1\n');

    await page.getByRole('button', { name: 'Export to Jira and start' }).click();
    await page.getByTestId('ws-stage').filter({ hasText: 'Implementation started' }).waitFor();
    expect(await stepStatus(page, 'implementation')).toBe('current');
    await page.getByRole('region', { name: 'Baseline current metrics' }).waitFor();

    // Later stages through the API; the page shows the results with one chart per metric.
    const as = (step: string, body: unknown) => api(server, 'POST', `/api/workspaces/${id}/steps/${step}`, { token: operator, body });
    for (const [step, body] of [['baseline', { source: 'manual', figures: BEFORE }], ['shadow', {}], ['production', { stabilizationDays: 0 }], ['measure', { figures: AFTER }]] as const) {
      expect((await as(step, body)).status).toBe(200);
    }
    await page.reload();
    await page.getByRole('region', { name: 'Report results to leadership' }).waitFor();
    const table = page.getByRole('table', { name: 'Before and after' });
    await table.waitFor();
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['MTTR', 'Urgent', '72.0 h', '42.0 h', '41.7 % better']);
    await page.getByTestId('ws-chart').nth(3).waitFor();
    expect(await page.getByTestId('ws-chart').locator('svg').count()).toBe(4);
    expect(await page.getByRole('link', { name: 'Case study' }).getAttribute('href')).toBe(`/api/workspaces/${id}/case-study.md`);

    // A viewer follows the journey but has no action.
    const viewerContext = await browser.newContext();
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, server, viewer);
    await viewerPage.goto(`${server.url}/support/workspaces/${id}`);
    await viewerPage.getByTestId('ws-stage').filter({ hasText: 'Measured' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Generate results report' }).count()).toBe(0);
    expect(await viewerPage.getByLabel(/^Owner of /).count()).toBe(0);
    await viewerContext.close();

    expect(pageErrors).toEqual([]);
    await opened.close();
  });
});
