// The Toolkit in real Chromium against the real server: the Epic 5.1 schedule as a Gantt chart with
// the critical path marked and a Markdown download, the risk heat map's counts, sorting and breached
// indicators, the router's scores, and the KPI and process pages on the shipped examples.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { TestServer } from '../helpers/server';
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

/** One attribute of every element the locator matches, in document order. */
async function attrs(locator: Locator, name: string): Promise<Array<string | null>> {
  const out: Array<string | null> = [];
  for (let i = 0, n = await locator.count(); i < n; i++) out.push(await locator.nth(i).getAttribute(name));
  return out;
}

/** The fill the browser actually paints (the test's tsconfig has no DOM types, hence the narrow cast). */
function computedFill(locator: Locator): Promise<string> {
  type Styles = { getComputedStyle(element: unknown): { fill: string } };
  return locator.evaluate((element) => (globalThis as unknown as Styles).getComputedStyle(element).fill);
}

const signedInPage = () => openSignedIn(portal, server.adminToken, { from: 'banner', timeoutMs: 20_000, context: { viewport: { width: 1360, height: 1000 }, acceptDownloads: true } });

describe('toolkit', () => {
  it('plans the Epic 5.1 example as a Gantt chart with the critical path marked, and downloads it as Markdown', { timeout: 120_000 }, async () => {
    const { page, pageErrors, close } = await signedInPage();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Toolkit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toolkit' }).waitFor();
    // The shipped examples were saved on first start.
    await page.getByRole('table', { name: 'Toolkit documents' }).getByRole('row').filter({ hasText: 'Epic 5.1 – Operational Portal plan' }).waitFor();

    await page.getByRole('navigation', { name: 'Toolkit' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('button', { name: 'Use the Epic 5.1 example' }).click();
    const gantt = page.locator('svg.gantt-chart');
    await gantt.waitFor();
    expect(await page.getByLabel('Work breakdown (CSV: id,name,estimate,depends_on; dependencies separated by “;”)').inputValue()).toMatch(/^id,name,estimate,depends_on\n5\.1\.0,Common Platform Components,13,\n/);
    expect(await page.getByTestId('schedule-summary').textContent()).toContain('102 points with 2 people');
    expect(await page.getByTestId('critical-path').textContent()).toBe('5.1.0 → 5.1.8 → 5.1.9 → 5.1.10 → 5.1.11 → 5.1.12');

    const critical = await attrs(gantt.locator('g.gantt-row[data-critical="true"]'), 'data-task');
    expect(critical).toEqual(['5.1.0', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12']);
    expect(await gantt.locator('g.gantt-row[data-task="5.1.7"]').getAttribute('data-critical')).toBe('false');
    // Critical bars are drawn in the critical colour, the others not; slack shows as a dashed tail.
    const bars = gantt.locator('rect.gantt-bar');
    const fills: Array<[string | null, string]> = [];
    for (let i = 0, n = await bars.count(); i < n; i++) {
      fills.push([await bars.nth(i).getAttribute('data-critical'), await computedFill(bars.nth(i))]);
    }
    const criticalFill = new Set(fills.filter(([c]) => c === 'true').map(([, f]) => f));
    const otherFill = new Set(fills.filter(([c]) => c === 'false').map(([, f]) => f));
    expect(criticalFill.size).toBe(1);
    expect([...otherFill].some((f) => criticalFill.has(f))).toBe(false);
    expect(await gantt.locator('g.gantt-row[data-task="5.1.7"] rect.gantt-slack').count()).toBe(1);
    expect(await gantt.locator('g.gantt-row[data-task="5.1.7"] title').textContent()).toContain('Person 2');
    expect(await gantt.locator('title').first().textContent()).toBe('Schedule for 2 people');
    expect(await gantt.locator('.gantt-milestones path').count()).toBe(5);
    const table = page.getByRole('table', { name: 'Scheduled tasks' });
    expect(await table.getByRole('row').filter({ hasText: '5.1.12 Technical Help Desk' }).textContent()).toContain('102');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('schedule.md');
    const markdown = await readFile((await file.path())!, 'utf8');
    expect(markdown).toMatch(/^# Schedule\n/);
    expect(markdown).toContain('Critical path: 5.1.0 → 5.1.8 → 5.1.9 → 5.1.10 → 5.1.11 → 5.1.12.');

    // One person cannot make a deadline of 110: the page says why.
    await page.getByRole('spinbutton', { name: 'People' }).fill('1');
    await page.getByLabel('Deadline (optional)').fill('110');
    await page.getByRole('button', { name: 'Plan the schedule' }).click();
    const verdict = page.getByRole('status').filter({ hasText: 'Deadline 110 cannot be met' });
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('With 2 people the schedule fits the deadline.');
    expect(await page.locator('svg.gantt-chart line.gantt-deadline').count()).toBe(1);

    expect(pageErrors).toEqual([]);
    await close();
  });

  it('shows the risk heat map with counts, sorts the register by score, and highlights breached indicators', { timeout: 120_000 }, async () => {
    const { page, pageErrors, close } = await signedInPage();
    await page.goto(`${server.url}/toolkit/risk`);
    const heat = page.locator('svg.heat-map');
    await heat.waitFor();
    const cell = (p: number, i: number) => heat.locator(`g[data-probability="${p}"][data-impact="${i}"]`);
    expect(await cell(3, 4).getAttribute('data-count')).toBe('1');
    expect(await cell(3, 4).locator('text').textContent()).toBe('1');
    expect(await cell(3, 3).locator('text').textContent()).toBe('2');
    expect(await cell(2, 2).locator('text').textContent()).toBe('1');
    expect(await heat.locator('text.heat-count').count()).toBe(3);

    const register = page.getByRole('table', { name: 'Risk register' });
    const order = () => attrs(register.locator('tbody tr'), 'data-risk');
    expect(await order()).toEqual(['R1', 'R2', 'R3', 'R4']);
    await register.getByRole('button', { name: /Score/ }).click();
    expect(await order()).toEqual(['R4', 'R3', 'R2', 'R1']);
    expect(await register.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    // An own register with a breached indicator and markup in a title, which must stay text.
    await page.getByText('Analyse your own register (JSON)').click();
    const own = {
      name: 'Launch risks',
      risks: [
        { id: 'L1', title: 'Vendor <img src=x onerror="window.__owInjected=1"> late', probability: 5, impact: 4, strategy: 'mitigate', owner: 'PM', mitigation: 'Weekly review', contingency: 'Second vendor', kris: [{ name: 'Days late', threshold: 3, breachWhen: 'above', current: 6 }] },
        { id: 'L2', title: 'Budget cut', probability: 2, impact: 2, strategy: 'accept', owner: 'CFO' },
      ],
    };
    await page.getByLabel('JSON').fill(JSON.stringify(own));
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByTestId('breached-kris').waitFor();
    expect(await page.getByTestId('breached-kris').textContent()).toContain('L1 – Days late');
    expect(await attrs(register.locator('tr.row-breached'), 'data-risk')).toEqual(['L1']);
    expect(await cell(5, 4).getAttribute('data-level')).toBe('critical');
    expect(await register.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.__owInjected === undefined')).toBe(true);

    // Content errors come back located.
    await page.getByLabel('JSON').fill(JSON.stringify({ risks: [{ id: 'X', title: 't', probability: 8, impact: 1, strategy: 'accept', owner: 'o' }] }));
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('alert').filter({ hasText: '/risks/0/probability' }).waitFor();

    expect(pageErrors).toEqual([]);
    await close();
  });

  it('routes a typed problem and shows the skill scores with matched phrases', { timeout: 120_000 }, async () => {
    const { page, pageErrors, close } = await signedInPage();
    await page.goto(`${server.url}/toolkit/router`);
    await page.getByLabel('Operational problem').fill('What could go wrong with our vendor migration? We need a contingency before the deadline.');
    await page.getByRole('button', { name: 'Route the problem' }).click();
    await page.getByTestId('route-choice').waitFor();
    expect(await page.getByTestId('route-choice').textContent()).toMatch(/^Route to Risk Management \(\d+ points, [\d.]+%\)\.$/);
    const chart = page.locator('svg.bar-chart');
    expect(await chart.locator('g[data-row]').count()).toBe(4);
    expect(await chart.locator('g[data-highlight="true"]').getAttribute('data-row')).toBe('risk-management');
    const risk = page.getByRole('table', { name: 'Matched phrases' }).locator('tr[data-skill="risk-management"]');
    expect(await risk.textContent()).toContain('“what could go wrong” +3');
    expect(await risk.textContent()).toContain('“contingency” +3');
    await page.getByRole('heading', { name: 'Clarifying questions' }).waitFor();
    const plan = page.getByRole('heading', { name: /^Plan: Risk-Aware Planning/ });
    await plan.waitFor();
    await page.getByRole('link', { name: 'Project plan (Project Management)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schedule' }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('checks the Epic 5.1 KPIs against SMART and calls out the escalation bottleneck', { timeout: 120_000 }, async () => {
    const { page, pageErrors, close } = await signedInPage();
    await page.goto(`${server.url}/toolkit/kpi`);
    await page.getByRole('heading', { name: 'SMART check' }).waitFor();
    expect(await page.locator('article.smart-card[aria-label^="SMART check of"]').count()).toBe(8);
    expect(await page.getByText('No KPI covers Learning & Growth').count()).toBe(1);
    await page.getByLabel('KPI set').selectOption('escalation-okrs');
    await page.getByRole('heading', { name: 'OKR progress' }).waitFor();
    expect(await page.locator('progress').count()).toBe(4);

    await page.goto(`${server.url}/toolkit/process`);
    await page.getByTestId('bottleneck').waitFor();
    expect(await page.getByTestId('bottleneck').textContent()).toContain('Bottleneck: L2 diagnosis.');
    expect(await page.locator('svg.bar-chart g[data-highlight="true"]').getAttribute('data-row')).toBe('L2 diagnosis');
    await page.getByRole('heading', { name: 'DMAIC report' }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });
});
