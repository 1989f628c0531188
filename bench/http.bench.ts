// HTTP throughput and latency of /healthz and of one authenticated API read, with autocannon.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server/start';
import { emit } from './support/percentiles';

const ADMIN = 'bench-admin-token-0123456789';
const DURATION_S = Number(process.env.OW_BENCH_SECONDS ?? 10);

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface AutocannonJson {
  requests: { average: number };
  latency: { p50: number; p97_5: number; p99: number };
  errors: number;
  non2xx: number;
}

/** The load generator runs in its own process so it does not steal the server's event loop. */
function load(url: string, headers: Record<string, string> = {}): Promise<Record<string, number>> {
  const args = [AUTOCANNON, '--json', '-c', '20', '-d', String(DURATION_S), ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out) as AutocannonJson;
      resolve({ reqPerSec: Math.round(r.requests.average), p50ms: r.latency.p50, p95ms: r.latency.p97_5, p99ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

const dataDir = await mkdtemp(join(tmpdir(), 'ow-bench-http-'));
const running = await startServer(loadConfig({ port: 0, dataDir }, { OW_ADMIN_TOKEN: ADMIN, OW_LOG_LEVEL: 'silent' }), createLogger('silent', false));
try {
  await fetch(`${running.url}/api/tokens`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'viewer', name: 'bench' }) });
  emit('http.healthz', { ...(await load(`${running.url}/healthz`)), connections: 20, seconds: DURATION_S, note: 'p95ms is autocannon p97.5' });
  emit('http.authenticated-read', {
    ...(await load(`${running.url}/api/events?limit=10`, { authorization: `Bearer ${ADMIN}` })),
    route: 'GET /api/events?limit=10',
    connections: 20,
    seconds: DURATION_S,
    note: 'p95ms is autocannon p97.5',
  });
} finally {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
}
