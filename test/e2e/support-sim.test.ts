// The Simulation and Metrics pages in real Chromium against the real server: a simulation run from an
// edited workload charts both As-Is and Orchestrated (bars per metric, two backlog lines); a bad field is
// explained; the Metrics page shows the definitions and a before/after table from stored snapshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestServer } from '../helpers/server';
import { openSignedIn, startPortal, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;

beforeAll(async () => {
  portal = await startPortal();
  ({ server } = portal);
});

afterAll(async () => {
  await portal?.close();
});

const signedInPage = () => openSignedIn(portal, server.adminToken, { from: 'banner', timeoutMs: 30_000, context: { viewport: { width: 1360, height: 1000 } } });

describe('Support → Simulation', () => {
  it('runs an edited workload and charts both configurations', async () => {
    const { page, pageErrors, close } = await signedInPage();
    try {
      await page.goto(`${server.url}/support/simulation`);
      await page.getByRole('heading', { name: 'Simulation', level: 2 }).waitFor();
      await page.getByLabel('Seed').fill('7');
      await page.getByLabel('Days', { exact: true }).fill('5');
      await page.getByLabel('L1 agents').fill('7');
      await page.getByRole('button', { name: 'Run simulation' }).click();
      const results = page.getByRole('region', { name: /As-Is vs Orchestrated/ });
      await results.waitFor();
      expect(await results.getByRole('heading', { level: 3 }).textContent()).toContain('seed 7, 5 days');
      // One bar chart per metric, each with an As-Is and an Orchestrated row.
      const mttr = results.getByRole('img', { name: 'MTTR' });
      expect(await mttr.locator('[data-row="asIs"] rect').count()).toBe(1);
      expect(await mttr.locator('[data-row="orchestrated"] rect').count()).toBe(1);
      for (const name of ['Time to first response', 'SLA breach rate', 'Re-escalation rate']) await results.getByRole('img', { name }).waitFor();
      // Two backlog lines with one point per simulated hour (5 days + the closing sample).
      const chart = results.getByRole('img', { name: 'Open tickets over time' });
      for (const series of ['asIs', 'orchestrated']) {
        const points = (await chart.locator(`polyline[data-series="${series}"]`).getAttribute('points')) ?? '';
        expect(points.trim().split(' ')).toHaveLength(5 * 24 + 1);
      }
      // The page's numbers are the API's for the same request.
      const direct = await api(server, 'POST', '/api/sim/run', { token: server.adminToken, body: { seed: 7, workload: { days: 5, team: [{ tier: 'L1', count: 7, capacity: 5 }, { tier: 'L2', count: 4, capacity: 4 }] } } });
      const asIsMttr = Math.round((direct.json.asIs as { mttrHours: number }).mttrHours * 10) / 10;
      expect(await mttr.locator('[data-row="asIs"] .bar-value').textContent()).toBe(`${asIsMttr} h`);

      await page.getByLabel('Days', { exact: true }).fill('400');
      await page.getByRole('button', { name: 'Run simulation' }).click();
      await page.getByText(/limit maxDays|365/).first().waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('Support → Metrics', () => {
  it('shows the definitions and the latest baseline against the latest measurement', async () => {
    const rows = ['created,resolved,priority'];
    for (let d = 1; d <= 20; d++) {
      const day = `2026-02-${String(d).padStart(2, '0')}`;
      rows.push(`${day} 09:00,${new Date(Date.parse(`${day}T09:00:00Z`) + (d <= 10 ? 40 : 20) * 3_600_000).toISOString()},high`);
    }
    const imp = await api(server, 'POST', '/api/ticket-imports?commit=true', { token: server.adminToken, rawBody: rows.join('\n'), headers: { 'content-type': 'text/csv' } });
    expect(imp.status).toBe(201);
    for (const [kind, windowStart, windowEnd] of [['baseline', '2026-02-01T00:00:00Z', '2026-02-11T00:00:00Z'], ['measured', '2026-02-11T00:00:00Z', '2026-02-21T00:00:00Z']]) {
      expect((await api(server, 'POST', '/api/metrics/snapshots', { token: server.adminToken, body: { kind, source: 'import', windowStart, windowEnd } })).status).toBe(201);
    }
    const { page, pageErrors, close } = await signedInPage();
    try {
      await page.goto(`${server.url}/support/metrics`);
      await page.getByText('Re-escalation rate', { exact: false }).first().waitFor();
      const table = page.getByRole('table', { name: 'Before and after' });
      const mttrRow = table.getByRole('row', { name: /MTTR/ });
      await mttrRow.waitFor();
      expect(await mttrRow.textContent()).toContain('40.0 h');
      expect(await mttrRow.textContent()).toContain('+50.0 %');
      await page.getByText(/Hours saved per week/).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
