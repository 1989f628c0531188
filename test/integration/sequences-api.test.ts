// The sequence API as a client meets it: the built-in sequences on first start, publishing new
// versions (operator only), located errors that store nothing, and the .md/.html renderings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misdecodeAsCp1252 } from '../../src/core/sequence/cp1252';
import { fixtureText, referenceIds, referenceSourcePath } from '../core/sequence/fixtures';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

let server: TestServer;
let viewer: string;
let operator: string;

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'v');
  operator = await createToken(server, 'operator', 'seq-operator');
});
afterAll(async () => {
  await server.close();
});

async function bytes(path: string, token: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function publish(text: string, token: string, query = '') {
  return api(server, 'POST', `/api/sequences${query}`, { token, rawBody: text });
}

async function storedState() {
  const list = (await api(server, 'GET', '/api/sequences', { token: viewer })).json.items ?? [];
  const audit = (await api(server, 'GET', '/api/audit?action=sequence.&limit=1000', { token: server.adminToken })).json.items ?? [];
  return { versions: list.map((s) => `${String(s.id)}@${String(s.version)}`).sort(), audit: audit.length };
}

const tiny = (id: string, name: string) =>
  JSON.stringify({
    domainId: 'ops',
    id,
    name,
    userStory: {},
    diagram: 'sequenceDiagram',
    movements: [{ name: 'M', userStory: {}, diagram: 'sequenceDiagram', beats: [{ event: 'e', userStory: {}, acceptanceCriteria: [], diagram: 'sequenceDiagram' }] }],
  });

describe('sequence API', () => {
  it('lists the two reference sequences loaded on first start, to viewers only', async () => {
    expect((await api(server, 'GET', '/api/sequences')).status).toBe(401);
    const res = await api(server, 'GET', '/api/sequences', { token: viewer });
    expect(res.status).toBe(200);
    const items = res.json.items ?? [];
    expect(items.map((s) => [s.id, s.version, s.versions, s.createdBy])).toEqual([
      ['msp-domain-expert', 1, 1, 'system'],
      ['operator-implementation', 1, 1, 'system'],
    ]);
    const op = items.find((s) => s.id === 'operator-implementation');
    expect(op).toMatchObject({ name: 'Operator Pattern Implementation Journey', title: 'Pattern Discovery → Team Implementation → Results Tracking', sourcePath: 'content/sequences/operator-implementation.json' });
    expect(op?.movements).toBeGreaterThan(0);
    expect(op?.beats).toBeGreaterThan(0);
    expect(op?.warnings).toBeGreaterThan(0);
    const events = await api(server, 'GET', '/api/events?topics=sequence.*', { token: viewer });
    expect(events.json.items?.map((e) => [e.topic, e.key])).toEqual([
      ['sequence.published', 'msp-domain-expert'],
      ['sequence.published', 'operator-implementation'],
    ]);
  });

  it('returns one sequence with its document, summary, issues and versions', async () => {
    const res = await api(server, 'GET', '/api/sequences/operator-implementation', { token: viewer });
    expect(res.status).toBe(200);
    expect((res.json.document as { id: string }).id).toBe('operator-implementation');
    expect(res.json.summary).toMatchObject({ id: 'operator-implementation', movements: res.json.movements, beats: res.json.beats });
    const issues = res.json.issues as Array<{ severity: string; pointer: string; message: string }>;
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(res.json.errors as number);
    expect(issues.some((i) => i.severity === 'error' && i.pointer.startsWith('/'))).toBe(true);
    expect((res.json.versions as unknown[]).length).toBe(1);
    const missing = await api(server, 'GET', '/api/sequences/no-such-sequence', { token: viewer });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'OW_NOT_FOUND', detail: 'No sequence with id "no-such-sequence"' });
  });

  it('serves the built-in sequences as the reference Markdown, citing where they ship', async () => {
    for (const id of referenceIds) {
      const res = await bytes(`/api/sequences/${id}.md`, viewer);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      const expected = fixtureText(`${id}.md`).split(`../../${referenceSourcePath(id)}`).join(`../../content/sequences/${id}.json`);
      expect(res.body.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    }
  });

  it('lets an operator publish the reference inputs as new versions whose .md is the reference, byte for byte', async () => {
    for (const id of referenceIds) {
      const res = await publish(fixtureText(`${id}.json`), operator, `?sourcePath=${encodeURIComponent(referenceSourcePath(id))}`);
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/sequences/${id}`);
      expect(res.json).toMatchObject({ id, version: 2, createdBy: 'seq-operator', repaired: false });
      expect((res.json.issues as unknown[]).length).toBe((res.json.warnings as number) + (res.json.errors as number));
      const md = await bytes(`/api/sequences/${id}.md`, viewer);
      expect(md.body.equals(Buffer.from(fixtureText(`${id}.md`), 'utf8'))).toBe(true);
      // The first version keeps its own source path.
      expect((await bytes(`/api/sequences/${id}.md?version=1`, viewer)).body.toString('utf8')).toContain(`(../../content/sequences/${id}.json)`);
    }
    const detail = await api(server, 'GET', '/api/sequences/msp-domain-expert', { token: viewer });
    expect((detail.json.versions as Array<{ version: number }>).map((v) => v.version)).toEqual([2, 1]);
    const linked = await api(server, 'GET', `/api/sequences/msp-domain-expert.md?sourceLink=${encodeURIComponent('https://git.example.org/seq/')}`, { token: viewer });
    expect(linked.text).toContain('**Auto-generated from**: [msp-domain-expert.json](https://git.example.org/seq/msp-domain-expert.json)');
  });

  it('serves the standalone HTML page with its own script policy, leaving the global one strict', async () => {
    const res = await api(server, 'GET', '/api/sequences/operator-implementation.html', { token: viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>Operator Pattern Implementation Journey</title>');
    expect(res.text).toContain('mermaid.initialize(');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'unsafe-inline'");
    expect(csp).toContain("default-src 'none'");
    const elsewhere = await api(server, 'GET', '/api/sequences', { token: viewer });
    expect(elsewhere.headers.get('content-security-policy')).toContain("script-src 'self'");
    const unknown = await api(server, 'GET', '/api/sequences/operator-implementation.pdf', { token: viewer });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.json.detail).toContain('".pdf" is not a format');
  });

  it('refuses publication to viewers and without a token, storing nothing', async () => {
    const before = await storedState();
    expect((await publish(tiny('nope', 'Nope'), viewer)).status).toBe(403);
    expect((await publish(tiny('nope', 'Nope'), '')).status).toBe(401);
    expect(await storedState()).toEqual(before);
  });

  it('answers schema violations with every pointer and invalid JSON with line and column, storing nothing', async () => {
    const before = await storedState();
    const bad = JSON.parse(tiny('bad id', 'Bad')) as { movements: Array<{ beats: Array<Record<string, unknown>> }>; diagram?: unknown };
    delete bad.movements[0]?.beats[0]?.event;
    bad.diagram = 42;
    const invalid = await publish(JSON.stringify(bad), operator);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.json).toMatchObject({ code: 'OW_VALIDATION' });
    expect((invalid.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/diagram', '/id', '/movements/0/beats/0/event']);

    const malformed = await publish('{\n  "id": "x",\n  "name": "y",\n}', operator);
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ code: 'OW_MALFORMED_JSON', errors: [{ line: 4, column: 1 }] });
    expect(await storedState()).toEqual(before);
  });

  it('repairs an upload that was mis-decoded as Windows-1252 and says so', async () => {
    const res = await publish(misdecodeAsCp1252(tiny('repaired', 'Hand-off → owner ✅')), operator);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: 'repaired', name: 'Hand-off → owner ✅', repaired: true });
    expect((res.json.issues as Array<{ message: string }>)[0]?.message).toMatch(/^encoding: text was UTF-8 mis-decoded/);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await api(server, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/sequences']?.get).toBeDefined();
    expect(doc.paths['/api/sequences']?.post).toBeDefined();
    expect(doc.paths['/api/sequences/{file}']?.get).toBeDefined();
  });
});
