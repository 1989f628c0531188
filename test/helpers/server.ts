// Starts the real product (store, runtime, HTTP server) on a free port for integration and browser tests.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server/start';
import { createPgDatabase, type TestDriver } from './databases';

export const TEST_ADMIN_TOKEN = 'ow_test-admin-token-0123456789abcdef';

/**
 * A fresh data directory holding a copy of a blank PGlite cluster: the product starts exactly as on a
 * first start (no tokens, migrations pending) without paying for initdb in every test.
 */
export async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ow-test-'));
  await cp(inject('pgliteTemplate'), join(dataDir, 'pg'), { recursive: true });
  return dataDir;
}

export interface TestServer {
  url: string;
  adminToken: string;
  dataDir: string;
  running: RunningServer;
  close(): Promise<void>;
}

export async function startTestServer(options: { driver?: TestDriver; env?: Record<string, string>; databaseUrl?: string } = {}): Promise<TestServer> {
  const dataDir = await seededDataDir();
  const databaseUrl = options.databaseUrl ?? (options.driver === 'postgres' ? await createPgDatabase() : undefined);
  const config = loadConfig(
    { port: 0, dataDir, databaseUrl, logLevel: 'silent' },
    { OW_ADMIN_TOKEN: TEST_ADMIN_TOKEN, OW_SIGNIN_RATE_LIMIT: '1000', ...options.env },
  );
  const running = await startServer(config, createLogger('silent', false));
  return {
    url: running.url,
    adminToken: TEST_ADMIN_TOKEN,
    dataDir,
    running,
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(server: { url: string }, method: string, path: string, opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined || opts.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, unknown> & { items?: Array<Record<string, unknown>> } };
}
