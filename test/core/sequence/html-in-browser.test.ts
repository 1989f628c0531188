// The generated page in real Chromium, opened from disk with no network: Mermaid renders the
// diagrams and nothing a user wrote runs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser';
import { renderSequenceHtml } from '../../../src/core/sequence/html';
import { parseSequence } from '../../../src/core/sequence/schema';
import { referenceSequence } from './fixtures';

const mermaidScript = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'ow-seq-html-'));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, html: string) {
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  // Mermaid marks each block it has handled with data-processed.
  await page.waitForFunction(
    "document.querySelectorAll('pre.mermaid[data-processed]').length === document.querySelectorAll('pre.mermaid').length",
    undefined,
    { timeout: 20_000 },
  );
  return { page, problems };
}

describe('sequence page in Chromium', () => {
  it('renders every diagram of a reference sequence offline', async () => {
    const seq = referenceSequence('operator-implementation');
    const { page, problems } = await open('reference.html', renderSequenceHtml(seq, { mermaidScript }));
    const diagrams = await page.locator('pre.mermaid').count();
    expect(diagrams).toBeGreaterThan(20);
    expect(await page.locator('pre.mermaid svg').count()).toBe(diagrams);
    expect(problems).toEqual([]);
    const target = await page.locator('nav.sidebar a').nth(8).getAttribute('href');
    expect(await page.locator(target ?? '#missing').count()).toBe(1);
    await page.close();
  });

  it('runs nothing that a user wrote', async () => {
    const xss = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const parsed = parseSequence({
      domainId: 'd',
      id: 'x',
      name: `N ${xss}`,
      description: `${xss}\n\n[a](javascript:alert(3))`,
      userStory: { persona: xss, diagram: `sequenceDiagram\n  participant A as ${xss}\n  A->>A: ${xss}` },
      diagram: 'sequenceDiagram',
      movements: [
        {
          name: xss,
          userStory: {},
          diagram: 'sequenceDiagram',
          beats: [{ name: xss, event: xss, userStory: { goal: xss }, acceptanceCriteria: [], notes: [xss], diagram: `sequenceDiagram\n  Note over A: ${xss}` }],
        },
      ],
    });
    if (!parsed.ok) throw new Error('invalid');
    const { page, problems } = await open('hostile.html', renderSequenceHtml(parsed.value, { mermaidScript }));
    await page.waitForTimeout(300);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('<img src=x onerror="alert(1)">');
    await page.close();
  });
});
