// Operations → Dead letters in real Chromium against the real server: an operator retries a dead
// letter from the list and its task completes; a purge needs the typed count and a reason (a wrong
// count is refused and nothing is purged); a viewer sees the actions disabled with why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestServer } from '../helpers/server';
import { createToken, enqueueTasks, signedInPage, startPortal, until, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let operator: string;
let viewer: string;

async function total(query: string): Promise<number> {
  return (await api(server, 'GET', `/api/dead-letters?${query}`, { token: operator })).json.total as number;
}

async function doomed(keys: string[], message: string): Promise<string[]> {
  const ids = await enqueueTasks(server, operator, keys.map((key) => ({ key, handler: 'fail-n-times', input: { failures: 1, message }, retry: { maxRetries: 0 } })));
  await until('dead letters', async () => ((await total(`error=${encodeURIComponent(message)}`)) === keys.length ? true : undefined));
  return ids;
}

beforeAll(async () => {
  portal = await startPortal({ processEnv: { OW_TASK_POLL_MS: '100' } });
  ({ server } = portal);
  operator = await createToken(server, 'operator', 'ops olga');
  viewer = await createToken(server, 'viewer', 'viewer vic');
});

afterAll(async () => {
  await portal?.close();
});

const signedIn = (token: string) => signedInPage(portal, token);

describe('dead letters page', () => {
  it('retries a dead letter from the list and the task completes', async () => {
    const [id] = await doomed(['e2e-retry'], 'crm timeout e2e');
    const page = await signedIn(operator);
    try {
      await page.goto(`${server.url}/operations/dead-letters?error=${encodeURIComponent('crm timeout e2e')}`);
      const row = page.locator(`tr[data-task-id="${id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('crm timeout e2e');
      await page.getByRole('button', { name: `Retry ${id}` }).click();
      await page.getByRole('status').filter({ hasText: `Task ${id} is pending again.` }).waitFor();
      await until('the retried task to complete', async () => ((await api(server, 'GET', `/api/tasks/${encodeURIComponent(id!)}`, { token: operator })).json.status === 'completed' ? true : undefined));
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('No dead letter matches.').waitFor();
    } finally {
      await page.close();
    }
  });

  it('purges only with the typed count and a reason', async () => {
    await doomed(['e2e-p1', 'e2e-p2'], 'poison e2e');
    const page = await signedIn(operator);
    try {
      await page.goto(`${server.url}/operations/dead-letters?error=${encodeURIComponent('poison e2e')}`);
      await page.getByTestId('dl-total').filter({ hasText: '2 dead letter(s)' }).waitFor();
      await page.getByRole('button', { name: 'Purge matching…' }).click();
      await page.getByTestId('purge-count').filter({ hasText: '2 dead letter(s) match' }).waitFor();
      await page.getByLabel('Reason').fill('malformed payloads');
      await page.getByLabel(/to confirm/).fill('3');
      await page.getByRole('button', { name: 'Purge', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Type "2"' }).waitFor();
      expect(await total(`error=${encodeURIComponent('poison e2e')}`)).toBe(2);
      await page.getByLabel(/to confirm/).fill('2');
      await page.getByRole('button', { name: 'Purge', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Purged 2 dead letter(s).' }).waitFor();
      expect(await total(`error=${encodeURIComponent('poison e2e')}`)).toBe(0);
      const audit = (await api(server, 'GET', '/api/audit/search?action=dead-letter.purge', { token: operator })).json.items ?? [];
      expect(audit[0]).toMatchObject({ actor: 'ops olga', summary: expect.stringContaining('malformed payloads') });
    } finally {
      await page.close();
    }
  });

  it('shows a viewer the actions disabled, saying why', async () => {
    await doomed(['e2e-v'], 'viewer sees e2e');
    const page = await signedIn(viewer);
    try {
      await page.goto(`${server.url}/operations/dead-letters?error=${encodeURIComponent('viewer sees e2e')}`);
      await page.getByTestId('dl-total').filter({ hasText: '1 dead letter(s)' }).waitFor();
      expect(await page.getByRole('button', { name: 'Purge matching…' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Retry all matching' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('purge-disabled-why').textContent()).toBe('Needs the operator role.');
    } finally {
      await page.close();
    }
  });
});
