// GET /api/patterns under load: the real server over the catalog, autocannon in a child process,
// three kinds of request: the default browse (most referenced), a text query with facet filters,
// and a paged, sorted browse; p50/p95/p99 from every response time.
// Run: npx tsx bench/pattern-api.bench.ts   (OW_BENCH_SECONDS, default 10 per scenario)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server/start';
import { emit, summarize } from './support/percentiles';

const ADMIN = 'bench-admin-token-0123456789';
const DURATION_S = Number(process.env.OW_BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * The load generator runs autocannon in its own process, so it does not steal the server's event
 * loop, and sends back every response time: autocannon's own summary has no p95 (it jumps from
 * p90 to p97.5), the percentiles here are computed from the samples.
 */
const LOADER = `
const [path, options] = JSON.parse(process.argv[1]);
const instance = require(path)(options);
const samples = [];
instance.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
instance.on('done', (r) => process.stdout.write(JSON.stringify({ samples, reqPerSec: r.requests.average, errors: r.errors, non2xx: r.non2xx })));
`;

interface LoadResult {
  samples: number[];
  reqPerSec: number;
  errors: number;
  non2xx: number;
}

function load(url: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const options = { url, headers, connections: CONNECTIONS, duration: DURATION_S };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOADER, JSON.stringify([AUTOCANNON, options])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      const r = JSON.parse(out) as LoadResult;
      const latency = summarize(r.samples);
      resolve({ reqPerSec: Math.round(r.reqPerSec), requests: latency.n, p50ms: latency.p50, p95ms: latency.p95, p99ms: latency.p99, maxMs: latency.max, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

const dataDir = await mkdtemp(join(tmpdir(), 'ow-bench-patterns-'));
const running = await startServer(loadConfig({ port: 0, dataDir }, { OW_ADMIN_TOKEN: ADMIN, OW_LOG_LEVEL: 'silent' }), createLogger('silent', false));
try {
  const catalog = await running.runtime.patterns.catalogLoaded();
  const created = await fetch(`${running.url}/api/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'viewer', name: 'bench' }),
  });
  const viewer = ((await created.json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${viewer}` };
  // The first search builds the index; the figures are for a warm server, as in production.
  await fetch(`${running.url}/api/patterns`, { headers: auth });
  const scenarios = [
    ['browse', '/api/patterns'],
    ['text+facets', '/api/patterns?q=escalation%20sla&industry=Technology,Healthcare&maturity=Mid'],
    ['sorted-page', '/api/patterns?sort=newest&pageSize=10&page=2'],
  ] as const;
  for (const [kind, path] of scenarios) {
    emit(`pattern-api.${kind}`, {
      route: `GET ${path}`,
      patterns: catalog?.loaded.length ?? 0,
      ...(await load(`${running.url}${path}`, auth)),
      connections: CONNECTIONS,
      seconds: DURATION_S,
      loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      cores: cpus().length,
    });
  }
} finally {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
}
