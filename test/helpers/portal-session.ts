// What every browser test sets up: the real server with its seeded admin token and headless Chromium
// (startPortal), tokens for the other roles (createToken), a fresh page collecting its errors
// (openPage), the sign-in form (signIn) and polling for a condition the server reaches later (until).
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, requirePortalBuild } from './browser';
import { api, startTestServer, type TestServer } from './server';

export type TokenRole = 'viewer' | 'operator' | 'admin';

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

/** Creates a token with the admin token and returns its secret; a refusal fails with the server's answer. */
export async function createToken(server: TestServer, role: TokenRole, name = `e2e ${role}`): Promise<string> {
  const created = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role, name } });
  if (created.status !== 201 || typeof created.json?.token !== 'string') {
    throw new Error(`creating a ${role} token answered ${created.status}: ${created.text}`);
  }
  return created.json.token;
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
export async function openPage(browser: Browser, options: { timeoutMs: number; context?: BrowserContextOptions }): Promise<OpenPage> {
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors, close: () => context.close() };
}

/** Polls `probe` every 100 ms until it answers something other than undefined. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
