// `ow helpdesk` as a user runs it against a server: search, client, detective and a playbook, as a
// table and as --json, and exit 2 for a bad kind (few spawns: each costs seconds on a loaded machine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { api, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
const remote = (args: string[]) => runOw(['--server', server.url, '--token', server.adminToken, ...args]);

beforeAll(async () => {
  server = await startTestServer();
  const started = await api(server, 'POST', '/api/journeys', { token: server.adminToken, body: { definition: 'client-onboarding', clientId: 'hooli-3', metadata: { clientName: 'Hooli Retail' } } });
  expect(started.status, started.text).toBe(201);
});
afterAll(async () => {
  await server.close();
});

describe('ow helpdesk', () => {
  it('searches by client name and shows the client, as a table and as JSON', async () => {
    const table = await remote(['helpdesk', 'search', 'hooli']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('hooli-3');
    const json = await remote(['--json', 'helpdesk', 'client', 'hooli-3']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ clientId: 'hooli-3', name: 'Hooli Retail', journeys: [expect.objectContaining({ definitionId: 'client-onboarding' })] });
  });

  it('runs the detective and shows the steps of a playbook; a bad kind exits 2', async () => {
    const det = await remote(['--json', 'helpdesk', 'detective', '--kind', 'client', '--id', 'hooli-3']);
    expect(det.code, det.stderr).toBe(0);
    expect(JSON.parse(det.stdout)).toMatchObject({ subject: { kind: 'client', id: 'hooli-3' }, findings: expect.any(Array) });
    const one = await remote(['helpdesk', 'playbooks', 'stuck-journey']);
    expect(one.stdout).toMatch(/^1\. /m);
    expect((await remote(['helpdesk', 'detective', '--kind', 'planet', '--id', 'x'])).code).toBe(2);
  });
});
