// `ow agent` against a running server (--server): create, deploy and history with --json (the
// sandbox, canary and rollback paths are the same API the agent-api test drives); bad input exits 2 with what was wrong, a refused change exits 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owJson } from '../helpers/ow-remote';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ow = (...args: string[]) => owJson(server, args);

describe('ow agent', () => {
  it('creates, deploys and shows the history', async () => {
    // A fresh name per attempt, so a retry after a timing hiccup starts clean.
    const name = `cli-agent-${Math.random().toString(36).slice(2, 8)}`;
    const created = await ow('agent', 'create', name, '--template', 'builtin', '--config', '{"handler":"echo"}');
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ agent: name, version: 1 });
    expect((await ow('agent', 'deploy', name, '1')).code).toBe(0);
    const history = JSON.parse((await ow('agent', 'history', name)).stdout) as { items: Array<{ action: string; reason: string }> };
    expect(history.items.map((h) => h.action)).toEqual(['blue-green']);
  }, 120_000);

  it('exits 2 on bad input and 1 on a refused change', async () => {
    const notJson = await ow('agent', 'create', 'x-agent', '--template', 'builtin', '--config', '{handler');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/--config is not JSON \(line 1, column \d+\)/);
    const raiser = `cli-raise-${Math.random().toString(36).slice(2, 8)}`;
    expect((await ow('agent', 'create', raiser, '--template', 'builtin', '--config', '{"handler":"echo"}')).code).toBe(0);
    const raise = await ow('agent', 'canary', raiser, '--raise');
    expect(raise.code).toBe(1);
    expect(raise.stderr).toContain('no canary is running');
  }, 120_000);
});
