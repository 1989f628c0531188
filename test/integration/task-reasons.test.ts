// Operator actions say why: retrying or cancelling a task and rolling back or cancelling a journey
// need a reason (1–500 characters) — without one the answer is 400 naming /reason and nothing
// changes — and the audit entry keeps it; a promotion's reason is optional and kept when given.
// The same through `ow task retry|cancel --reason`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { until } from '../helpers/until';

let server: TestServer;
let operator: string;
let viewer: string;

const definition = {
  id: 'reason-check',
  name: 'Reason check',
  events: [{ name: 'start_work' }, { name: 'finish' }, { name: 'abandon' }],
  stages: [
    {
      id: 'work',
      name: 'Work',
      kind: 'active',
      unitsOfWork: [
        {
          key: 'checks',
          name: 'Checks',
          tasks: [
            { key: 'flaky', name: 'Flaky check', handler: 'fail-n-times', input: { failures: 50, message: 'flaky on purpose' }, retry: { maxRetries: 0 } },
            { key: 'sign-off', name: 'Sign-off', handler: 'sign-off', kind: 'human' },
          ],
        },
      ],
    },
    { id: 'done', name: 'Done', kind: 'final', outcome: 'success' },
    { id: 'abandoned', name: 'Abandoned', kind: 'final', outcome: 'failure' },
  ],
  transitions: [
    { from: null, event: 'start_work', to: 'work' },
    { from: 'work', event: 'finish', to: 'done' },
    { from: 'work', event: 'abandon', to: 'abandoned' },
  ],
};

type Task = { id: string; key: string; status: string; totalAttempts: number };
type Problem = { status: number; code: string; errors?: Array<{ pointer?: string; message: string }> };

const as = (token: string) => (method: string, path: string, body?: unknown) => api(server, method, path, { token, ...(body === undefined ? {} : { body }) });
const ow = (args: string[]) => runOw(['--server', server.url, '--token', operator, ...args]);

async function taskOf(journeyId: string, key: string): Promise<Task> {
  const res = await as(operator)('GET', `/api/tasks?journey=${encodeURIComponent(journeyId)}`);
  const t = (res.json.items as unknown as Task[]).find((x) => x.key === key);
  if (!t) throw new Error(`no task ${key} in ${journeyId}`);
  return t;
}

async function audit(action: string, target: string): Promise<string[]> {
  const res = await as(operator)('GET', `/api/audit?action=${encodeURIComponent(action)}&target=${encodeURIComponent(target)}`);
  return (res.json.items as unknown as Array<{ summary: string }>).map((e) => e.summary);
}

function expectReasonRefused(res: { status: number; headers: Headers; json: unknown }, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = res.json as Problem;
  expect(p.code).toBe('OW_VALIDATION');
  expect(p.errors).toContainEqual(expect.objectContaining({ pointer: '/reason', message: expect.stringMatching(message) }));
}

let journeyId: string;
let failedTask: Task;

beforeAll(async () => {
  server = await startTestServer({ env: { OW_TASK_POLL_MS: '100' } });
  const token = async (role: string) => (await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role, name: `${role} of the reason test` } })).json.token as string;
  operator = await token('operator');
  viewer = await token('viewer');
  expect((await as(operator)('POST', '/api/journey-definitions', definition)).status).toBe(201);
  const started = await as(operator)('POST', '/api/journeys', { definition: 'reason-check', clientId: 'initech' });
  expect(started.status, started.text).toBe(201);
  journeyId = (started.json.journey as { journeyId: string }).journeyId;
  failedTask = await until('the flaky task to fail', async () => {
    const t = await taskOf(journeyId, 'flaky');
    return t.status === 'failed' ? t : undefined;
  });
});

afterAll(async () => {
  await server?.close();
});

