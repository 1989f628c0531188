// The Sequences section in real Chromium against the real server: the two reference sequences,
// a sequence page with drawn diagrams, beat cards and the events index, the import of an invalid
// file (its errors with pointers) and of a file whose text carries markup, which stays inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/server';
import { signIn, startPortal, type Portal } from '../helpers/portal-session';

let portal: Portal;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortal();
  ({ server, browser } = portal);
});

afterAll(async () => {
  await portal?.close();
});

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Sequence JSON file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Import' }).click();
}

const markup = '<img src=x onerror="window.__owInjected=1">';

function sequenceWithMarkup(): string {
  return JSON.stringify({
    domainId: 'ops',
    id: 'markup-check',
    name: `Escalation ${markup}`,
    title: `Title ${markup}<script>window.__owInjected=2</script>`,
    description: `Description ${markup}`,
    userStory: { persona: markup, goal: 'g', benefit: 'b', diagram: `sequenceDiagram\n  participant A as ${markup}\n  A->>A: <b onmouseover="window.__owInjected=3">hi</b>` },
    events: ['x.happened'],
    diagram: 'sequenceDiagram\n  participant A\n  A->>A: start',
    movements: [
      {
        name: `Movement ${markup}`,
        userStory: {},
        diagram: 'sequenceDiagram\n  participant A\n  A->>A: go',
        beats: [
          {
            beat: 1,
            name: `Beat ${markup}`,
            event: 'x.happened',
            handler: { name: markup, externalSystem: { vendor: markup, system: 'S', type: 'api' } },
            userStory: { persona: 'p' },
            acceptanceCriteria: [{ given: [markup], then: ['ok'] }],
            notes: [markup],
            diagram: `sequenceDiagram\n  participant A\n  Note over A: ${markup}`,
          },
        ],
      },
    ],
  });
}

