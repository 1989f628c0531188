// Benchmark of the sequence documentation generator: 1,000 synthetic sequences rendered to
// Markdown and to HTML. The generator is deterministic (seeded) and exported for tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Beat, Movement, MusicalSequence } from '../src/core/sequence/schema';
import { renderSequenceMarkdown } from '../src/core/sequence/markdown';
import { renderSequenceHtml } from '../src/core/sequence/html';
import { mulberry32 } from '../src/core/sim/prng';

/** A seeded uniform source (the simulator's mulberry32), so runs are reproducible. */
export function createPrng(seed: number): () => number {
  const rng = mulberry32(seed);
  return () => rng.next();
}

const verbs = ['Review', 'Route', 'Escalate', 'Assign', 'Measure', 'Deploy', 'Validate', 'Notify', 'Approve', 'Archive'];
const nouns = ['ticket', 'pattern', 'checklist', 'SLA clock', 'queue', 'runbook', 'dashboard', 'agent', 'incident', 'report'];
const roles = ['Support Manager', 'L2 Agent', 'VP Operations', 'MSP Consultant', 'QA Engineer', 'DevOps Engineer'];
const actors = ['Manager', 'Agent', 'Router', 'Monitor', 'Jira', 'Slack', 'Metrics'];
const emoji = ['👨‍💼', '📊', '🔀', '✅', '⚙️', '📝', '🏢', '🎭'];
const statuses = ['active', 'experimental', 'deprecated', 'available'];

type Rand = { next: () => number; int: (lo: number, hi: number) => number; pick: <T>(items: readonly T[]) => T; chance: (p: number) => boolean };

function rand(seed: number): Rand {
  const next = createPrng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T,>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    chance: (p: number) => next() < p,
  };
}

function phrase(r: Rand): string {
  return `${r.pick(verbs)} ${r.pick(nouns)}`;
}

