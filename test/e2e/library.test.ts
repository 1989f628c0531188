// The Library section in a real browser against the real server, as the MSP consultant of seed 001
// uses it: search → filter → open a pattern → copy its Mermaid → download ARTICLE.md → check the
// scorecard → white-label the diagrams → price a statement of work. Every value the page shows or
// hands over (clipboard, files, counts) is compared with what the HTTP API answers for the same thing.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { api, type TestServer } from '../helpers/server';
import { createToken, openSignedIn, startPortal, type OpenPage, type Portal } from '../helpers/portal-session';

const SLUG = 'support-ticket-escalation-backlog';
const TITLE = 'Support Ticket Escalation Backlog';
const ARTICLE_HEADINGS = [
  'Hook',
  'Problem in one minute',
  'As-Is diagram',
  'Orchestrated diagram',
  'Decision point that matters',
  'Metrics & SLAs',
  'Checklist',
  'Orchestration scorecard',
  'Closing insight',
];

let portal: Portal;
let server: TestServer;
let viewerToken: string;

beforeAll(async () => {
  portal = await startPortal();
  ({ server } = portal);
  viewerToken = await createToken(server, 'viewer', 'library e2e viewer');
});

afterAll(async () => {
  await portal?.close();
});

/** A signed-in page in a fresh context that may use the clipboard and save downloads. */
async function signedInPage(token: string, next: string): Promise<OpenPage> {
  const opened = await openSignedIn(portal, token, {
    from: 'sign-in',
    timeoutMs: 20_000,
    context: { viewport: { width: 1400, height: 1000 }, acceptDownloads: true },
    grant: { permissions: ['clipboard-read', 'clipboard-write'], origin: server.url },
  });
  await opened.page.goto(`${server.url}${next}`);
  return opened;
}

async function apiJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await api(server, init.method ?? 'GET', path, { token: viewerToken, body: init.body });
  expect(res.status, `${path}: ${res.text}`).toBeLessThan(300);
  return res.json as T;
}

async function apiText(path: string): Promise<string> {
  const res = await api(server, 'GET', path, { token: viewerToken });
  expect(res.status, `${path}: ${res.text}`).toBe(200);
  return res.text;
}

interface SearchAnswer {
  total: number;
  items: Array<{ slug: string; title: string; industries: string[] }>;
  facets: Record<string, Record<string, number>>;
}

/** Waits until the result line says `text` and no longer update is under way (old results stay on screen while loading). */
async function resultsShow(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('result-count').filter({ hasText: text, hasNotText: 'updating' }).waitFor();
}

/**
 * The participant labels Mermaid drew, read from the SVG: one per participant box. A wrapped label
 * is split over several <text>/<tspan> lines in the box's group, so the lines are joined with a space.
 * (Read through locators: the tests type-check without DOM types.)
 */
async function participantLabels(diagram: Locator): Promise<string[]> {
  const boxes = diagram.locator('svg g:has(> rect.actor)');
  const labels: string[] = [];
  for (let i = 0, n = await boxes.count(); i < n; i += 1) {
    const lines = await boxes.nth(i).locator('text.actor tspan').allTextContents();
    labels.push(lines.map((line) => line.trim()).filter((line) => line !== '').join(' '));
  }
  return labels;
}

async function readClipboard(page: Page): Promise<string> {
  return String(await page.evaluate('navigator.clipboard.readText()'));
}

async function cardTitles(page: Page): Promise<string[]> {
  return (await page.getByRole('list', { name: 'Patterns' }).getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim());
}

