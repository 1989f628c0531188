// Starts the whole product in this process: store, runtime, admin bootstrap, HTTP server.
// Used by `ow serve` and by the tests, so both run exactly the same thing.
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { systemClock, type Clock } from '../engine/clock';
import { Runtime } from '../engine/runtime';
import { openStore, type OpenedStore } from '../store/open-store';
import { VERSION } from '../version';
import { buildServer } from './app';
import { PortInUseError } from './port-in-use-error';

export { PortInUseError };
import type { App } from './types';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface RunningServer {
  url: string;
  app: App;
  runtime: Runtime;
  store: OpenedStore;
  /** The admin token, only when this start created it (first start). */
  adminToken?: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger, options: { clock?: Clock; webDir?: string; plugins?: Parameters<typeof buildServer>[0]['plugins'] } = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'serve' }, () => clock.now());
  const runtime = new Runtime({ db: store.db, clock, kind: 'serve' });
  let app: App | undefined;
  try {
    await runtime.start();
    const bootstrap = await runtime.tokens.bootstrapAdmin(config.adminToken);
    app = await buildServer({
      runtime,
      logger,
      version: VERSION,
      webDir: options.webDir ?? DEFAULT_WEB_DIR,
      bodyLimitBytes: config.bodyLimitBytes,
      signInRateLimit: config.signInRateLimit,
      readOnly: config.readOnly,
      plugins: options.plugins,
    });
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(config.host, config.port);
      throw err;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    await store.lock?.setUrl(url);
    const running = app;
    return {
      url,
      app: running,
      runtime,
      store,
      ...(bootstrap ? { adminToken: bootstrap.token } : {}),
      async close() {
        await running.close();
        await runtime.stop();
        await store.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}