function sentence(r: Rand, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(i % 2 === 0 ? r.pick(verbs).toLowerCase() : r.pick(nouns));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function diagram(r: Rand, messages: number): string {
  const count = r.int(2, 4);
  const cast = [...new Set(Array.from({ length: count }, () => r.pick(actors)))];
  const lines = ['sequenceDiagram', ...cast.map((a) => `  participant ${a} as ${r.pick(emoji)} ${a}`), '  '];
  for (let i = 0; i < messages; i++) {
    const from = r.pick(cast);
    const to = r.pick(cast);
    lines.push(`  ${from}${r.chance(0.3) ? '-->>' : '->>'}${to}: ${phrase(r)}`);
  }
  return lines.join('\n');
}

function beat(r: Rand, index: number, event: string): Beat {
  const external = r.chance(0.6);
  return {
    name: `${phrase(r)} ${index + 1}`,
    ...(r.chance(0.5) ? { beat: index + 1 } : {}),
    description: sentence(r, 8),
    event,
    handler: r.chance(0.2)
      ? `handlers/${r.pick(nouns).replace(/ /g, '-')}#run`
      : {
          name: `${r.pick(verbs)}Handler`,
          scope: external ? 'external' : 'orchestration',
          ...(external
            ? { externalSystem: { vendor: r.pick(['Atlassian', 'Slack', 'Company']), system: r.pick(actors), type: r.pick(['api', 'service'] as const) } }
            : {}),
        },
    userStory: {
      persona: r.pick(roles),
      goal: sentence(r, 6),
      benefit: sentence(r, 5),
      ...(r.chance(0.9) ? { diagram: diagram(r, r.int(1, 3)) } : {}),
    },
    acceptanceCriteria: r.chance(0.7)
      ? [{ given: [sentence(r, 4)], when: [sentence(r, 3)], then: [sentence(r, 4)], ...(r.chance(0.3) ? { and: [sentence(r, 3)] } : {}) }]
      : [],
    ...(r.chance(0.8) ? { notes: Array.from({ length: r.int(1, 3) }, () => sentence(r, 7)) } : {}),
    testFile: `test/${r.pick(nouns).replace(/ /g, '-')}.test.ts`,
    diagram: diagram(r, r.int(3, 10)),
  };
}

function movement(r: Rand, index: number, events: string[]): Movement {
  const beats = Array.from({ length: r.int(1, 5) }, (_, i) => beat(r, i, r.pick(events)));
  return {
    name: `${phrase(r)} phase ${index + 1}`,
    ...(r.chance(0.5) ? { number: index + 1 } : {}),
    description: sentence(r, 12),
    ...(r.chance(0.8) ? { tempo: r.int(60, 140) } : {}),
    ...(r.chance(0.8) ? { status: r.pick(statuses) } : {}),
    ...(r.chance(0.2) ? { businessValue: sentence(r, 6) } : {}),
    userStory: { persona: r.pick(roles), goal: sentence(r, 6), benefit: sentence(r, 5), diagram: diagram(r, r.int(2, 4)) },
    beats,
    diagram: diagram(r, r.int(3, 8)),
  };
}

/** `count` valid sequences, the same for the same seed. */
export function generateSequences(count: number, seed = 20260111): MusicalSequence[] {
  const r = rand(seed);
  return Array.from({ length: count }, (_, n) => {
    const events = Array.from({ length: r.int(3, 8) }, (_, i) => `${r.pick(nouns).replace(/ /g, '.')}.${r.pick(verbs).toLowerCase()}.${i}`);
    const movements = Array.from({ length: r.int(1, 5) }, (_, i) => movement(r, i, events));
    const emitted = [...new Set(movements.flatMap((m) => m.beats.map((b) => b.event)))];
    return {
      domainId: r.pick(['orchestration-wisdom', 'support-ops', 'msp-delivery']),
      id: `synthetic-${seed}-${n}`,
      name: `${sentence(r, 3)} journey ${n}`,
      ...(r.chance(0.9) ? { description: sentence(r, 20) } : {}),
      ...(r.chance(0.8) ? { purpose: sentence(r, 10) } : {}),
      ...(r.chance(0.8) ? { trigger: sentence(r, 10) } : {}),
      ...(r.chance(0.9) ? { status: r.pick(statuses) } : {}),
      tempo: r.int(60, 140),
      beats: movements.reduce((sum, m) => sum + m.beats.length, 0),
      ...(r.chance(0.8)
        ? { governance: { policies: Array.from({ length: r.int(1, 5) }, () => sentence(r, 8)), metrics: Array.from({ length: r.int(1, 5) }, () => sentence(r, 5)) } }
        : {}),
      events: emitted,
      userStory: { persona: r.pick(roles), goal: sentence(r, 8), benefit: sentence(r, 8), diagram: diagram(r, r.int(3, 12)) },
      ...(r.chance(0.5) ? { businessValue: sentence(r, 15) } : {}),
      ...(r.chance(0.5) ? { metadata: { version: `1.${r.int(0, 9)}.0`, author: r.pick(roles), created: '2026-01-11', tags: [r.pick(nouns), r.pick(nouns)] } } : {}),
      movements,
      diagram: diagram(r, r.int(5, 18)),
    };
  });
}

export type BenchResult = { name: string; figures: { markdownMs: number; htmlMs: number; peakRssMb: number } };

function mermaidBundle(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
}

/** Renders `count` generated sequences to Markdown, then to HTML, timing each pass. */
export function runSequenceDocsBench(count = 1000, mermaidScript = mermaidBundle()): BenchResult {
  const sequences = generateSequences(count);
  let bytes = 0;
  const mdStart = performance.now();
  for (const seq of sequences) bytes += renderSequenceMarkdown(seq, { sourceLink: 'https://example.org/sequences' }).length;
  const markdownMs = performance.now() - mdStart;
  const htmlStart = performance.now();
  for (const seq of sequences) bytes += renderSequenceHtml(seq, { mermaidScript }).length;
  const htmlMs = performance.now() - htmlStart;
  if (bytes === 0) throw new Error('the benchmark rendered nothing');
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { name: 'sequence-docs', figures: { markdownMs: round(markdownMs), htmlMs: round(htmlMs), peakRssMb: round(peakRssMb) } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(runSequenceDocsBench()) + '\n');
}
