// `ow worker`: a worker process that joins the others on the same PostgreSQL (DATABASE_URL).
// `--concurrency` sets how many tasks it runs at once, `--prefetch` how many more it may claim ahead;
// `--plugin` (or OW_WORKER_PLUGIN) loads a
// module that registers in-process handlers before the loop starts.
import { Command } from 'commander';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../config';
import { systemClock } from '../../engine/clock';
import type { HandlerRegistry } from '../../engine/handlers/handler-registry';
import { Runtime } from '../../engine/runtime';
import { MAX_WORKER_CONCURRENCY } from '../../engine/task-worker-options';
import { createLogger } from '../../logger';
import { openStore } from '../../store/open-store';
import { CliError } from '../cli-error';
import { globalsOf } from '../context';

/** What a worker plugin module exports (default or `register`): it registers handlers on the worker's registry. */
export type WorkerPlugin = (ctx: { handlers: HandlerRegistry }) => void | Promise<void>;

export function parseConcurrency(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_WORKER_CONCURRENCY) {
    throw new CliError(`--concurrency must be a whole number from 1 to ${MAX_WORKER_CONCURRENCY}, got ${JSON.stringify(raw)}`, 2);
  }
  return n;
}

/** Tasks claimed ahead of free slots: 0 (claim only for free slots) up to four times the largest concurrency. */
export function parsePrefetch(raw: string): number {
  const max = 4 * MAX_WORKER_CONCURRENCY;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n > max) {
    throw new CliError(`--prefetch must be a whole number from 0 to ${max}, got ${JSON.stringify(raw)}`, 2);
  }
  return n;
}

async function loadPlugin(path: string, handlers: HandlerRegistry): Promise<void> {
  let mod: { default?: unknown; register?: unknown };
  try {
    mod = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown; register?: unknown };
  } catch (err) {
    throw new CliError(`Cannot load the worker plugin ${path}: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
  const register = typeof mod.register === 'function' ? mod.register : mod.default;
  if (typeof register !== 'function') throw new CliError(`The worker plugin ${path} exports no function (export default or export function register({ handlers }))`, 2);
  await (register as WorkerPlugin)({ handlers });
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('run a worker that shares the work with every other process on the same database')
    .option('--concurrency <n>', `tasks run at the same time by this process, 1–${MAX_WORKER_CONCURRENCY} (default OW_WORKER_CONCURRENCY, else 4)`)
    .option('--prefetch <n>', 'tasks claimed ahead of free slots, started as slots free (default OW_WORKER_PREFETCH, else 3 × concurrency; 0 turns it off)')
    .option('--plugin <path>', 'a module whose default export registers in-process handlers: ({ handlers }) => handlers.register(name, fn) (default OW_WORKER_PLUGIN)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (default info)')
    .action(async (opts: { concurrency?: string; prefetch?: string; plugin?: string; logLevel?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const concurrency = opts.concurrency !== undefined ? parseConcurrency(opts.concurrency) : undefined;
      const prefetch = opts.prefetch !== undefined ? parsePrefetch(opts.prefetch) : undefined;
      const config = loadConfig({ dataDir: g.dataDir, databaseUrl: g.databaseUrl, logLevel: opts.logLevel });
      const logger = createLogger(config.logLevel);
      // The runtime reads its worker options from the environment; the flag wins over the variable.
      if (concurrency !== undefined) process.env.OW_WORKER_CONCURRENCY = String(concurrency);
      if (prefetch !== undefined) process.env.OW_WORKER_PREFETCH = String(prefetch);
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'worker' });
      const runtime = new Runtime({ db: store.db, clock: systemClock, kind: 'worker' });
      const plugin = opts.plugin ?? process.env.OW_WORKER_PLUGIN;
      try {
        if (plugin) await loadPlugin(plugin, runtime.journeys.handlers);
      } catch (err) {
        await store.close();
        throw err;
      }
      await runtime.start();
      const worker = runtime.journeys.worker;
      process.stdout.write(
        `Worker ${runtime.registration?.name ?? ''} (${runtime.registration?.id ?? ''}) joined ${store.db.driver} at ${store.db.location}` +
          ` with concurrency ${worker?.options.concurrency ?? '?'}, prefetch ${worker?.options.prefetch ?? '?'} (task leases as ${worker?.id ?? '?'}). Press Ctrl+C to stop.\n`,
      );
      // The loop's timers are unref'd: while the database is down no socket is open either, and the
      // process would end quietly (exit 0) instead of reconnecting. This keeps it alive until a signal.
      const keepAlive = setInterval(() => undefined, 60_000);
      await new Promise<void>((done) => {
        const stop = () => {
          clearInterval(keepAlive);
          logger.info('worker stopping');
          runtime
            .stop()
            .then(() => store.close())
            .finally(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
