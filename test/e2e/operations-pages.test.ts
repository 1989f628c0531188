// Operations → Status, Queues, Context and Audit in real Chromium against the real server: checks
// with latency, queues with their charts and the flow diagram, a context selected once and carried to
// the next page (URL and session), and audit filters kept in the URL and in the CSV link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, type TestServer } from '../helpers/server';
import { createToken, enqueueTasks, signedInPage, startPortal, until, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let page: Page;
let operator: string;

beforeAll(async () => {
  portal = await startPortal({ processEnv: { OW_TASK_POLL_MS: '100' } });
  ({ server } = portal);
  operator = await createToken(server, 'operator', 'ops olga');
  await enqueueTasks(server, operator, [{ key: 'fetch', handler: 'noop' }, { key: 'index', handler: 'echo', dependsOn: ['fetch'] }]);
  await until('the tasks to complete', async () => ((await api(server, 'GET', '/api/tasks?status=completed', { token: operator })).json.items?.length === 2 ? true : undefined));
  page = await signedInPage(portal, operator);
});

afterAll(async () => {
  await portal?.close();
});

describe('operations pages', () => {
  it('shows every health check with its latency and the workers', async () => {
    await page.goto(`${server.url}/operations/status`);
    await page.getByTestId('overall-status').waitFor();
    const checks = page.getByRole('table', { name: 'Health checks' });
    for (const name of ['database', 'migrations', 'workers']) expect(await checks.getByRole('rowheader', { name: new RegExp(`^${name}`) }).count()).toBe(1);
    expect(await checks.textContent()).toMatch(/\d+\.\d ms/);
    await page.getByRole('table', { name: 'Workers' }).getByText('alive').first().waitFor();
  });

  it('lists queues, draws a selected queue over time and the flow between queues', async () => {
    await page.goto(`${server.url}/operations/queues`);
    const table = page.getByRole('table', { name: 'Queues' });
    await table.getByRole('button', { name: 'echo' }).click();
    expect(new URL(page.url()).searchParams.get('queue')).toBe('echo');
    await page.getByRole('img', { name: /Throughput of echo/ }).waitFor();
    const flow = page.locator('figure.mermaid-diagram[data-status="ready"]');
    await flow.waitFor();
    expect(await flow.getAttribute('aria-label')).toBe('Tasks moving between queues');
    // noop → echo: the node labels and the edge that moved one task.
    const text = await flow.textContent();
    expect(text).toContain('noop');
    expect(text).toContain('1 moved');
    // The node labels are SVG text the reader sees (HTML labels would sit in a <foreignObject>, which
    // DOMPurify strips, leaving empty boxes): each node's label is drawn with a non-empty box.
    const nodes = flow.locator('svg g.node');
    expect(await nodes.count()).toBe(2);
    expect(await flow.locator('svg g.node foreignObject').count()).toBe(0);
    const labels = (await nodes.allTextContents()).sort();
    expect(labels[0]).toMatch(/^echo.*completed 1$/);
    expect(labels[1]).toMatch(/^noop.*completed 1$/);
    for (let i = 0; i < 2; i++) {
      const box = await nodes.nth(i).locator('text').first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(10);
      expect(box?.height ?? 0).toBeGreaterThan(5);
    }
  });

  it('keeps a selected context in the URL and carries it to the next page', async () => {
    await page.goto(`${server.url}/operations/context`);
    await page.getByLabel('Context kind').selectOption('queue');
    await page.getByLabel('Context id').fill('echo');
    await page.getByRole('button', { name: 'Select' }).click();
    expect(new URL(page.url()).searchParams.get('ctx')).toBe('queue:echo');
    await page.getByRole('list', { name: 'Events' }).getByText('task.completed').first().waitFor();
    await page.getByText('Tasks completed: 1 of 1 (100 %)').waitFor();
    await page.goto(`${server.url}/operations/dead-letters`);
    await page.waitForURL((u) => u.searchParams.get('ctx') === 'queue:echo');
    // The dead-letter filter shows the carried context.
    await page.waitForFunction("document.getElementById('dl-queue')?.value === 'echo'");
  });

  it('keeps audit filters in the URL and exports them as CSV', async () => {
    await page.goto(`${server.url}/operations/audit`);
    await page.getByLabel('Action').fill('task.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'task.');
    await page.getByRole('table', { name: 'Audit entries' }).getByText('task.enqueue').first().waitFor();
    expect(await page.getByRole('table', { name: 'Audit entries' }).getByText('token.create').count()).toBe(0);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toBe('/api/audit.csv?action=task.');
  });
});
