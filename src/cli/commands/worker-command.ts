// `ow worker`: a worker process that joins the others on the same PostgreSQL (DATABASE_URL).
import { Command } from 'commander';
import { loadConfig } from '../../config';
import { systemClock } from '../../engine/clock';
import { Runtime } from '../../engine/runtime';
import { createLogger } from '../../logger';
import { openStore } from '../../store/open-store';
import { globalsOf } from '../context';

export function workerCommand(): Command {
  return new Command('worker')
    .description('run a worker that shares the work with every other process on the same database')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (default info)')
    .action(async (opts: { logLevel?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const config = loadConfig({ dataDir: g.dataDir, databaseUrl: g.databaseUrl, logLevel: opts.logLevel });
      const logger = createLogger(config.logLevel);
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'worker' });
      const runtime = new Runtime({ db: store.db, clock: systemClock, kind: 'worker' });
      await runtime.start();
      process.stdout.write(`Worker ${runtime.registration?.name ?? ''} (${runtime.registration?.id ?? ''}) joined ${store.db.driver} at ${store.db.location}. Press Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          logger.info('worker stopping');
          runtime
            .stop()
            .then(() => store.close())
            .finally(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
