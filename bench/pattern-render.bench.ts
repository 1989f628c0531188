// Rendering every artifact (ARTICLE.md, both diagrams, checklist Markdown/CSV/JSON, scorecard, SOW
// Markdown/CSV) for 1,000 patterns: variants of the catalog under new slugs and titles, so each
// render starts from a distinct document. Goal: under 2 s in all. Measured twice: on one thread
// (CPU time of the per-pattern work) and on the render pool's worker threads (wall time, the pool
// started and warmed beforehand, as a server or a long export keeps it). A per-step breakdown on
// the catalog shows where the time goes.
// Run: npx tsx bench/pattern-render.bench.ts [--patterns 1000] [--threads N]
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateArticle } from '../src/core/ows/article';
import { renderArtifacts } from '../src/core/ows/artifacts';
import { checklistCsv, checklistJson, checklistMarkdown } from '../src/core/ows/checklist';
import { lintMermaid } from '../src/core/ows/diagram-budget';
import { diagramSizeScorecard, effectiveBudget, lintPatternDiagrams } from '../src/core/ows/diagram-lint';
import { scorePattern } from '../src/core/ows/hqo-scorecard';
import { generateDiagrams } from '../src/core/ows/mermaid-generator';
import { parsePattern } from '../src/core/ows/parse-pattern';
import type { Pattern } from '../src/core/ows/schema';
import { buildSow, sowCsv, sowMarkdown } from '../src/core/ows/sow';
import { RenderPool } from '../src/engine/render-pool';
import { emit, summarize } from './support/percentiles';

const CATALOG = fileURLToPath(new URL('../content/patterns/', import.meta.url));
const BASE_URL = 'https://patterns.example.com';
const SOW = { dayRate: 1200, fteCount: 2 };

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function catalog(): Pattern[] {
  return readdirSync(CATALOG)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = parsePattern(JSON.parse(readFileSync(join(CATALOG, f), 'utf8')) as unknown);
      if (!parsed.ok) throw new Error(`${f} does not parse: ${parsed.errors[0]?.pointer} ${parsed.errors[0]?.message}`);
      return parsed.value;
    });
}

function variants(base: readonly Pattern[], count: number): Pattern[] {
  return Array.from({ length: count }, (_, i) => {
    const p = structuredClone(base[i % base.length] as Pattern);
    p.library.slug = `${p.library.slug}-${i}`;
    p.ows.meta.title = `${p.ows.meta.title} (${i})`;
    return p;
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Mean milliseconds of one step per item, after a warm-up pass. */
function stepMs<T>(items: readonly T[], step: (item: T) => unknown): number {
  for (const item of items) step(item);
  const start = performance.now();
  for (const item of items) step(item);
  return round((performance.now() - start) / items.length);
}

const base = catalog();
const patterns = variants(base, argument('patterns', 1000));

// Warm-up on the catalog itself: JIT, lazy regexes, the grapheme segmenter.
for (const p of base) renderArtifacts(p, { baseUrl: BASE_URL, sow: SOW });

const perPattern: number[] = [];
let bytes = 0;
const cpu = process.cpuUsage();
const start = performance.now();
for (const p of patterns) {
  const t = performance.now();
  const files = renderArtifacts(p, { baseUrl: BASE_URL, sow: SOW });
  perPattern.push(performance.now() - t);
  for (const content of Object.values(files)) bytes += content.length;
}
const totalMs = performance.now() - start;
const used = process.cpuUsage(cpu);

// The same patterns on the worker pool: started and warmed on the catalog first (loading the
// sources in each worker is a one-off cost, reported apart), then timed over the whole set.
const threads = argument('threads', availableParallelism());
const pool = new RenderPool({ threads });
const poolStart = performance.now();
await pool.render(base, { baseUrl: BASE_URL, sow: SOW });
const poolStartMs = performance.now() - poolStart;
const poolCpu = process.cpuUsage();
const poolT0 = performance.now();
const pooled = await pool.render(patterns, { baseUrl: BASE_URL, sow: SOW });
const poolMs = performance.now() - poolT0;
const poolUsed = process.cpuUsage(poolCpu);
await pool.close();
let pooledBytes = 0;
for (const files of pooled) for (const content of Object.values(files)) pooledBytes += content.length;
if (pooledBytes !== bytes) throw new Error(`the pool rendered ${pooledBytes} bytes, one thread ${bytes}`);

const texts = base.flatMap((p) => generateDiagrams(p).map((d) => d.text));
emit('pattern-render', {
  patterns: patterns.length,
  files: perPattern.length * 9,
  // The goal is judged on the faster of the two ways to render the set, both timed in this run: on two
  // cores the pool's threads compete with each other's garbage collection and often gain nothing.
  totalMs: round(Math.min(poolMs, totalMs)),
  fasterMode: poolMs < totalMs ? 'pool' : 'single-thread',
  goalMs: 2000,
  meetsGoal: Math.min(poolMs, totalMs) < 2000,
  pool: { threads, wallMs: round(poolMs), cpuMs: round((poolUsed.user + poolUsed.system) / 1000), startAndWarmMs: round(poolStartMs) },
  singleThread: { wallMs: round(totalMs), cpuMs: round((used.user + used.system) / 1000) },
  perPatternMs: summarize(perPattern),
  megabytes: round(bytes / 1e6),
  loadAverage: round(loadavg()[0] ?? 0),
  cores: cpus().length,
  // Where one render's time goes (mean ms per catalog pattern). Each step here runs on its own,
  // linting and scoring as it needs; renderArtifacts lints and scores once and shares the result.
  stepsMs: {
    generateDiagrams: stepMs(base, (p) => generateDiagrams(p)),
    lintOneDiagram: stepMs(texts, (t) => lintMermaid(t)),
    // Both diagrams judged from the facts the generator records (what rendering does), and the same
    // diagrams generated and then linted as text (what rendering did before; the lint of user text).
    lintPatternDiagrams: stepMs(base, (p) => lintPatternDiagrams(p)),
    generateThenLintText: stepMs(base, (p) => generateDiagrams(p).map((d) => lintMermaid(d.text, effectiveBudget(p)))),
    scorePattern: stepMs(base, (p) => scorePattern(p, lintPatternDiagrams(p))),
    generateArticle: stepMs(base, (p) => generateArticle(p, { baseUrl: BASE_URL })),
    diagramSizeScorecard: stepMs(base, (p) => diagramSizeScorecard(p)),
    checklists: stepMs(base, (p) => [checklistMarkdown(p, { baseUrl: BASE_URL }), checklistCsv(p, { baseUrl: BASE_URL }), checklistJson(p, { baseUrl: BASE_URL })]),
    sow: stepMs(base, (p) => {
      const sow = buildSow(p, SOW);
      return [sowMarkdown(sow), sowCsv(sow)];
    }),
  },
});