describe('Sequences in the portal', () => {
  it('lists the reference sequences, renders one with diagrams and beat cards, and imports safely', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, server, server.adminToken);

    // The list: both reference sequences, loaded on first start.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sequences' }).click();
    const table = page.getByRole('table', { name: 'Sequences' });
    await table.waitFor();
    const rows = table.getByTestId('sequence-row');
    expect(await rows.count()).toBe(2);
    const operatorRow = rows.filter({ hasText: 'operator-implementation' });
    expect(await operatorRow.textContent()).toContain('Operator Pattern Implementation Journey');
    expect(await operatorRow.textContent()).toMatch(/4 movements \/ 14 beats/);
    expect(await operatorRow.locator('.badge-warn').textContent()).toMatch(/^\d+ warnings$/);
    expect(await rows.filter({ hasText: 'msp-domain-expert' }).count()).toBe(1);

    // One sequence: beat cards, drawn diagrams, the events index linking to beats, the issues.
    await operatorRow.getByRole('link', { name: 'Operator Pattern Implementation Journey' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operator Pattern Implementation Journey' }).waitFor();
    expect(await page.getByTestId('beat-card').count()).toBe(14);
    await page.locator('#overview figure.mermaid-diagram svg').first().waitFor();
    const firstBeat = page.locator('#beat-1-1');
    await firstBeat.scrollIntoViewIfNeeded();
    await firstBeat.locator('figure.mermaid-diagram svg').nth(1).waitFor();
    expect(await firstBeat.getByRole('heading', { level: 4 }).textContent()).toBe('Beat 1: Receive Pattern Assignment');
    expect(await firstBeat.textContent()).toContain('Email or meeting communication');
    expect(await firstBeat.textContent()).toContain('pattern.assigned');
    expect(await firstBeat.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Meeting: Implement escalation pattern']));
    expect(await page.locator('.mermaid-error').count()).toBe(0);

    const events = page.getByRole('table', { name: 'Events index' });
    const testedRow = events.getByRole('row').filter({ hasText: 'workflow.tested' });
    expect(await testedRow.getByRole('link').allTextContents()).toEqual(['Beat 3: Test in Staging', 'Beat 1: Wait for Stabilization']);
    await testedRow.getByRole('link', { name: 'Beat 1: Wait for Stabilization' }).click();
    expect(new URL(page.url()).hash).toBe('#beat-4-1');
    expect(await events.getByRole('row').filter({ hasText: 'pattern.detail.viewed' }).textContent()).toContain('not declared');
    const issues = page.getByRole('list', { name: 'Issues' });
    expect(await issues.textContent()).toContain('declares 12 beats but its movements hold 14');

    // The generated files, through the same session.
    const mdHref = await page.getByRole('link', { name: 'Download .md' }).getAttribute('href');
    expect(mdHref).toBe('/api/sequences/operator-implementation.md');
    const md = await page.request.get(`${server.url}${mdHref ?? ''}`);
    expect(md.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect((await md.text()).startsWith('# Operator Pattern Implementation Journey\n')).toBe(true);
    const htmlHref = await page.getByRole('link', { name: 'Open standalone HTML' }).getAttribute('href');
    const html = await page.request.get(`${server.url}${htmlHref ?? ''}`);
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain('<nav class="sidebar"');
    // Served with its own CSP, the standalone page runs its inlined Mermaid and draws every diagram.
    const standalone = await context.newPage();
    const standaloneErrors: string[] = [];
    standalone.on('pageerror', (error) => standaloneErrors.push(error.message));
    standalone.on('console', (m) => {
      if (m.type() === 'error') standaloneErrors.push(m.text());
    });
    await standalone.goto(`${server.url}${htmlHref ?? ''}`);
    await standalone.waitForFunction(
      "document.querySelectorAll('pre.mermaid').length > 20 && document.querySelectorAll('pre.mermaid svg').length === document.querySelectorAll('pre.mermaid').length",
      undefined,
      { timeout: 60_000 },
    );
    expect(standaloneErrors).toEqual([]);
    await standalone.close();

    // An invalid file: every error with its pointer, nothing stored.
    await page.goto(`${server.url}/sequences`);
    await table.waitFor();
    await upload(page, 'broken.json', JSON.stringify({ domainId: 'ops', id: 'has space', name: 'Broken', userStory: {}, diagram: '', movements: [{ name: 'M', userStory: {}, diagram: '', beats: [{ userStory: {}, acceptanceCriteria: [], diagram: '' }] }] }));
    const failure = page.getByRole('alert').filter({ hasText: 'Could not import broken.json' });
    await failure.waitFor();
    const located = await failure.locator('.field-errors li').allTextContents();
    expect(located.some((line) => line.startsWith('/id'))).toBe(true);
    expect(located.some((line) => line.startsWith('/movements/0/beats/0/event'))).toBe(true);
    await upload(page, 'not-json.json', '{\n  "id": "x",\n  oops\n}');
    await page.getByRole('alert').filter({ hasText: 'Could not import not-json.json' }).locator('.field-errors code', { hasText: 'line 3, column 3' }).waitFor();
    expect(await rows.count()).toBe(2);

    // Markup in every text field is shown as text and never runs, in the list and on the page.
    await upload(page, 'markup.json', sequenceWithMarkup());
    await page.getByTestId('upload-result').waitFor();
    await rows.filter({ hasText: 'markup-check' }).waitFor();
    expect(await rows.filter({ hasText: 'markup-check' }).getByRole('link').textContent()).toBe(`Escalation ${markup}`);
    await rows.filter({ hasText: 'markup-check' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Escalation ${markup}` }).waitFor();
    expect(await page.locator('.page-summary').textContent()).toBe(`Title ${markup}<script>window.__owInjected=2</script>`);
    const beat = page.locator('#beat-1-1');
    await beat.scrollIntoViewIfNeeded();
    await beat.locator('figure.mermaid-diagram svg').waitFor();
    await page.locator('#user-story figure.mermaid-diagram svg').waitFor();
    expect(await page.locator('.mermaid-error').count()).toBe(0);
    expect(await beat.textContent()).toContain(`Given ${markup}`);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate('typeof window.__owInjected')).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
