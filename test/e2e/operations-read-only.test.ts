// Operations → Dead letters on a read-only server (OW_READ_ONLY) in real Chromium: an operator sees the
// purge and the retry of all matching disabled, each saying why, while a single retry stays available.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, requirePortalBuild } from '../helpers/browser';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken, signIn, until } from '../helpers/portal-session';

let server: TestServer;
let browser: Browser;
let operator: string;

beforeAll(async () => {
  requirePortalBuild();
  process.env.OW_TASK_POLL_MS = '100';
  server = await startTestServer({ env: { OW_READ_ONLY: 'true' } });
  browser = await launchBrowser();
  operator = await createToken(server, 'operator', 'ops olga');
  const res = await api(server, 'POST', '/api/tasks', { token: operator, body: { tasks: [{ key: 'ro-e2e', handler: 'fail-n-times', input: { failures: 9, message: 'read-only e2e' }, retry: { maxRetries: 0 } }] } });
  expect(res.status, res.text).toBe(201);
  await until('the dead letter', async () => ((await api(server, 'GET', '/api/dead-letters?queue=fail-n-times', { token: operator })).json.total === 1 ? true : undefined));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dead letters page in read-only mode', () => {
  it('disables purge and retry-all with the reason, keeps a single retry', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, server, operator);
      await page.goto(`${server.url}/operations/dead-letters?queue=fail-n-times`);
      await page.getByTestId('dl-total').filter({ hasText: '1 dead letter(s)' }).waitFor();
      await page.getByTestId('purge-disabled-why').waitFor();
      expect(await page.getByRole('button', { name: 'Purge matching…' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Retry all matching' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('purge-disabled-why').textContent()).toBe('Purging is disabled: this server runs in read-only mode (OW_READ_ONLY).');
      expect(await page.getByTestId('retry-all-disabled-why').textContent()).toBe('Retrying all is disabled: this server runs in read-only mode (OW_READ_ONLY).');
      expect(await page.getByRole('button', { name: 'Retry all matching' }).getAttribute('title')).toContain('read-only mode');
      expect(await page.locator('tr[data-task-id]').getByRole('button', { name: /^Retry / }).isEnabled()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
