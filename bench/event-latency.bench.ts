// Latency from a commit to a WebSocket client on /api/stream, on PGlite and on PostgreSQL (goal p95 < 20 ms).
import WebSocket from 'ws';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { commitChange } from '../src/engine/change';
import { startServer } from '../src/server/start';
import { startEmbeddedPostgres } from './support/embedded-pg';
import { emit, summarize } from './support/percentiles';

const ADMIN = 'bench-admin-token-0123456789';
const SAMPLES = Number(process.env.OW_BENCH_SAMPLES ?? 300);

async function measure(driver: 'pglite' | 'postgres', databaseUrl?: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ow-bench-lat-'));
  const running = await startServer(loadConfig({ port: 0, dataDir, databaseUrl }, { OW_ADMIN_TOKEN: ADMIN }), createLogger('silent', false));
  try {
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}/api/stream?topics=bench.*`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const pending = new Map<number, (t: number) => void>();
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const m = JSON.parse(String(data)) as { type: string; event?: { payload: { seq: number } } };
        if (m.type === 'ready') resolve();
        if (m.type === 'event' && m.event) pending.get(m.event.payload.seq)?.(performance.now());
      });
      ws.on('error', reject);
    });
    const latencies: number[] = [];
    for (let seq = 0; seq < SAMPLES; seq++) {
      const arrived = new Promise<number>((resolve) => pending.set(seq, resolve));
      let committedAt = 0;
      await commitChange(running.runtime.db, running.runtime.clock, async () => ({ result: undefined, events: [{ topic: 'bench.tick', key: String(seq), payload: { seq } }] }));
      committedAt = performance.now();
      // Measured from the commit's return; no local poke, so the path is NOTIFY → bus → socket.
      latencies.push((await arrived) - committedAt);
      pending.delete(seq);
    }
    ws.close();
    emit(`event-latency.${driver}`, { ...summarize(latencies), unit: 'ms', path: 'commit → NOTIFY → bus → WebSocket client', goalP95Ms: 20 });
  } finally {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await measure('pglite');
const pg = await startEmbeddedPostgres();
try {
  await measure('postgres', pg.url);
} finally {
  await pg.stop();
}
