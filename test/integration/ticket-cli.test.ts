// `ow support-agent` and `ow ticket` against a running server (--server): an agent added from the CLI
// takes a ticket created from the CLI (the routing decision comes back with it), solving frees the
// agent's capacity, and bad input exits 2 saying what was wrong without creating anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owJson } from '../helpers/ow-remote';
import { api, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ow = (...args: string[]) => owJson(server, args);
const agentLoad = async (id: string) => ((await api(server, 'GET', '/api/support-agents', { token: server.adminToken })).json as { items: { id: string; load: number }[] }).items.find((a) => a.id === id)?.load;

describe('ow ticket', () => {
  it('adds an agent, creates a ticket routed to it, solves it; bad input exits 2', async () => {
    // The refused command runs alongside the first one: each launch costs seconds.
    const [added, bad] = await Promise.all([
      ow('support-agent', 'add', '--id', 'dora', '--name', 'Dora', '--status', 'online', '--max', '3', '--skill', 'billing:4'),
      ow('ticket', 'create', '--subject', 'refund', '--skill', 'billing::x'),
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ id: 'dora', status: 'online', maxConcurrent: 3 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--skill billing::x: write name, name! (mandatory) or name:weight');
    expect(((await api(server, 'GET', '/api/tickets', { token: server.adminToken })).json as { items: unknown[] }).items).toEqual([]);

    const created = await ow('ticket', 'create', '--subject', 'Invoice <b>wrong</b>', '--priority', 'high', '--skill', 'billing!');
    expect(created.code, created.stderr).toBe(0);
    const ticket = JSON.parse(created.stdout) as { id: string; assigneeId: string | null; queuedAt: string | null; subject: string; priority: string };
    expect(ticket).toMatchObject({ assigneeId: 'dora', queuedAt: null, subject: 'Invoice <b>wrong</b>', priority: 'high' });
    const routing = (await api(server, 'GET', `/api/tickets/${ticket.id}/routing`, { token: server.adminToken })).json as { items: { chosenAgentId: string; reason: string; candidates: { agentId: string; eligible: boolean }[] }[] };
    expect(routing.items[0]).toMatchObject({ chosenAgentId: 'dora', candidates: [{ agentId: 'dora', eligible: true }] });
    expect(routing.items[0]?.reason).toMatch(/^dora has the /);
    expect(await agentLoad('dora')).toBe(1);

    const solved = await ow('ticket', 'status', ticket.id, 'solved');
    expect(solved.code, solved.stderr).toBe(0);
    expect(JSON.parse(solved.stdout)).toMatchObject({ id: ticket.id, status: 'solved' });
    expect(await agentLoad('dora')).toBe(0);
  }, 240_000);
});
