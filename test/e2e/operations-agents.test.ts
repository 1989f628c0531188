// Operations → Agents in real Chromium against the real server: an operator builds an agent with the
// wizard (template → configuration → sandbox results → provision), starts a canary of a broken
// version, and watches it roll back automatically: the history shows the rollback with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestServer } from '../helpers/server';
import { createToken, signedInPage, startPortal, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let operator: string;

beforeAll(async () => {
  portal = await startPortal({ processEnv: { OW_TASK_POLL_MS: '100' } });
  ({ server } = portal);
  operator = await createToken(server, 'operator', 'ops olga');
});

afterAll(async () => {
  await portal?.close();
});

const signedIn = (token: string) => signedInPage(portal, token);

describe('agents page', () => {
  it('creates an agent with the wizard, then a canary upgrade rolls back automatically and the history says why', async () => {
    // A fresh name per attempt, so a retry after a timing hiccup starts clean.
    const name = `invoice-agent-${Math.random().toString(36).slice(2, 8)}`;
    const page = await signedIn(operator);
    await page.goto(`${server.url}/operations/agents`);
    await page.getByRole('heading', { name: 'Agents', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'New agent' }).click();
    await page.getByRole('radio', { name: /Built-in agent/ }).check();
    await page.getByLabel('Name (the handler name tasks use)').fill(name);
    await page.getByLabel('Configuration (JSON)').fill('{ "handler": "echo", "parameters": { "checked": true } }');
    await page.getByRole('button', { name: 'Create draft version' }).click();
    await page.getByLabel('Sample task inputs (JSON array)').fill('[{ "invoice": 7 }, { "invoice": 8 }]');
    await page.getByRole('button', { name: 'Run in sandbox' }).click();
    const results = page.getByRole('table', { name: 'Sandbox results' });
    await results.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'passed' }).textContent()).toBe('2 passed, 0 failed');
    expect(await results.locator('tbody tr').first().textContent()).toContain('{"invoice":7,"checked":true}');
    await page.getByRole('button', { name: 'Provision v1 as stable' }).click();
    await page.getByRole('heading', { name, level: 3 }).getByText('stable v1').waitFor();

    // A broken version 2, then a canary of it from the servicing panel.
    const v2 = await api(server, 'POST', `/api/agents/${name}/versions`, { token: operator, body: { template: 'builtin', config: { handler: 'fail-n-times', parameters: { failures: 1000, message: 'v2 lost the tax table' } } } });
    expect(v2.status, v2.text).toBe(201);
    await page.reload();
    await page.getByLabel('Version', { exact: true }).selectOption('2');
    await page.getByLabel('Steps (%)').fill('50,100');
    await page.getByLabel('Failure-rate threshold (0–1)').fill('0.5');
    await page.getByLabel('Window (runs)').fill('10');
    await page.getByLabel('Minimum sample').fill('4');
    await page.getByRole('button', { name: 'Start canary' }).click();
    await page.getByText('canary v2 · 50 %').first().waitFor();
    expect(await page.getByLabel('Canary progress').textContent()).toContain('Step 1: 50 % (now)');

    const tasks = await api(server, 'POST', '/api/tasks', { token: operator, body: { tasks: Array.from({ length: 30 }, (_, i) => ({ key: `inv-${i}`, handler: name, retry: { maxRetries: 10, baseDelayMs: 20, maxDelayMs: 50 } })) } });
    expect(tasks.status, tasks.text).toBe(201);

    const history = page.getByRole('list', { name: `Rollout history of ${name}` });
    const entry = history.getByRole('listitem').filter({ hasText: 'rollback v2 → v1' });
    await entry.waitFor({ timeout: 60_000 });
    expect(await entry.textContent()).toMatch(/automatic — automatic rollback: v2 failed \d+ of its last \d+ runs \(100% ≥ threshold 50%\)/);
    await page.getByRole('heading', { name, level: 3 }).getByText('stable v1').waitFor();
    expect(await page.getByRole('heading', { name, level: 3 }).textContent()).not.toContain('canary');
    // The runs chart's table counts v2's failures; the list shows the live rates.
    const v2row = page.getByRole('table', { name: 'Runs per version' }).getByRole('row').filter({ has: page.getByRole('cell', { name: 'v2', exact: true }) });
    expect(Number((await v2row.locator('td').nth(4).textContent()) ?? '0')).toBeGreaterThanOrEqual(4);
    // Every task completes on v1 in the end.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const done = (await api(server, 'GET', `/api/tasks?status=completed&handler=${name}&limit=100`, { token: operator })).json.items?.length ?? 0;
      if (done === 30) break;
      if (Date.now() > deadline) throw new Error(`only ${done} of 30 tasks completed`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.close();
  }, 150_000);
});