describe('library portal', () => {
  it('searches, filters, opens a pattern, copies Mermaid, downloads the article, white-labels and prices it', { timeout: 240_000 }, async () => {
    const { page, pageErrors, close } = await signedInPage(viewerToken, '/library');
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();

    // The unfiltered view lists the catalog, with facet counts from the API.
    const all = await apiJson<SearchAnswer>('/api/patterns?pageSize=12');
    await resultsShow(page, `${all.total} patterns`);
    expect(all.total).toBeGreaterThanOrEqual(20);

    // Paging and sorting are links in the URL too, and give the API's order.
    const pageTwo = await apiJson<SearchAnswer>('/api/patterns?pageSize=12&page=2');
    await page.getByRole('navigation', { name: 'Result pages' }).getByRole('button', { name: 'Page 2' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await resultsShow(page, 'page 2 of');
    expect(await cardTitles(page)).toEqual(pageTwo.items.map((item) => item.title));
    const newest = await apiJson<SearchAnswer>('/api/patterns?pageSize=12&sort=newest');
    await page.getByLabel('Sort by').selectOption('newest');
    // A new sort starts again at page 1.
    await page.waitForURL((url) => url.searchParams.get('sort') === 'newest' && !url.searchParams.has('page'));
    await resultsShow(page, 'page 1 of');
    expect(await cardTitles(page)).toEqual(newest.items.map((item) => item.title));
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('page') === '2' && !url.searchParams.has('sort'));
    await resultsShow(page, 'page 2 of');
    expect(await cardTitles(page)).toEqual(pageTwo.items.map((item) => item.title));
    await page.goto(`${server.url}/library`);

    // Search: typing updates the URL after the debounce, and the results follow.
    await page.getByLabel('Search patterns').fill('escalation');
    await page.waitForURL((url) => url.searchParams.get('q') === 'escalation');
    const searched = await apiJson<SearchAnswer>('/api/patterns?q=escalation&pageSize=12');
    await resultsShow(page, `${searched.total} pattern`);
    expect(searched.total).toBeLessThan(all.total);

    // Filter: the Technology chip shows how many results it would give, and then gives exactly those.
    const chip = page.locator('fieldset[data-facet="industry"] button[data-value="Technology"]');
    const chipCount = Number(await chip.locator('.chip-count').textContent());
    expect(chipCount).toBe(searched.facets.industry?.Technology);
    await chip.click();
    await page.waitForURL((url) => url.searchParams.getAll('industry').includes('Technology'));
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const filtered = await apiJson<SearchAnswer>('/api/patterns?q=escalation&industry=Technology&pageSize=12');
    expect(filtered.total).toBe(chipCount);
    await resultsShow(page, new RegExp(`^${filtered.total} patterns?`));
    expect(await cardTitles(page)).toEqual(filtered.items.map((item) => item.title));
    for (const item of filtered.items) expect(item.industries).toContain('Technology');

    // The URL alone reproduces the view.
    await page.reload();
    await resultsShow(page, new RegExp(`^${filtered.total} patterns?`));
    expect(await page.getByLabel('Search patterns').inputValue()).toBe('escalation');
    expect(await page.locator('fieldset[data-facet="industry"] button[data-value="Technology"]').getAttribute('aria-pressed')).toBe('true');
    expect(await cardTitles(page)).toEqual(filtered.items.map((item) => item.title));

    // Open the pattern from its card.
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/library/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const sectionHeadings = (await page.locator('.pattern-main h2').allTextContents()).map((t) => t.trim());
    for (const heading of ARTICLE_HEADINGS) expect(sectionHeadings).toContain(heading);

    // Both diagrams are drawn as SVG by Mermaid.
    for (const kind of ['as-is', 'orchestrated']) {
      await page.getByTestId(`diagram-${kind}`).locator('figure[data-status="ready"] svg').waitFor();
    }
    const participants = await participantLabels(page.getByTestId('diagram-orchestrated'));
    expect(participants).toContain('🔀 Smart Router');
    expect(participants).toContain('⏰ SLA Monitor');

    // Build a solution lists the pattern's components with their effort.
    const detail = await apiJson<{ components: Array<{ name: string; effortPersonWeeks: number }> }>(`/api/patterns/${SLUG}`);
    const componentCards = page.locator('#build-a-solution .component-card');
    expect(await componentCards.locator('h3').allTextContents()).toEqual(detail.components.map((c) => c.name));
    for (const [i, component] of detail.components.entries()) {
      expect(await componentCards.nth(i).textContent()).toContain(`${component.effortPersonWeeks} person-week`);
    }

    // Copy Mermaid puts exactly the API's diagram text on the clipboard.
    const orchestratedText = await apiText(`/api/patterns/${SLUG}/mermaid/orchestrated`);
    await page.getByTestId('diagram-orchestrated').getByRole('button', { name: 'Copy Mermaid' }).click();
    await page.getByTestId('diagram-orchestrated').getByText('Copied to the clipboard').waitFor();
    expect(await readClipboard(page)).toBe(orchestratedText);
    await page.getByTestId('diagram-as-is').getByRole('button', { name: 'Copy Mermaid' }).click();
    await page.getByTestId('diagram-as-is').getByText('Copied to the clipboard').waitFor();
    expect(await readClipboard(page)).toBe(await apiText(`/api/patterns/${SLUG}/mermaid/as-is`));

    // Download ARTICLE.md: the saved file is the API's article.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download ARTICLE.md' }).click()]);
    expect(download.suggestedFilename()).toBe('ARTICLE.md');
    const saved = await readFile(await download.path(), 'utf8');
    expect(saved).toBe(await apiText(`/api/patterns/${SLUG}/article.md`));
    expect(saved).toContain(`# ${TITLE}`);

    // The checklist exports are the API's files too (the CSV is the one Jira imports).
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV for Jira' }).click()]);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    expect(csv).toBe(await apiText(`/api/patterns/${SLUG}/checklist.csv`));
    expect(csv.split('\n')[0]).toMatch(/^Summary,/);
    expect(await page.locator('#checklist .task-list input[type="checkbox"]').count()).toBe(6);

    // Print checklist: only the checklist goes to paper, without the portal around it.
    await page.evaluate("window.print = () => { window.__printed = document.documentElement.classList.contains('printing-checklist'); }");
    await page.getByRole('button', { name: 'Print checklist' }).click();
    expect(await page.evaluate('window.__printed')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#checklist').isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^IMP-001 · / }).isVisible()).toBe(true);
    for (const hidden of ['#hook', '#orchestrated-diagram', '#white-label', '.top-bar', '.side-nav', '.pattern-toc']) {
      expect(await page.locator(hidden).first().isVisible(), `${hidden} printed with the checklist`).toBe(false);
    }
    // After the print dialog the whole article prints again, still without the portal's chrome.
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    expect(await page.locator('#hook').isVisible()).toBe(true);
    expect(await page.locator('.side-nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The scorecard chart shows the API's scores, and a dimension's evidence on demand (kept in the URL).
    const scorecard = await apiJson<{ totalScore: number; maxScore: number; passed: boolean; dimensions: Array<{ id: string; name: string; score: number; criteria: Array<{ evidence: string }> }> }>(
      `/api/patterns/${SLUG}/scorecard`,
    );
    expect(await page.getByTestId('scorecard-total').textContent()).toBe(`${scorecard.totalScore}/${scorecard.maxScore}`);
    expect(await page.getByTestId('scorecard-verdict').textContent()).toBe(scorecard.passed ? 'Passed' : 'Not passed');
    const first = scorecard.dimensions[0];
    if (first === undefined) throw new Error('the scorecard has no dimensions');
    expect(await page.locator('.scorecard-row').count()).toBe(8);
    expect(await page.locator(`.scorecard-row[data-dimension="${first.id}"] .scorecard-score`).textContent()).toBe(`${first.score}/5`);
    // The chart is drawn to scale: the dashed threshold sits on the axis tick of the minimum
    // dimension score, and each bar ends on the tick of its score.
    const centre = (box: { x: number; width: number } | null) => (box === null ? Number.NaN : box.x + box.width / 2);
    const tick = (n: number) => page.locator('.scorecard-ticks span').nth(n).boundingBox();
    const threshold = await page.locator(`.scorecard-row[data-dimension="${first.id}"] .scorecard-threshold`).boundingBox();
    expect(Math.abs(centre(threshold) - centre(await tick(3)))).toBeLessThan(2);
    const bar = await page.locator(`.scorecard-row[data-dimension="${first.id}"] .scorecard-bar`).boundingBox();
    expect(bar).not.toBeNull();
    expect(Math.abs((bar?.x ?? 0) + (bar?.width ?? 0) - centre(await tick(first.score)))).toBeLessThan(2);
    await page.getByRole('button', { name: `Evidence for ${first.name}` }).click();
    const evidence = page.getByRole('list', { name: `Evidence for ${first.name}` });
    await evidence.waitFor();
    expect((await evidence.getByRole('listitem').allTextContents()).map((t) => t.replace(/^[✓✗]\s*(Met: |Not met: )?/, '').trim())).toEqual(
      first.criteria.map((c) => c.evidence),
    );
    await page.waitForURL((url) => url.searchParams.getAll('evidence').includes(first.id));

    // White-label: the client's names replace the generic ones in the redrawn diagram, the budget is re-checked.
    const terms = [
      { from: 'L1', to: 'Tier 1 Zendesk' },
      { from: 'Queue', to: 'Salesforce Service Cloud Queue' },
    ];
    await page.getByLabel('Term 1', { exact: true }).fill(terms[0]!.from);
    await page.getByLabel('Replacement 1', { exact: true }).fill(terms[0]!.to);
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByLabel('Term 2', { exact: true }).fill(terms[1]!.from);
    await page.getByLabel('Replacement 2', { exact: true }).fill(terms[1]!.to);
    const expected = await apiJson<{
      withinBudget: boolean;
      diagrams: Array<{ kind: string; text: string; withinBudget: boolean; introducedViolations: unknown[]; longLabels: Array<{ label: string }> }>;
    }>(`/api/patterns/${SLUG}/white-label`, { method: 'POST', body: { terms } });
    const diagramOf = (kind: string) => {
      const found = expected.diagrams.find((d) => d.kind === kind);
      if (found === undefined) throw new Error(`the white-label answer has no ${kind} diagram`);
      return found;
    };
    await page.getByTestId('white-label-status').filter({ hasText: '2 terms applied' }).waitFor();

    // Orchestrated: the L1 participant is renamed, and the longer queue name pushes a message over
    // the 56-character budget, which the report shows as caused by the new names.
    const labelled = page.getByTestId('white-label-orchestrated');
    await labelled.locator('figure[data-status="ready"] svg').waitFor();
    const renamed = await participantLabels(labelled);
    expect(renamed).toContain('🎧 Tier 1 Zendesk Agent');
    expect(renamed).not.toContain('🎧 L1 Agent');
    const orchestrated = diagramOf('orchestrated');
    expect(orchestrated.withinBudget).toBe(false);
    expect(orchestrated.introducedViolations.length).toBeGreaterThan(0);
    const report = page.getByTestId('budget-report-orchestrated');
    expect(await report.getByTestId('budget-status').textContent()).toBe('Over budget');
    expect(await report.getByRole('list', { name: 'Budget violations' }).getByText('caused by the new names').count()).toBe(orchestrated.introducedViolations.length);

    // As-Is: the queue participant's new label is longer than a readable box, and listed as such.
    const asIs = diagramOf('as-is');
    const asIsBlock = page.getByTestId('white-label-as-is');
    await asIsBlock.locator('figure[data-status="ready"] svg').waitFor();
    expect(await participantLabels(asIsBlock)).toContain('📥 L2 Salesforce Service Cloud Queue');
    expect(asIs.longLabels.length).toBeGreaterThan(0);
    const longLabels = await page.getByTestId('budget-report-as-is').getByTestId('long-labels').getByRole('listitem').allTextContents();
    expect(longLabels).toHaveLength(asIs.longLabels.length);
    asIs.longLabels.forEach((long, i) => expect(longLabels[i]).toContain(long.label));
    await labelled.getByRole('button', { name: 'Copy Mermaid' }).click();
    await labelled.getByText('Copied to the clipboard').waitFor();
    expect(await readClipboard(page)).toBe(orchestrated.text);
    await page.waitForURL((url) => url.searchParams.getAll('wf').join('|') === 'L1|Queue' && url.searchParams.getAll('wt')[1] === 'Salesforce Service Cloud Queue');

    // Statement of work: rates in, the API's priced deliverables and total out, exportable as CSV.
    await page.getByLabel('Day rate').fill('1000');
    await page.getByLabel('FTE count').fill('3');
    await page.waitForURL((url) => url.searchParams.get('rate') === '1000' && url.searchParams.get('fte') === '3');
    const sow = await apiJson<{ sow: { lines: unknown[]; totals: { priceCents: number } }; csv: string }>(`/api/patterns/${SLUG}/sow`, {
      method: 'POST',
      body: { dayRate: 1000, fteCount: 3, bufferPercent: 25, currency: 'USD' },
    });
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(sow.sow.totals.priceCents / 100);
    await page.getByTestId('sow-total').filter({ hasText: total }).waitFor();
    expect(await page.getByTestId('sow-table').locator('tbody tr').count()).toBe(sow.sow.lines.length);
    const [sowCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(await readFile(await sowCsv.path(), 'utf8')).toBe(sow.csv);

    // The whole pattern page, white-label and SOW included, comes back from its URL.
    const url = page.url();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByLabel('Replacement 2', { exact: true }).inputValue()).toBe('Salesforce Service Cloud Queue');
    await page.getByTestId('white-label-status').filter({ hasText: '2 terms applied' }).waitFor();
    await page.getByTestId('sow-total').filter({ hasText: total }).waitFor();
    await page.getByRole('list', { name: `Evidence for ${first.name}` }).waitFor();

    expect(pageErrors).toEqual([]);
    await close();
  });

  it('shows script and HTML in a published pattern as inert text', { timeout: 180_000 }, async () => {
    // An operator publishes a pattern whose text fields carry markup, through the API like any author.
    const operator = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'operator', name: 'library e2e operator' } });
    expect(operator.status, operator.text).toBe(201);
    const source = JSON.parse(await readFile(new URL(`../../content/patterns/${SLUG}.json`, import.meta.url), 'utf8')) as {
      ows: { meta: { id: string; title: string }; actors: Array<{ id: string; label: string }> };
      library: { slug: string; summary: { problem: string }; narrative: { hook: string }; checklist: Array<{ summary: string }> };
    };
    const slug = 'inert-markup-check';
    const title = 'Inert <script>window.__owXss=1</script> <img src=x onerror="window.__owXss=2"> check';
    const problem = 'Markup <img src=x onerror="window.__owXss=3"> in a problem line shows as text.';
    const hookMarkup = '<script>window.__owXss=4</script>';
    const itemSummary = '<img src=x onerror="window.__owXss=6"> Design the router';
    source.ows.meta.id = slug;
    source.ows.meta.title = title;
    source.library.slug = slug;
    source.library.summary.problem = problem;
    source.library.narrative.hook = `${hookMarkup} ${source.library.narrative.hook}`;
    const queue = source.ows.actors.find((actor) => actor.id === 'Queue');
    if (queue === undefined || source.library.checklist[0] === undefined) throw new Error('the catalog pattern changed shape');
    queue.label = '<img src=x onerror=window.__owXss=5> Queue';
    source.library.checklist[0].summary = itemSummary;
    const published = await api(server, 'POST', '/api/patterns', { token: String(operator.json.token), body: source });
    expect(published.status, published.text).toBeLessThan(300);

    const { page, pageErrors, close } = await signedInPage(viewerToken, '/library?q=inert');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // The card shows the title as the characters it is.
    const card = page.locator(`article[data-slug="${slug}"]`);
    await card.waitFor();
    expect((await card.getByRole('heading', { level: 2 }).textContent())?.trim()).toBe(title);
    expect(await card.textContent()).toContain(problem);

    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Inert' }).waitFor();
    expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(title);
    expect(await page.locator('.page-summary').textContent()).toBe(problem);
    expect(await page.locator('#hook').textContent()).toContain(hookMarkup);
    expect(await page.locator('#checklist').textContent()).toContain(itemSummary);
    for (const kind of ['as-is', 'orchestrated']) {
      await page.getByTestId(`diagram-${kind}`).locator('figure[data-status="ready"] svg').waitFor();
    }
    await page.getByTestId('sow-table').filter({ hasText: itemSummary }).waitFor();

    // Markup typed into the white-label editor is just as inert in the redrawn diagrams.
    await page.getByLabel('Term 1', { exact: true }).fill('L1');
    await page.getByLabel('Replacement 1', { exact: true }).fill('<img src=x onerror="window.__owXss=7">');
    await page.getByTestId('white-label-status').filter({ hasText: '1 term applied' }).waitFor();
    await page.getByTestId('white-label-orchestrated').locator('figure[data-status="ready"] svg').waitFor();

    const dom = await page.evaluate(`({
      flag: window.__owXss ?? null,
      injectedImages: document.querySelectorAll('img[src="x"]').length,
      handlerAttributes: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      injectedScripts: [...document.scripts].filter((script) => (script.textContent ?? '').includes('__owXss')).length,
    })`);
    expect(dom).toEqual({ flag: null, injectedImages: 0, handlerAttributes: 0, injectedScripts: 0 });
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('lists earlier versions, and explains bad white-label terms and SOW rates where they were typed', { timeout: 180_000 }, async () => {
    const operator = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'operator', name: 'library e2e versions' } });
    expect(operator.status, operator.text).toBe(201);
    const source = JSON.parse(await readFile(new URL(`../../content/patterns/${SLUG}.json`, import.meta.url), 'utf8')) as {
      ows: { meta: { id: string; title: string } };
      library: { slug: string };
    };
    // A fresh slug per attempt: a retried attempt must not find the versions its first attempt published.
    const slug = `versioned-escalation-check-${Date.now().toString(36)}`;
    source.ows.meta.id = slug;
    source.library.slug = slug;
    source.ows.meta.title = 'Versioned Escalation Check, first edition';
    const first = await api(server, 'POST', '/api/patterns', { token: String(operator.json.token), body: source });
    expect(first.status, first.text).toBe(201);
    source.ows.meta.title = 'Versioned Escalation Check, second edition';
    const second = await api(server, 'PUT', `/api/patterns/${slug}`, { token: String(operator.json.token), body: source });
    expect(second.status, second.text).toBe(201);

    const { page, pageErrors, close } = await signedInPage(viewerToken, `/library/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Versioned Escalation Check, second edition' }).waitFor();
    // Let the page's own requests (detail, references) settle: a re-render under a click can swallow it.
    await page.waitForLoadState('networkidle');
    // Version 1 is kept and one click away; its page says it is not the latest.
    await page.getByRole('link', { name: '1', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('version') === '1');
    await page.getByRole('heading', { level: 1, name: 'Versioned Escalation Check, first edition' }).waitFor();
    await page.getByRole('link', { name: 'see the latest, 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versioned Escalation Check, second edition' }).waitFor();

    // A term given twice (case does not distinguish terms): the server's error shows on the second row.
    await page.getByLabel('Term 1', { exact: true }).fill('L1');
    await page.getByLabel('Replacement 1', { exact: true }).fill('Tier 1');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByLabel('Term 2', { exact: true }).fill('l1');
    await page.getByLabel('Replacement 2', { exact: true }).fill('Front line');
    const secondRow = page.locator('.term-row[data-row="1"]');
    await secondRow.getByRole('alert').filter({ hasText: 'repeats "L1"' }).waitFor();
    expect(await page.locator('.term-row[data-row="0"]').getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('Term 2', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Removing the duplicate applies the map again.
    await page.getByRole('button', { name: 'Remove term 2' }).click();
    await page.getByTestId('white-label-status').filter({ hasText: '1 term applied' }).waitFor();

    // A zero day rate is explained at the field and prices nothing until it is fixed.
    await page.getByTestId('sow-total').waitFor();
    await page.getByLabel('Day rate').fill('0');
    await page.getByText('Day rate must be greater than 0').waitFor();
    expect(await page.getByTestId('sow-table').count()).toBe(0);
    await page.getByLabel('Day rate').fill('800');
    await page.getByTestId('sow-table').waitFor();

    expect(pageErrors).toEqual([]);
    await close();
  });
});
