// Portal load (issue 7): 100 concurrent WebSocket clients on /api/stream receiving events (latency
// from commit to receipt, goal p95 < 50 ms) and 50 concurrent operators using the API (lists,
// details, status and a few writes; goal p95 < 50 ms), against a real server on PGlite.
import WebSocket from 'ws';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { commitChange } from '../src/engine/change';
import { startServer } from '../src/server/start';
import { emit, summarize } from './support/percentiles';

const ADMIN = 'bench-admin-token-0123456789';
const CLIENTS = Number(process.env.OW_BENCH_WS_CLIENTS ?? 100);
const EVENTS = Number(process.env.OW_BENCH_WS_EVENTS ?? 100);
const OPERATORS = Number(process.env.OW_BENCH_OPERATORS ?? 50);
const REQUESTS = Number(process.env.OW_BENCH_OPERATOR_REQUESTS ?? 40);

const dataDir = await mkdtemp(join(tmpdir(), 'ow-bench-portal-'));
const running = await startServer(loadConfig({ port: 0, dataDir }, { OW_ADMIN_TOKEN: ADMIN }), createLogger('silent', false));
const base = running.url;

async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

try {
  const operator = ((await call('POST', '/api/tokens', ADMIN, { role: 'operator', name: 'bench operator' })).json as { token: string }).token;

  // ---- 100 live clients --------------------------------------------------------------------------
  const sockets: WebSocket[] = [];
  const pending = new Map<number, { committedAt: number; left: number; done: () => void }>();
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, () => new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/stream?topics=bench.*`, { headers: { authorization: `Bearer ${operator}` } });
      ws.on('message', (data) => {
        const m = JSON.parse(String(data)) as { type: string; event?: { payload: { seq: number } } };
        if (m.type === 'ready') resolve();
        if (m.type === 'event' && m.event) {
          const p = pending.get(m.event.payload.seq);
          if (!p) return;
          latencies.push(performance.now() - p.committedAt);
          if (--p.left === 0) p.done();
        }
      });
      ws.on('error', reject);
      sockets.push(ws);
    })),
  );
  for (let seq = 0; seq < EVENTS; seq++) {
    const all = new Promise<void>((done) => pending.set(seq, { committedAt: 0, left: CLIENTS, done }));
    const entry = pending.get(seq)!;
    // The commit's own poke fans the event out at once (what every API change does).
    await commitChange(running.runtime.db, running.runtime.clock, async () => ({ result: undefined, events: [{ topic: 'bench.portal', key: String(seq), payload: { seq } }] }), () => {
      entry.committedAt = performance.now();
      running.runtime.bus.poke();
    });
    await all;
    pending.delete(seq);
  }
  for (const ws of sockets) ws.close();
  emit('portal-load.stream', { ...summarize(latencies), unit: 'ms', clients: CLIENTS, events: EVENTS, path: 'commit → bus → 100 WebSocket clients', goalP95Ms: 50, seed002P95Ms: 100 });

  // ---- 50 operators ------------------------------------------------------------------------------
  // Something to look at: finished tasks, dead letters and audit entries.
  await call('POST', '/api/tasks', operator, { tasks: Array.from({ length: 40 }, (_, i) => ({ key: `ok${i}`, handler: 'noop' })) });
  await call('POST', '/api/tasks', operator, { tasks: Array.from({ length: 20 }, (_, i) => ({ key: `dead${i}`, handler: 'fail-n-times', input: { failures: 9 }, retry: { maxRetries: 0 } })) });
  for (let i = 0; i < 100; i++) {
    const dl = (await call('GET', '/api/dead-letters?limit=1', operator)).json as { total: number };
    if (dl.total >= 20) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const taskIds = ((await call('GET', '/api/tasks?limit=50', operator)).json as { items: Array<{ id: string }> }).items.map((t) => t.id);
  const reads = ['/api/queues', '/api/queues/noop?minutes=60', '/api/dead-letters?limit=50', '/api/tasks?limit=50', '/api/status', '/api/audit/search?limit=50', '/api/journeys?limit=20', '/api/context/queue/fail-n-times/events', '/api/events?limit=100'];
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: OPERATORS }, async (_, op) => {
      for (let i = 0; i < REQUESTS; i++) {
        const pick = (op * 31 + i * 7) % 20;
        let kind: string;
        let run: () => Promise<{ status: number }>;
        if (pick === 0) {
          kind = 'POST /api/tasks';
          run = () => call('POST', '/api/tasks', operator, { tasks: [{ key: `op${op}-${i}`, handler: 'noop' }] });
        } else if (pick < 4) {
          const id = taskIds[(op + i) % taskIds.length]!;
          kind = 'GET /api/tasks/:id';
          run = () => call('GET', `/api/tasks/${encodeURIComponent(id)}`, operator);
        } else {
          const path = reads[(op + i) % reads.length]!;
          kind = `GET ${path.split('?')[0]}`;
          run = () => call('GET', path, operator);
        }
        const s = performance.now();
        const res = await run();
        const ms = performance.now() - s;
        if (res.status >= 400) failures++;
        all.push(ms);
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  emit('portal-load.operators', {
    ...summarize(all),
    unit: 'ms',
    operators: OPERATORS,
    requests: all.length,
    failures,
    requestsPerSecond: Math.round(all.length / seconds),
    goalP95Ms: 50,
    seed002P95Ms: 300,
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { n: v.length, p50: summarize(v).p50, p95: summarize(v).p95 }])),
  });
} finally {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
}
