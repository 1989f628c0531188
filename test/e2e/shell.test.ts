// The portal shell in a real browser against the real server: sign-in with the admin token, the
// navigation, token creation under Admin, sign-out, and a viewer kept out of Admin with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/server';
import { openPage, signIn as signInAs, startPortal, type Portal } from '../helpers/portal-session';

const sections = ['Home', 'Library', 'Sequences', 'Journeys', 'Support', 'Operations', 'Help desk', 'Toolkit', 'Admin'];

let portal: Portal;
let server: TestServer;

beforeAll(async () => {
  portal = await startPortal();
  ({ server } = portal);
});

afterAll(async () => {
  await portal?.close();
});

/** A fresh browser context (own cookie jar) whose page errors are collected for the final check. */
async function openPortal(): Promise<{ context: { close(): Promise<void> }; page: Page; pageErrors: string[] }> {
  const { page, pageErrors, close } = await openPage(portal.browser, { timeoutMs: 15_000, context: { viewport: { width: 1280, height: 900 } } });
  await page.goto(`${server.url}/`);
  return { context: { close }, page, pageErrors };
}

/** Signs in from the top bar's link, as a user arriving on the portal would. */
const signIn = (page: Page, token: string) => signInAs(page, server, token, 'banner');

async function roleInTopBar(page: Page): Promise<string | null> {
  return page.getByRole('banner').locator('.role-badge').getAttribute('data-role');
}

describe('portal shell', () => {
  it('signs in as admin, creates a viewer token, signs out, and the viewer cannot manage tokens', { timeout: 120_000 }, async () => {
    const { context, page, pageErrors } = await openPortal();

    // Signed out: the home page offers sign-in, and a guarded section says why it is hidden.
    await page.getByRole('heading', { level: 1, name: 'Operational problems are orchestration problems.' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to manage tokens' }).waitFor();

    await signIn(page, server.adminToken);
    expect(await roleInTopBar(page)).toBe('admin');
    expect(await page.getByTestId('signed-in').textContent()).toContain('with the admin role');

    const nav = page.getByRole('navigation', { name: 'Sections' });
    const labels = (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
    for (const section of sections) expect(labels).toContain(section);

    await nav.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Library' }).getAttribute('aria-current')).toBeNull();

    await page.getByLabel('Role').selectOption('viewer');
    // Markup in a name must show as text and never run.
    const name = 'e2e viewer <img src=x onerror="window.__owInjected=1">';
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel('New token');
    await secret.waitFor();
    const viewerToken = await secret.inputValue();
    expect(viewerToken.length).toBeGreaterThan(20);
    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: 'e2e viewer' });
    await row.waitFor();
    expect(await row.locator('[data-role]').getAttribute('data-role')).toBe('viewer');
    expect(await row.getByRole('rowheader').textContent()).toContain(name);
    expect(await row.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.__owInjected === undefined')).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('banner').locator('.role-badge').count()).toBe(0);

    await signIn(page, viewerToken);
    expect(await roleInTopBar(page)).toBe('viewer');
    await nav.getByRole('link', { name: 'Admin' }).click();
    const denied = page.getByRole('heading', { level: 1, name: 'Your role viewer cannot manage tokens' });
    await denied.waitFor();
    expect(await page.getByRole('table', { name: 'API tokens' }).count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows an event in the live feed as soon as it is committed, without a reload', { timeout: 90_000 }, async () => {
    const { context, page, pageErrors } = await openPortal();
    await signIn(page, server.adminToken);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('heading', { level: 2, name: 'Live events' }).waitFor();
    await page.locator('.stream-status[data-status="live"]').waitFor();

    const name = `live-feed-${Date.now()}`;
    const response = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'operator', name }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };

    const item = page.getByRole('list', { name: 'Operations live events' }).getByRole('listitem').filter({ hasText: created.id });
    await item.waitFor();
    expect(await item.locator('.event-topic').textContent()).toBe('token.created');

    // The audit log lists the same change, newest first, and filters by action on the server.
    await page.getByRole('button', { name: 'Refresh' }).click();
    const firstRow = page.getByRole('table', { name: 'Audit log entries' }).getByRole('row').nth(1);
    await firstRow.filter({ hasText: created.id }).waitFor();
    await page.getByLabel('Action').fill('session.');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/action=session\./);
    const actions = page.getByRole('table', { name: 'Audit log entries' }).locator('tbody code');
    await actions.first().waitFor();
    const shown = await actions.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const action of shown) expect(action.startsWith('session.')).toBe(true);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
