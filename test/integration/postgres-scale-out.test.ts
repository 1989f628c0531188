// The scale-out path: `ow serve` and `ow worker` processes on one PostgreSQL see each other.
import { describe, expect, it } from 'vitest';
import { startOw } from '../helpers/cli';
import { freePort } from '../helpers/free-port';
import { createPgDatabase } from '../helpers/databases';

describe('serve and workers on PostgreSQL', () => {
  it('runs the product on DATABASE_URL and lets worker processes join it', async () => {
    const url = await createPgDatabase();
    const port = await freePort();
    const env = { DATABASE_URL: url, OW_ADMIN_TOKEN: 'scale-out-admin-token-0001' };
    const serve = await startOw(['serve', '--port', String(port)], /Ready in/, env);
    const worker = await startOw(['worker'], /joined postgres/, env);
    const headers = { authorization: 'Bearer scale-out-admin-token-0001' };
    try {
      expect(serve.stdout()).toMatch(/Database: postgres:\/\/postgres@127\.0\.0\.1:\d+\/ow_test_/);
      expect(serve.stdout()).not.toContain('ow-test');
      const info = (await (await fetch(`http://127.0.0.1:${port}/api/info`)).json()) as { driver: string };
      expect(info.driver).toBe('postgres');
      const workers = (await (await fetch(`http://127.0.0.1:${port}/api/workers`, { headers })).json()) as { items: Array<{ kind: string; pid: number }> };
      expect(workers.items.map((w) => w.kind).sort()).toEqual(['serve', 'worker']);
      expect(workers.items.find((w) => w.kind === 'worker')?.pid).toBe(worker.child.pid);
      expect(await worker.stop('SIGTERM')).toBe(0);
      const after = (await (await fetch(`http://127.0.0.1:${port}/api/workers`, { headers })).json()) as { items: Array<{ kind: string }> };
      expect(after.items.map((w) => w.kind)).toEqual(['serve']);
    } finally {
      worker.child.kill('SIGKILL');
      await serve.stop();
    }
  }, 180_000);
});
