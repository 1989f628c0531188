// What every browser test sets up: the real server with its seeded admin token and headless Chromium
// (startPortal), a fresh page collecting its errors (openPage), the sign-in form (signIn), seeding
// through the API (seed); role tokens (createToken) and polling (until) come from their own modules.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, requirePortalBuild } from './browser';
import { api, startTestServer, type TestServer } from './server';

export { createToken, type TokenRole } from './tokens';
export { until } from './until';

export interface Portal {
  server: TestServer;
  browser: Browser;
  /** Closes the browser, then the server; safe to call when start failed half-way. */
  close(): Promise<void>;
}

/**
 * Starts the built portal's server and a browser. `processEnv` is set on process.env before the
 * server starts, for settings the runtime reads from there (the worker's poll and sweep intervals).
 */
export async function startPortal(options: { processEnv?: Record<string, string> } = {}): Promise<Portal> {
  requirePortalBuild();
  Object.assign(process.env, options.processEnv);
  const server = await startTestServer();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Signs in through the form. `from: 'sign-in'` opens /sign-in directly; `from: 'banner'` follows the
 * top bar's link from the page already open (as a user arriving on the portal would).
 */
export async function signIn(page: Page, server: { url: string }, token: string, from: 'sign-in' | 'banner' = 'sign-in'): Promise<void> {
  if (from === 'sign-in') await page.goto(`${server.url}/sign-in`);
  else await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in').waitFor();
}

export interface OpenPage {
  page: Page;
  /** Uncaught errors of the page, for a final `expect(pageErrors).toEqual([])`. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A page in a fresh context (its own cookie jar) with a default timeout, collecting page errors. */
export async function openPage(
  browser: Browser,
  options: { timeoutMs: number; context?: BrowserContextOptions; grant?: { permissions: string[]; origin: string } },
): Promise<OpenPage> {
  const context = await browser.newContext(options.context);
  if (options.grant !== undefined) await context.grantPermissions(options.grant.permissions, { origin: options.grant.origin });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors, close: () => context.close() };
}

/**
 * openPage, then sign in with `token`: from the home page's top bar (`from: 'banner'`) or the
 * sign-in page; the session is a cookie, so the next page can be opened directly by URL.
 */
export async function openSignedIn(
  portal: { server: TestServer; browser: Browser },
  token: string,
  options: Parameters<typeof openPage>[1] & { from: 'sign-in' | 'banner' },
): Promise<OpenPage> {
  const opened = await openPage(portal.browser, options);
  if (options.from === 'banner') await opened.page.goto(`${portal.server.url}/`);
  await signIn(opened.page, portal.server, token, options.from);
  return opened;
}

/** A new page (in its own context; closing the page closes it) signed in with `token`. */
export async function signedInPage(portal: { server: TestServer; browser: Browser }, token: string): Promise<Page> {
  const page = await portal.browser.newPage();
  await signIn(page, portal.server, token);
  return page;
}

/** Seeds through the API as `token`; anything but a 2xx fails with the method, path and answer. */
export async function seed(server: TestServer, token: string, method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown): Promise<Record<string, unknown> & { items?: Array<Record<string, unknown>> }> {
  const res = await api(server, method, path, { token, body });
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
  return res.json;
}

/** Enqueues tasks (POST /api/tasks) and returns their ids in the order given. */
export async function enqueueTasks(server: TestServer, token: string, tasks: ReadonlyArray<Record<string, unknown>>): Promise<string[]> {
  const created = await seed(server, token, 'POST', '/api/tasks', { tasks });
  return (created.items ?? []).map((task) => String(task.id));
}
