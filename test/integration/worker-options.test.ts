// `ow worker` options: --concurrency is validated (1–256, exit 2 with a clear message), shown in
// --help and applied; --plugin loads a module that registers in-process handlers the worker runs.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../src/engine/clock';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { migrate } from '../../src/store/migrate';
import { getTask } from '../../src/store/task-repo';
import { parseConcurrency, parsePrefetch } from '../../src/cli/commands/worker-command';
import { runOw, startOw } from '../helpers/cli';
import { createPgDatabase } from '../helpers/databases';

const PLUGIN = fileURLToPath(new URL('./reliability-plugin.ts', import.meta.url));

describe('ow worker options', () => {
  it('documents --concurrency and --plugin in --help', async () => {
    const help = await runOw(['worker', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--concurrency <n>\s+tasks run at the same time by this process, 1–256/);
    expect(help.stdout).toMatch(/--plugin <path>/);
    expect(help.stdout).toMatch(/--prefetch <n>\s+tasks claimed ahead of free slots/);
  });

  it('refuses a prefetch outside 0–1024 or not a whole number, exiting 2', async () => {
    for (const bad of ['1025', '-1', '1.5', 'lots', '']) {
      expect(() => parsePrefetch(bad), bad).toThrow(expect.objectContaining({ exitCode: 2, message: `--prefetch must be a whole number from 0 to 1024, got ${JSON.stringify(bad)}` }));
    }
    expect([0, 24, 1024].map((n) => parsePrefetch(String(n)))).toEqual([0, 24, 1024]);
    const r = await runOw(['worker', '--prefetch', 'lots'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--prefetch must be a whole number from 0 to 1024, got "lots"');
  });

  it('refuses a concurrency outside 1–256 or not a whole number, exiting 2 before touching the store', async () => {
    for (const bad of ['0', '257', '2.5', 'many', '-3', '']) {
      expect(() => parseConcurrency(bad), bad).toThrow(expect.objectContaining({ exitCode: 2, message: `--concurrency must be a whole number from 1 to 256, got ${JSON.stringify(bad)}` }));
    }
    expect([1, 4, 256].map((n) => parseConcurrency(String(n)))).toEqual([1, 4, 256]);
    // The real command: the store is unreachable, yet the bad flag is what it reports, with exit 2.
    const r = await runOw(['worker', '--concurrency', '257'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency must be a whole number from 1 to 256, got "257"');
  });

  it('runs with the concurrency asked for and the handlers a plugin registers', async () => {
    const url = await createPgDatabase();
    const db = await openPostgres(url, { max: 2 });
    try {
      await migrate(db);
      const worker = await startOw(['worker', '--concurrency', '3', '--prefetch', '5', '--plugin', PLUGIN], /joined postgres/, { DATABASE_URL: url, OW_TASK_POLL_MS: '200' });
      try {
        expect(worker.stdout()).toMatch(/with concurrency 3, prefetch 5 \(task leases as tw_[0-9a-f]{12}\)\./);
        // The plugin's handler is known only to the worker process: enqueue under the name it registered.
        await db.query('CREATE TABLE IF NOT EXISTS reliability_effects (idempotency_key text PRIMARY KEY, task_id text NOT NULL, runs int NOT NULL DEFAULT 1)');
        const local = new JourneyRuntime({ db, clock: systemClock, kind: 'cli', onEvents: () => undefined });
        local.handlers.register('reliability-effect', async () => ({}));
        const [task] = await local.tasks.enqueue({ tasks: [{ key: 'one', handler: 'reliability-effect' }] }, 'test');
        const end = Date.now() + 30_000;
        let done = await getTask(db, task!.id);
        while (done?.status !== 'completed' && Date.now() < end) {
          await new Promise((r) => setTimeout(r, 50));
          done = await getTask(db, task!.id);
        }
        expect(done).toMatchObject({ status: 'completed', output: { applied: true } });
        expect(await db.query('SELECT idempotency_key, runs FROM reliability_effects')).toEqual([{ idempotency_key: task!.idempotencyKey, runs: 1 }]);
        expect(await worker.stop('SIGTERM')).toBe(0);
      } finally {
        worker.child.kill('SIGKILL');
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});
