// The Journeys section in real Chromium against the real server (its worker loop running the units
// of work): an operator starts seed 003's client onboarding, finds it in the filtered list, follows
// its timeline and Gantt, is refused a promotion with every failing check, completes the stakeholder
// demo and reports the metrics, promotes to Pilot, rolls back with a reason and cancels another
// journey; a registered definition shows a running task growing and a failed task retried; the
// dashboard's figures follow; a viewer sees it all without any action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import type { TestServer } from '../helpers/server';
import { createToken, openSignedIn, seed, signIn, startPortal, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let browser: Browser;
let operator: string;
let viewer: string;

/** A registered definition whose work is slow (a running bar) and fails (a task to retry). */
const slowDefinition = {
  id: 'e2e-slow-rollout',
  name: 'Slow rollout',
  events: [{ name: 'start_journey' }, { name: 'finish' }],
  stages: [
    {
      id: 'build',
      name: 'Build',
      kind: 'active',
      unitsOfWork: [
        {
          key: 'build-work',
          name: 'Build work',
          tasks: [
            { key: 'slow-build', name: 'Slow build', handler: 'sleep', input: { ms: 9000 } },
            { key: 'flaky-check', name: 'Flaky check', handler: 'fail-n-times', input: { failures: 5, message: 'flaky check failed on purpose' }, retry: { maxRetries: 0 } },
          ],
        },
      ],
    },
    { id: 'done', name: 'Done', kind: 'final', outcome: 'success' },
  ],
  transitions: [
    { from: null, event: 'start_journey', to: 'build' },
    { from: 'build', event: 'finish', to: 'done' },
  ],
};

beforeAll(async () => {
  // The server's worker loop claims ready tasks every 100 ms, so stage work runs while we watch.
  portal = await startPortal({ processEnv: { OW_TASK_POLL_MS: '100', OW_TASK_SWEEP_MS: '100' } });
  ({ server, browser } = portal);
  operator = await createToken(server, 'operator', 'delivery lead');
  viewer = await createToken(server, 'viewer', 'exec');
  await seed(server, operator, 'POST', '/api/journey-definitions', slowDefinition);
});

afterAll(async () => {
  await portal?.close();
});

async function startViaApi(definition: string, clientId: string): Promise<string> {
  const started = await seed(server, operator, 'POST', '/api/journeys', { definition, clientId });
  return (started.journey as { journeyId: string }).journeyId;
}

/** One attribute of every element a locator matches, in document order (no DOM types needed). */
async function attrs(locator: Locator, name: string): Promise<Array<string | null>> {
  const values: Array<string | null> = [];
  for (let i = 0, n = await locator.count(); i < n; i += 1) values.push(await locator.nth(i).getAttribute(name));
  return values;
}

const SEED_TRIGGERS = ['security_vulnerability', 'data_quality_low', 'user_satisfaction_low', 'critical_bug', 'performance_degradation', 'major_incident', 'client_request'];

describe('Journeys in the portal', () => {
  it('runs a client journey from the list to Pilot and back, live, with role-checked actions', { timeout: 300_000 }, async () => {
    const opened = await openSignedIn(portal, operator, { from: 'sign-in', timeoutMs: 30_000, context: { viewport: { width: 1400, height: 1000 } } });
    const { page, pageErrors } = opened;

    // Start seed 003's client onboarding from the list page; the portal opens the new journey.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journeys' }).click();
    const start = page.getByRole('region', { name: 'Start a journey' });
    await start.getByLabel('Definition').locator('option', { hasText: 'Slow rollout (registered, v1)' }).waitFor({ state: 'attached' });
    expect(await start.getByLabel('Definition').inputValue()).toBe('client-onboarding');
    await start.getByRole('button', { name: 'Start journey' }).click();
    expect(await start.getByRole('alert').textContent()).toContain('give the client’s name');
    await start.getByLabel('Client').fill('medtronic');
    await start.getByRole('button', { name: 'Start journey' }).click();
    await page.waitForURL(/\/journeys\/[^/?]+$/);
    const journeyId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { level: 1, name: 'medtronic' }).waitFor();

    // The list: the journey with its stage and status; filters live in the URL.
    await page.getByRole('link', { name: '← Journeys' }).click();
    const table = page.getByRole('table', { name: 'Journeys' });
    const row = table.locator(`[data-journey="${journeyId}"]`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['Client onboardingclient-onboarding v1', 'Sandbox', 'Active', expect.any(String), expect.stringMatching(/^\d+ s on track$/)]);
    const filters = page.getByRole('form', { name: 'Journey filters' });
    await filters.getByLabel('Stage').selectOption('sandbox');
    await page.waitForURL(/[?&]stage=sandbox/);
    await row.waitFor();
    await filters.getByLabel('Status').selectOption('completed');
    await page.getByText('No journey matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('completed');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await filters.getByLabel('Client').fill('medtronic');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/[?&]client=medtronic/);
    await page.goto(`${server.url}/journeys?client=nobody`);
    await page.getByText('No journey matches these filters.').waitFor();
    await page.goto(`${server.url}/journeys`);
    await row.waitFor();

    // Live: a journey started elsewhere appears without reloading the page.
    const otherId = await startViaApi('client-onboarding', 'acme');
    await table.locator(`[data-journey="${otherId}"]`).waitFor();
    expect(await table.getByTestId('journey-row').count()).toBe(2);

    // The journey page: SANDBOX on the timeline, its units of work and tasks in the Gantt.
    await row.getByRole('link', { name: 'medtronic' }).click();
    await page.getByRole('heading', { level: 1, name: 'medtronic' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Stage timeline' });
    expect(await timeline.locator('[data-stage="sandbox"]').textContent()).toContain('SANDBOX');
    const gantt = page.getByTestId('journey-gantt');
    const ganttRow = (name: string) => gantt.locator(`[data-name="${name}"]`);
    expect(await attrs(gantt.locator('[data-level="unit"]'), 'data-name')).toEqual(['Sandbox setup', 'Security audit and stakeholder demo']);
    for (const task of ['Install Confluence connector', 'Provision test dataset', 'Validate search quality', 'Run security scan']) {
      await gantt.locator(`[data-name="${task}"][data-status="completed"]`).waitFor({ state: 'attached' });
    }
    await gantt.locator('[data-name="Client stakeholder demo approval"][data-status="pending"]').waitFor({ state: 'attached' });
    expect(await ganttRow('Client stakeholder demo approval').locator('title').textContent()).toContain('waiting for a person');

    // Promote without metrics: refused, with every failing check (actual vs expected) and the allowed events.
    await page.getByRole('button', { name: 'Promote to pilot' }).click();
    const rejection = page.getByTestId('rejection');
    await rejection.waitFor();
    const failing = rejection.getByRole('table', { name: 'Failing gate checks' });
    expect(await failing.getByTestId('gate-check').count()).toBe(7);
    expect(await failing.locator('[data-testid="gate-check"][data-passed="true"]').count()).toBe(0);
    const connectors = failing.getByTestId('gate-check').filter({ hasText: 'connectors_syncing' });
    expect(await connectors.getByTestId('check-actual').textContent()).toBe('not reported');
    expect(await connectors.getByTestId('check-expected').textContent()).toBe('>= 1');
    expect(await rejection.getByTestId('allowed-events').locator('code').allTextContents()).toEqual(['promote_to_pilot', 'initiate_rollback', 'cancel_journey']);
    await page.locator('[data-testid="gate"][data-event="promote_to_pilot"][data-passed="false"]').waitFor();

    // A bad metrics line is located and nothing is sent.
    const lines = page.getByLabel('Report metrics (one name=value per line)');
    await lines.fill('search_precision=abc');
    await page.getByRole('button', { name: 'Report metrics' }).click();
    expect(await page.locator('#jm-errors').textContent()).toContain('line 1 "abc" is not a number');

    // The stakeholder demo is a human task: complete it with its metric in the output.
    const demo = page.locator('[data-testid="task-row"][data-task="stakeholder-demo"]');
    await demo.getByRole('button', { name: 'Complete…' }).click();
    await page.getByLabel('Output (JSON object)').fill('{"metrics": {"stakeholder_demo_approved": 1}, "notes": "Demo accepted by the CIO"}');
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.locator('[data-testid="task-row"][data-task="stakeholder-demo"][data-status="completed"]').waitFor();

    // Report the rest of the gate's metrics, then promote: PILOT on the timeline.
    await lines.fill('connector_sync_rate=1\nsearch_precision=0.86\nsecurity_vulnerabilities=0\npilot_cohort_size=30\nproduction_infrastructure_ready=1');
    await page.getByRole('button', { name: 'Report metrics' }).click();
    expect(await page.getByTestId('action-done').textContent()).toMatch(/Reported 5 metrics/);
    const current = page.getByRole('table', { name: 'Current metrics' });
    await current.getByRole('row').filter({ hasText: 'stakeholder_demo_approved' }).waitFor();
    expect(await current.getByRole('row').filter({ hasText: 'search_precision' }).textContent()).toContain('0.86');
    await page.getByRole('button', { name: 'Promote to pilot' }).click();
    await page.getByTestId('action-done').filter({ hasText: 'now in Pilot' }).waitFor();
    await timeline.locator('[data-stage="pilot"]').waitFor();
    expect(await timeline.locator('[data-stage="pilot"]').textContent()).toContain('PILOT');
    expect(await page.getByTestId('current-stage').textContent()).toBe('PILOT');
    const passedGate = page.locator('[data-testid="gate"][data-event="promote_to_pilot"]');
    await passedGate.and(page.locator('[data-passed="true"]')).waitFor();
    expect(await passedGate.textContent()).toContain('Latest of 2 attempts');
    await ganttRow('Limited user rollout').waitFor({ state: 'attached' });

    // Roll back with a trigger from seed 003 and a reason, confirmed in a dialog.
    await page.getByRole('button', { name: 'Roll back…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back Pilot?' });
    await dialog.waitFor();
    expect(await attrs(dialog.getByLabel('Trigger').locator('option'), 'value')).toEqual(SEED_TRIGGERS);
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('a rollback needs a reason');
    await dialog.getByLabel('Trigger').selectOption('user_satisfaction_low');
    await dialog.getByLabel('Reason').fill('Pilot users rate the answers 3.1/5');
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const marker = timeline.locator('[data-stage="rollback"]').getByTestId('rollback-marker');
    await marker.waitFor();
    expect(await marker.textContent()).toContain('trigger user_satisfaction_low');
    expect(await marker.textContent()).toContain('Reason: Pilot users rate the answers 3.1/5');
    expect(await timeline.locator('[data-stage="pilot"]').textContent()).toContain('rolled back');
    // The rollback work runs, then the journey resumes where the policy says: the previous stage.
    await marker.filter({ hasText: 'resumed at Sandbox' }).waitFor();
    expect(await attrs(timeline.getByTestId('timeline-visit'), 'data-stage')).toEqual(['sandbox', 'pilot', 'rollback', 'sandbox']);
    await ganttRow('Pilot rollback').and(page.locator('[data-status="completed"]')).waitFor({ state: 'attached' });

    // Cancel the other journey, with a reason, confirmed: it ends and offers no action any more.
    await page.goto(`${server.url}/journeys/${encodeURIComponent(otherId)}`);
    await page.getByRole('heading', { level: 1, name: 'acme' }).waitFor();
    await page.getByRole('button', { name: 'Cancel journey…' }).click();
    const cancelDialog = page.getByRole('dialog', { name: 'Cancel the journey of acme?' });
    await cancelDialog.getByLabel('Reason').fill('The client chose another vendor');
    await cancelDialog.getByRole('button', { name: 'Cancel journey', exact: true }).click();
    await page.getByTestId('current-stage').filter({ hasText: 'CANCELLED' }).waitFor();
    await page.getByText('No action is possible in this stage.').waitFor();
    expect(await attrs(page.getByRole('list', { name: 'Stage timeline' }).getByTestId('timeline-visit'), 'data-stage')).toEqual(['sandbox', 'cancelled']);

    // A registered definition: a running task grows in the Gantt; a failed one is retried.
    const slowId = await startViaApi(slowDefinition.id, 'globex');
    await page.goto(`${server.url}/journeys/${encodeURIComponent(slowId)}`);
    const slow = page.getByTestId('journey-gantt').locator('[data-name="Slow build"][data-status="running"]');
    await slow.waitFor({ state: 'attached' });
    const elapsed = async () => {
      const title = (await slow.locator('title').textContent()) ?? '';
      const seconds = /running · (\d+) s$/.exec(title)?.[1];
      if (seconds === undefined) throw new Error(`no elapsed time in "${title}"`);
      return Number(seconds);
    };
    const before = await elapsed();
    await page.waitForTimeout(2_500);
    expect(await elapsed()).toBeGreaterThan(before);
    const flaky = page.locator('[data-testid="task-row"][data-task="flaky-check"]');
    await page.locator('[data-testid="task-row"][data-task="flaky-check"][data-status="failed"]').waitFor();
    expect(await flaky.textContent()).toContain('flaky check failed on purpose');
    expect(await flaky.locator('td.numeric').textContent()).toMatch(/^1max 1$/);
    // Retrying asks why, in a dialog: an empty reason is refused there; the reason reaches the audit log.
    await flaky.getByRole('button', { name: 'Retry task…' }).click();
    const retryDialog = page.getByRole('dialog', { name: 'Retry Flaky check?' });
    await retryDialog.getByRole('button', { name: 'Retry task', exact: true }).click();
    expect(await retryDialog.getByRole('alert').textContent()).toContain('a retry needs a reason');
    await retryDialog.getByLabel('Reason').fill('the flaky dependency was redeployed');
    await retryDialog.getByRole('button', { name: 'Retry task', exact: true }).click();
    await retryDialog.waitFor({ state: 'detached' });
    await page.getByTestId('action-done').filter({ hasText: 'Flaky check: queued again' }).waitFor();
    const retryAudit = await fetch(`${server.url}/api/audit?action=task.retry`, { headers: { authorization: `Bearer ${operator}` } });
    expect(((await retryAudit.json()) as { items: Array<{ summary: string }> }).items.map((e) => e.summary)).toContainEqual(expect.stringContaining('"Flaky check": the flaky dependency was redeployed'));
    await flaky.locator('td.numeric').filter({ hasText: /^2max 1$/ }).waitFor();

    // The dashboard: seed 003's metrics from the event log of the two client-onboarding journeys.
    await page.goto(`${server.url}/journeys`);
    const rollbackRate = page.getByTestId('metric-rollback-rate');
    await rollbackRate.filter({ hasText: '50%' }).waitFor();
    expect(await rollbackRate.textContent()).toContain('1 of 2 journeys entered Rollback');
    expect(await page.getByTestId('metric-first-pass-rate').textContent()).toContain('0 of 1 gated promotions passed');
    expect(await page.getByTestId('metric-time-to-production').textContent()).toContain('over 0 journeys');
    const success = page.getByTestId('metric-client-success-rate');
    expect(await success.locator('.jd-card-value').textContent()).toBe('0%');
    expect(await success.textContent()).toContain('0 reached Production of 1 decided');
    expect(await rollbackRate.locator('.jd-card-value').textContent()).toBe('50%');
    expect(pageErrors).toEqual([]);
    await opened.close();

    // A viewer sees the journeys, the timeline, the Gantt and the gates, and no action at all.
    const viewerContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const viewerPage = await viewerContext.newPage();
    viewerPage.setDefaultTimeout(30_000);
    viewerPage.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(viewerPage, server, viewer);
    await viewerPage.goto(`${server.url}/journeys`);
    await viewerPage.getByRole('table', { name: 'Journeys' }).locator(`[data-journey="${journeyId}"]`).waitFor();
    expect(await viewerPage.getByRole('region', { name: 'Start a journey' }).count()).toBe(0);
    await viewerPage.getByText('Starting a journey needs the operator role.').waitFor();
    for (const id of [journeyId, slowId]) {
      await viewerPage.goto(`${server.url}/journeys/${encodeURIComponent(id)}`);
      await viewerPage.getByTestId('viewer-note').waitFor();
      await viewerPage.getByTestId('journey-gantt').waitFor();
      await viewerPage.getByRole('list', { name: 'Stage timeline' }).waitFor();
      expect(await viewerPage.getByRole('group', { name: 'Journey actions' }).count()).toBe(0);
      for (const name of ['Promote to pilot', 'Roll back…', 'Cancel journey…', 'Retry task', 'Cancel task', 'Complete…', 'Report metrics']) {
        expect(await viewerPage.getByRole('button', { name }).count(), name).toBe(0);
      }
      expect(await viewerPage.getByRole('form', { name: 'Report metrics' }).count()).toBe(0);
    }
    expect(await viewerPage.locator('[data-testid="task-row"][data-task="flaky-check"]').textContent()).toContain('failed');
    expect(pageErrors).toEqual([]);
    await viewerContext.close();
  });
});
