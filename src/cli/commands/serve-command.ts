// `ow serve`: the product (API, portal, in-process worker) on the embedded store or DATABASE_URL.
import { Command } from 'commander';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { startServer } from '../../server/start';
import { globalsOf } from '../context';

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the server: HTTP API, portal and an in-process worker')
    .option('--port <port>', 'port to listen on (default 4400, or PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, or HOST)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (default info)')
    .action(async (opts: { port?: string; host?: string; logLevel?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const t0 = performance.now();
      const config = loadConfig({ port: opts.port, host: opts.host, dataDir: g.dataDir, databaseUrl: g.databaseUrl, logLevel: opts.logLevel });
      const logger = createLogger(config.logLevel);
      const running = await startServer(config, logger);
      const where = running.store.db.driver === 'pglite' ? `Data directory: ${config.dataDir}` : `Database: ${running.store.db.location}`;
      process.stdout.write(
        [
          `Orchestration Wisdom is running at ${running.url}`,
          where,
          ...(running.adminToken ? [`Admin token: ${running.adminToken}`, '(printed once, stored hashed: keep it somewhere safe)'] : []),
          `Ready in ${Math.round(performance.now() - t0)} ms. Press Ctrl+C to stop.`,
          '',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, 'shutting down');
          running.close().finally(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
