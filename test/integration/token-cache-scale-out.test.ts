// The sign-in cache of a server does not outlive a revocation made on another server of the same
// PostgreSQL database: the token.revoked event reaches it through the bus. The second server's clock is
// frozen, so its cache entries never expire by age: only the event can make it refuse the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server/start';
import { createPgDatabase } from '../helpers/databases';
import { api, seededDataDir, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../helpers/server';
import { until } from '../helpers/until';

describe('token sign-in cache across servers on PostgreSQL', () => {
  let a: TestServer;
  let b: RunningServer;
  beforeAll(async () => {
    const databaseUrl = await createPgDatabase();
    a = await startTestServer({ databaseUrl });
    const frozen = new Date();
    const config = loadConfig({ port: 0, dataDir: await seededDataDir(), databaseUrl, logLevel: 'silent' }, { OW_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    b = await startServer(config, createLogger('silent', false), { clock: { now: () => frozen } });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('refuses a token on server B once server A revoked it, though B had it cached', async () => {
    const created = await api(a, 'POST', '/api/tokens', { token: TEST_ADMIN_TOKEN, body: { role: 'operator', name: 'cached on B' } });
    expect(created.status).toBe(201);
    const token = String(created.json.token);
    // Signed in on B: B caches the principal.
    expect((await api(b, 'GET', '/api/session', { token })).json).toMatchObject({ name: 'cached on B', role: 'operator' });
    expect((await api(b, 'GET', '/api/tasks?limit=1', { token })).status).toBe(200);

    expect((await api(a, 'DELETE', `/api/tokens/${String(created.json.id)}`, { token: TEST_ADMIN_TOKEN })).status).toBeLessThan(300);
    expect((await api(a, 'GET', '/api/tasks?limit=1', { token })).status).toBe(401);
    await until('server B to refuse the revoked token', async () => ((await api(b, 'GET', '/api/tasks?limit=1', { token })).status === 401 ? true : undefined), 30_000, 50);
    // The admin token B also cached is untouched.
    expect((await api(b, 'GET', '/api/tasks?limit=1', { token: TEST_ADMIN_TOKEN })).status).toBe(200);
  });
});
