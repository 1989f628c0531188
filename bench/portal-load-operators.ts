// The portal-load bench's operators scenario: virtual users as load-testing tools model them (k6, Gatling,
// JMeter). Each operator opens a portal page — the requests that page issues when it loads, in parallel as
// the browser does — thinks for a seeded random time, and now and then acts (enqueues a task or retries one
// of its own dead letters). The pages and their requests are read off web/src/pages (see PAGES).
import { summarize } from './support/percentiles';
import { mulberry32 } from '../src/core/sim/prng';

export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

/** What a page needs to know about the seeded data. */
export interface PageData {
  taskIds: readonly string[];
  journeyIds: readonly string[];
}

/**
 * The portal pages and the requests each issues on load (web/src/pages/…, useApiResource calls; the session
 * and the live WebSocket feed are opened once per browser tab, not per page, and are left out).
 */
export const PAGES: ReadonlyArray<{ name: string; requests: (d: PageData, r: () => number) => string[] }> = [
  // operations-page.tsx: AuditLog (api.audit.list, 50 a page); LiveEvents is the WebSocket stream.
  { name: 'operations overview', requests: () => ['/api/audit?limit=50'] },
  // status-page.tsx
  { name: 'status', requests: () => ['/api/status'] },
  // queues-page.tsx: the list, the flow, and the selected queue's charts (?queue=noop).
  { name: 'queues', requests: () => ['/api/queues', '/api/queues/flow', '/api/queues/noop?minutes=60'] },
  // dead-letters-page.tsx: server info (read-only mode) and the first page of dead letters.
  { name: 'dead letters', requests: () => ['/api/info', '/api/dead-letters?limit=100'] },
  // audit-page.tsx
  { name: 'audit', requests: () => ['/api/audit/search?limit=50'] },
  // context-page.tsx with the queue fail-n-times selected.
  { name: 'context', requests: () => ['/api/context/queue/fail-n-times/metrics', '/api/context/queue/fail-n-times/alerts', '/api/context/queue/fail-n-times/events?limit=100'] },
  // journeys-page.tsx + journey-dashboard.tsx
  { name: 'journeys', requests: () => ['/api/journey-definitions', '/api/journeys?limit=25', '/api/journeys/metrics'] },
  // journey-page.tsx: the journey and its definition.
  { name: 'journey detail', requests: (d, r) => (d.journeyIds.length === 0 ? ['/api/journeys?limit=25'] : [`/api/journeys/${encodeURIComponent(d.journeyIds[Math.floor(r() * d.journeyIds.length)]!)}`, '/api/journey-definitions/client-onboarding']) },
  // help-desk-page.tsx: a search typed by the operator.
  { name: 'help desk search', requests: (_d, r) => [`/api/helpdesk/search?q=${['fail', 'noop', 'bench', 'op1'][Math.floor(r() * 4)]!}`] },
  // a task opened from a journey, a dead letter or a detective finding.
  { name: 'task detail', requests: (d, r) => [`/api/tasks/${encodeURIComponent(d.taskIds[Math.floor(r() * d.taskIds.length)]!)}`] },
];

/** A seeded uniform source (the simulator's mulberry32), so runs are reproducible. */
export function seededRandom(seed: number): () => number {
  const rng = mulberry32(seed);
  return () => rng.next();
}

export interface OperatorOptions {
  operators: number;
  thinkMs: [number, number];
  /** Share of page loads followed by an action (a POST). */
  actionShare: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
}

export function operatorOptionsFromEnv(env: NodeJS.ProcessEnv): OperatorOptions {
  const think = (env.OW_BENCH_THINK_MS ?? '1000,5000').split(',').map(Number);
  if (think.length !== 2 || think.some((n) => !Number.isFinite(n) || n < 0) || think[0]! > think[1]!) throw new Error(`OW_BENCH_THINK_MS must be "min,max" in ms, got ${env.OW_BENCH_THINK_MS}`);
  return {
    operators: Number(env.OW_BENCH_OPERATORS ?? 50),
    thinkMs: [think[0]!, think[1]!],
    actionShare: Number(env.OW_BENCH_ACTION_SHARE ?? 0.1),
    warmupMs: Number(env.OW_BENCH_WARMUP_S ?? 10) * 1000,
    durationMs: Number(env.OW_BENCH_DURATION_S ?? 60) * 1000,
    seed: Number(env.OW_BENCH_SEED ?? 7),
  };
}