describe('operator actions need a reason, kept in the audit log', () => {
  it('refuses a task retry without a usable reason (400 naming /reason), changing nothing; a viewer gets 403', async () => {
    const path = `/api/tasks/${encodeURIComponent(failedTask.id)}/retry`;
    expectReasonRefused(await as(operator)('POST', path, {}), /a retry needs a reason/);
    expectReasonRefused(await as(operator)('POST', path, { reason: '   ' }), /a retry needs a reason/);
    expectReasonRefused(await as(operator)('POST', path, { reason: 'x'.repeat(501) }), /at most 500 characters/);
    expect((await as(viewer)('POST', path, { reason: 'viewers may not' })).status).toBe(403);
    expect(await taskOf(journeyId, 'flaky')).toMatchObject({ status: 'failed', totalAttempts: failedTask.totalAttempts });
    expect(await audit('task.retry', failedTask.id)).toEqual([]);
  });

  it('retries a task with a reason (500 characters is the limit) and records it', async () => {
    const reason = `upstream fixed; ${'r'.repeat(484)}`;
    expect(reason).toHaveLength(500);
    const res = await as(operator)('POST', `/api/tasks/${encodeURIComponent(failedTask.id)}/retry`, { reason: ` ${reason} ` });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ id: failedTask.id, status: 'pending' });
    const [summary] = await audit('task.retry', failedTask.id);
    expect(summary).toContain(`retried failed task "Flaky check": ${reason} (last error: `);
  });

  it('cancels a task only with a reason, and records it', async () => {
    const signOff = await taskOf(journeyId, 'sign-off');
    const path = `/api/tasks/${encodeURIComponent(signOff.id)}/cancel`;
    expectReasonRefused(await as(operator)('POST', path, {}), /a cancellation needs a reason/);
    expect((await taskOf(journeyId, 'sign-off')).status).toBe('pending');
    const res = await as(operator)('POST', path, { reason: 'sign-off moved to the steering committee' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: 'cancelled' });
    expect(await audit('task.cancel', signOff.id)).toEqual(['cancelled task "Sign-off": sign-off moved to the steering committee']);
  });

  it('refuses a journey rollback or cancel without a reason, changing nothing', async () => {
    const onboarding = await as(operator)('POST', '/api/journeys', { definition: 'client-onboarding', clientId: 'umbrella' });
    const id = (onboarding.json.journey as { journeyId: string }).journeyId;
    const rollback = `/api/journeys/${encodeURIComponent(id)}/rollback`;
    expectReasonRefused(await as(operator)('POST', rollback, { trigger: 'client_request' }), /a rollback needs a reason/);
    expectReasonRefused(await as(operator)('POST', rollback, { trigger: 'client_request', reason: 'y'.repeat(501) }), /at most 500 characters/);
    expectReasonRefused(await as(operator)('POST', `/api/journeys/${encodeURIComponent(id)}/cancel`, { reason: '' }), /a cancellation needs a reason/);
    const after = await as(operator)('GET', `/api/journeys/${encodeURIComponent(id)}`);
    expect(after.json.journey).toMatchObject({ currentStage: 'sandbox', status: 'active' });
    expect(await audit('journey.event', id)).toEqual([]);
    const cancelled = await as(operator)('POST', `/api/journeys/${encodeURIComponent(id)}/cancel`, { reason: 'client chose another vendor' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect((await audit('journey.event', id))[0]).toMatch(/^cancelled: sandbox → .* \(reason: client chose another vendor\)$/);
  });

  it('ow task retry|cancel pass --reason; without one they exit 2 and change nothing', async () => {
    const failedAgain = await until('the retried task to fail again', async () => {
      const t = await taskOf(journeyId, 'flaky');
      return t.status === 'failed' ? t : undefined;
    });
    const missing = await ow(['task', 'retry', failedAgain.id]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--reason <text>' not specified");
    const blank = await ow(['task', 'retry', failedAgain.id, '--reason', '  ']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('--reason: a retry needs a reason');
    expect((await taskOf(journeyId, 'flaky')).status).toBe('failed');

    const retried = await ow(['--json', 'task', 'retry', failedAgain.id, '--reason', 'retried from the command line']);
    expect(retried.code, retried.stderr).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ id: failedAgain.id, status: 'pending' });
    expect((await audit('task.retry', failedAgain.id))[0]).toContain('retried failed task "Flaky check": retried from the command line');

    // A second journey's human task waits for a person: cancelled from the command line.
    const second = await as(operator)('POST', '/api/journeys', { definition: 'reason-check', clientId: 'hooli' });
    const signOff = await taskOf((second.json.journey as { journeyId: string }).journeyId, 'sign-off');
    const cancelled = await ow(['task', 'cancel', signOff.id, '--reason', 'not needed after all']);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toContain(`Cancelled. Task ${signOff.id} (Sign-off, human) is cancelled`);
    expect(await audit('task.cancel', signOff.id)).toEqual(['cancelled task "Sign-off": not needed after all']);
  });

  it('keeps a promotion’s optional reason in the audit entry', async () => {
    const res = await as(operator)('POST', `/api/journeys/${encodeURIComponent(journeyId)}/events`, { type: 'finish', payload: { reason: 'scope delivered early' } });
    expect(res.status, res.text).toBe(200);
    expect((await audit('journey.event', journeyId))[0]).toBe("sent 'finish': work → done (reason: scope delivered early)");
  });
});