interface Sample { kind: string; ms: number; ok: boolean }

/**
 * Runs the operators: warm-up (not recorded), then the measured window; `onMeasure` brackets the window
 * (server CPU, profile). Every operator ends its current page and action after the window closes.
 */
export async function runOperators(call: Call, data: PageData, o: OperatorOptions, onMeasure: { start(): Promise<void>; stop(): Promise<void> }) {
  const requests: Sample[] = [];
  const pages: Sample[] = [];
  const actions: Sample[] = [];
  let recording = false;
  let stopping = false;
  const failures: string[] = [];
  const timed = async (method: string, path: string, kind: string, body?: unknown): Promise<{ ms: number; ok: boolean; json: unknown }> => {
    const s = performance.now();
    const res = await call(method, path, body).catch((e: unknown) => ({ status: 0, json: String(e) }));
    const ms = performance.now() - s;
    const ok = res.status > 0 && res.status < 400;
    if (recording) {
      (method === 'GET' ? requests : actions).push({ kind, ms, ok });
      if (!ok && failures.length < 10) failures.push(`${method} ${path} → ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    }
    return { ms, ok, json: res.json };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const operator = async (op: number) => {
    const r = seededRandom(o.seed * 1000 + op);
    let own = 0;
    // Spread the first page loads over one think time, as operators do not all arrive at once.
    await sleep(o.thinkMs[0] + r() * (o.thinkMs[1] - o.thinkMs[0]));
    while (!stopping) {
      const page = PAGES[Math.floor(r() * PAGES.length)]!;
      const paths = page.requests(data, r);
      const s = performance.now();
      const loaded = await Promise.all(paths.map((p) => timed('GET', p, `GET ${p.split('?')[0]!.replace(/\/(tasks|journeys)\/[^/]+$/, '/$1/:id')}`)));
      if (recording) pages.push({ kind: page.name, ms: performance.now() - s, ok: loaded.every((l) => l.ok) });
      if (r() < o.actionShare) {
        // Retry one of this operator's own dead letters if the page showed one (no other operator touches
        // it, so no conflict), else enqueue a task: every other one fails straight into the dead letters.
        const dead = page.name === 'dead letters' ? (loaded[1]?.json as { items?: Array<{ id: string; key: string }> } | undefined)?.items?.find((t) => t.key.startsWith(`op${op}-`)) : undefined;
        if (dead) await timed('POST', `/api/dead-letters/${encodeURIComponent(dead.id)}/retry`, 'POST /api/dead-letters/:id/retry');
        else {
          own++;
          const task = own % 2 === 0 ? { key: `op${op}-${own}`, handler: 'noop' } : { key: `op${op}-${own}`, handler: 'fail-n-times', input: { failures: 9 }, retry: { maxRetries: 0 } };
          await timed('POST', '/api/tasks', 'POST /api/tasks', { tasks: [task] });
        }
      }
      await sleep(o.thinkMs[0] + r() * (o.thinkMs[1] - o.thinkMs[0]));
    }
  };

  const running = Promise.all(Array.from({ length: o.operators }, (_, op) => operator(op)));
  await sleep(o.warmupMs);
  await onMeasure.start();
  recording = true;
  const t0 = performance.now();
  await sleep(o.durationMs);
  recording = false;
  const seconds = (performance.now() - t0) / 1000;
  await onMeasure.stop();
  stopping = true;
  await running;

  const byKind = (samples: Sample[]) => {
    const m = new Map<string, number[]>();
    for (const s of samples) m.set(s.kind, [...(m.get(s.kind) ?? []), s.ms]);
    return Object.fromEntries([...m].map(([k, v]) => [k, summarize(v)] as const).sort((a, b) => b[1].p95 - a[1].p95));
  };
  const all = [...requests, ...actions];
  return {
    seconds,
    requests: all.length,
    failures: all.filter((s) => !s.ok).length,
    failureSamples: failures,
    perRequest: summarize(all.map((s) => s.ms)),
    perPageLoad: summarize(pages.map((s) => s.ms)),
    pageLoads: pages.length,
    actions: actions.length,
    byPage: byKind(pages),
    byEndpoint: byKind(all),
  };
}
