// The pattern library API as a client meets it: search with facets, pattern pages and versions,
// downloads with their headers, the Jira CSV, SOW, white-label, validation without writes,
// publication with roles, 400 pointers and 422 gate failures, and the published JSON Schema.
import { readdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile2020 } from '../core/ows/pattern-fixtures';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';
import { CATALOG_DIR, catalogJson, failingBothGates, FLAGSHIP_SLUG, patternJson } from '../engine/pattern-fixtures';

let server: TestServer;
let viewer: string;
let operator: string;
const flagship = `/api/patterns/${FLAGSHIP_SLUG}`;

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'consultant');
  operator = await createToken(server, 'operator', 'editor');
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, token = viewer) => api(server, 'GET', path, { token });

async function auditCount(): Promise<number> {
  return (await api(server, 'GET', '/api/audit?limit=1000', { token: server.adminToken })).json.items?.length ?? 0;
}

describe('search', () => {
  it('lists the whole catalog with a count for every facet value', async () => {
    const res = await get('/api/patterns?pageSize=100');
    expect(res.status).toBe(200);
    const catalogFiles = readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.json')).length;
    expect(res.json.total).toBe(catalogFiles);
    expect(res.json.sort).toBe('referenced');
    const facets = res.json.facets as Record<string, Record<string, number>>;
    expect(Object.keys(facets.industry ?? {})).toEqual(['Technology', 'Healthcare', 'Finance', 'Retail', 'Manufacturing', 'Education', 'Professional Services']);
    expect(Object.keys(facets.problemType ?? {})).toEqual(['Backlog', 'Escalation', 'Capacity', 'SLA Failure', 'Handoffs']);
    const items = res.json.items ?? [];
    const technology = items.filter((i) => (i.industries as string[]).includes('Technology')).length;
    expect(facets.industry?.Technology).toBe(technology);
    const counts = items.map((i) => i.referenceCount as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(items.every((i) => i.version === 1 && !('body' in i))).toBe(true);
  });

  it('ranks text matches and takes facet values repeated or comma-separated', async () => {
    const text = await get('/api/patterns?q=escalation');
    expect(text.json.sort).toBe('relevance');
    expect(text.json.items?.[0]?.slug).toBe(FLAGSHIP_SLUG);
    const comma = await get('/api/patterns?q=escalation&industry=Technology,Retail');
    const repeated = await get('/api/patterns?q=escalation&industry=Technology&industry=Retail');
    expect(comma.json.items?.map((i) => i.slug)).toEqual(repeated.json.items?.map((i) => i.slug));
    expect(comma.json.items?.every((i) => (i.industries as string[]).some((x) => x === 'Technology' || x === 'Retail'))).toBe(true);
    const newest = (await get('/api/patterns?sort=newest&pageSize=100')).json.items?.map((i) => i.publishedAt as string) ?? [];
    expect(newest).toEqual([...newest].sort().reverse());
    const paged = await get('/api/patterns?pageSize=5&page=2');
    expect(paged.json).toMatchObject({ page: 2, pageSize: 5 });
    expect(paged.json.items).toHaveLength(5);
  });

  it('answers 400 naming each bad parameter, and 401 without a token', async () => {
    const bad = await get('/api/patterns?sort=bogus&pageSize=500');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((bad.json.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['pageSize', 'sort']);
    expect((await api(server, 'GET', '/api/patterns')).status).toBe(401);
  });
});

describe('a pattern page and its artifacts', () => {
  it('serves the pattern with scorecard, gates, sections and versions, and counts each view', async () => {
    const first = await get(flagship);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ slug: FLAGSHIP_SLUG, version: 1, latestVersion: 1, createdBy: 'system', scorecard: { passed: true }, gates: { passed: true, failures: [] } });
    expect((first.json.sections as Array<{ heading: string }>).map((s) => s.heading)).toEqual([
      'Hook', 'Problem in one minute', 'As-Is diagram', 'Orchestrated diagram', 'Decision point that matters', 'Metrics & SLAs', 'Checklist', 'Orchestration scorecard', 'Closing insight',
    ]);
    expect((first.json.pattern as { library: { slug: string } }).library.slug).toBe(FLAGSHIP_SLUG);
    expect((first.json.versions as unknown[]).length).toBe(1);
    const views = (first.json.references as { views: number }).views;
    const second = await get(flagship);
    expect((second.json.references as { views: number }).views).toBe(views + 1);
    // A version link records nothing.
    const pinned = await get(`${flagship}/versions/1`);
    expect((pinned.json.references as { views: number }).views).toBe(views + 1);
    expect((await get('/api/patterns/no-such-pattern')).status).toBe(404);
    const badSlug = await get('/api/patterns/Not_A_Slug');
    expect(badSlug.status).toBe(400);
    expect(badSlug.json.errors).toEqual([expect.objectContaining({ pointer: '/slug' })]);
  });

  it('downloads ARTICLE.md as an attachment linking the pattern at the request origin', async () => {
    const before = (await get(`${flagship}/versions/1`)).json.references as { articleDownloads: number };
    const res = await get(`${flagship}/article.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ARTICLE.md"');
    expect(res.text).toMatch(/^# Support Ticket Escalation Backlog\n/);
    expect(res.text).toContain(`<${server.url}/library/${FLAGSHIP_SLUG}>`);
    for (const heading of ['## Hook', '## As-Is diagram', '```mermaid', '## Closing insight']) expect(res.text).toContain(heading);
    // A HEAD request (a link checker) is not a reader and counts nothing.
    expect((await api(server, 'HEAD', `${flagship}/article.md`, { token: viewer })).status).toBe(404);
    const after = (await get(`${flagship}/versions/1`)).json.references as { articleDownloads: number };
    expect(after.articleDownloads).toBe(before.articleDownloads + 1);
    // Articles and checklists exported before links named the portal page used /patterns/<slug>:
    // those still lead to the pattern's page.
    expect(res.text).not.toContain(`${server.url}/patterns/`);
    const link = await fetch(`${server.url}/patterns/${FLAGSHIP_SLUG}`, { redirect: 'manual' });
    expect(link.status).toBe(302);
    expect(link.headers.get('location')).toBe(`/library/${FLAGSHIP_SLUG}`);
  });

  it('serves both diagrams as Mermaid text, the orchestrated one with the Smart Router and the SLA Monitor', async () => {
    const asIs = await get(`${flagship}/mermaid/as-is`);
    const orchestrated = await get(`${flagship}/mermaid/orchestrated`);
    for (const res of [asIs, orchestrated]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      expect(res.text).toMatch(/^sequenceDiagram\n/);
    }
    expect(orchestrated.text).toContain('Smart Router');
    expect(orchestrated.text).toContain('SLA Monitor');
    expect(asIs.text).not.toEqual(orchestrated.text);
  });

  it("exports the checklist as CSV for Jira's importer, as Markdown and as JSON, each counted", async () => {
    const before = (await get(`${flagship}/versions/1`)).json.references as { checklistExports: number };
    const csv = await get(`${flagship}/checklist.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${FLAGSHIP_SLUG}-checklist.csv"`);
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual(['Summary', 'Description', 'Issue Type', 'Labels', 'Priority']);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.Description).toContain(`${server.url}/library/${FLAGSHIP_SLUG}`);
      expect(row.Labels).toBe(`ows-${FLAGSHIP_SLUG}`);
      expect(['Task', 'Story']).toContain(row['Issue Type']);
    }
    const md = await get(`${flagship}/checklist.md`);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.text.match(/^- \[ \] /gm)).toHaveLength(6);
    const json = await get(`${flagship}/checklist.json`);
    expect(json.json).toMatchObject({ epicLabel: `ows-${FLAGSHIP_SLUG}`, pattern: { url: `${server.url}/library/${FLAGSHIP_SLUG}` } });
    expect(json.json.items?.map((i) => i.summary)).toEqual(rows.map((r) => r.Summary));
    const after = (await get(`${flagship}/versions/1`)).json.references as { checklistExports: number };
    expect(after.checklistExports).toBe(before.checklistExports + 3);
  });

  it('serves the scorecard computed from the content', async () => {
    const res = await get(`${flagship}/scorecard`);
    expect(res.json).toMatchObject({ passed: true, maxScore: 40, diagramSize: { passesBudget: true } });
    expect(res.json.dimensions).toHaveLength(8);
  });

  it('prices a statement of work from rates, and names each bad rate', async () => {
    const res = await api(server, 'POST', `${flagship}/sow`, { token: viewer, body: { dayRate: 1200, fteCount: 2, clientName: 'Acme' } });
    expect(res.status).toBe(200);
    const sow = res.json.sow as { lines: Array<{ priceCents: number; effortPersonWeeks: number }>; totals: { priceCents: number }; bufferPercent: number };
    expect(sow.bufferPercent).toBe(25);
    expect(sow.lines).toHaveLength(6);
    expect(sow.totals.priceCents).toBe(sow.lines.reduce((n, l) => n + l.priceCents, 0));
    expect(sow.lines[0]?.priceCents).toBe(Math.round((sow.lines[0]?.effortPersonWeeks ?? 0) * 5 * 1.25 * 1200 * 100));
    expect(res.json.markdown).toContain('Acme');
    expect((res.json.csv as string).split('\n').length).toBeGreaterThan(6);
    const bad = await api(server, 'POST', `${flagship}/sow`, { token: viewer, body: { dayRate: 'lots', fteCount: 0 } });
    expect(bad.status).toBe(400);
    expect((bad.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/dayRate', '/fteCount']);
  });

  it('white-labels diagrams, article and checklist with a budget report per diagram', async () => {
    const res = await api(server, 'POST', `${flagship}/white-label`, { token: viewer, body: { terms: { L1: 'Tier 1 Zendesk', 'Smart Router': 'Zendesk Omnichannel Routing Engine' } } });
    expect(res.status).toBe(200);
    const diagrams = res.json.diagrams as Array<{ kind: string; text: string; withinBudget: boolean; longLabels: Array<{ label: string }>; counts: { actors: number } }>;
    expect(diagrams.map((d) => d.kind)).toEqual(['as-is', 'orchestrated']);
    expect(diagrams[1]?.text).toContain('Zendesk Omnichannel Routing Engine');
    expect(diagrams[1]?.longLabels.map((l) => l.label)).toContain('🔀 Zendesk Omnichannel Routing Engine');
    expect(res.json.withinBudget).toBe(diagrams.every((d) => d.withinBudget));
    expect((res.json.article as { markdown: string }).markdown).toContain('Tier 1 Zendesk');
    expect((res.json.checklist as { csv: string }).csv).toContain('Zendesk Omnichannel Routing Engine');
    const bad = await api(server, 'POST', `${flagship}/white-label`, { token: viewer, body: { terms: { L1: '' }, extra: 1 } });
    expect(bad.status).toBe(400);
    const worse = await api(server, 'POST', `${flagship}/white-label`, { token: viewer, body: { terms: { L1: '  ' } } });
    expect(worse.json.errors).toEqual([expect.objectContaining({ pointer: '/terms/L1' })]);
  });
});

describe('validation and publication', () => {
  it('validates a pattern without writing anything', async () => {
    const audit = await auditCount();
    const res = await api(server, 'POST', '/api/patterns/validate', { token: viewer, body: failingBothGates('validated-only') });
    expect(res.status).toBe(200);
    expect(res.json.passed).toBe(false);
    expect(new Set((res.json.failures as Array<{ gate: string }>).map((f) => f.gate))).toEqual(new Set(['budget', 'hqo']));
    expect((res.json.scorecard as { passed: boolean }).passed).toBe(false);
    const schema = await api(server, 'POST', '/api/patterns/validate', { token: viewer, body: { ows: {} } });
    expect(schema.json.failures).toEqual(expect.arrayContaining([expect.objectContaining({ gate: 'schema', pointer: '/library' })]));
    const malformed = await api(server, 'POST', '/api/patterns/validate', { token: viewer, rawBody: '{\n "ows": ,\n}' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toEqual([expect.objectContaining({ line: 2 })]);
    expect((await get('/api/patterns/validated-only')).status).toBe(404);
    expect(await auditCount()).toBe(audit);
  });

  it('publishes for operators only, and says unchanged for the same document', async () => {
    const doc = patternJson('published-by-api', 'Published by the API');
    expect((await api(server, 'POST', '/api/patterns', { token: viewer, body: doc })).status).toBe(403);
    expect((await api(server, 'POST', '/api/patterns', { body: doc })).status).toBe(401);
    const created = await api(server, 'POST', '/api/patterns', { token: operator, body: doc });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/patterns/published-by-api');
    expect(created.json).toMatchObject({ status: 'published', slug: 'published-by-api', version: 1, createdBy: 'editor', maxScore: 40 });
    const again = await api(server, 'POST', '/api/patterns', { token: operator, body: doc });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: 'unchanged', version: 1 });
    const search = await get('/api/patterns?q=Published%20by%20the%20API');
    expect(search.json.items?.[0]?.slug).toBe('published-by-api');
  });

  it('answers 422 listing each failed gate rule, and stores nothing', async () => {
    const audit = await auditCount();
    const res = await api(server, 'POST', '/api/patterns', { token: operator, body: failingBothGates('fails-gates') });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json.code).toBe('OW_GATE_FAILED');
    const errors = res.json.errors as Array<{ gate: string; rule: string; pointer?: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ gate: 'budget', rule: 'max-message-chars', pointer: '/ows/flows/altDecisionPoints/0/branches/0/steps/0' }),
        expect.objectContaining({ gate: 'hqo', rule: 'dimension.ownership_routing' }),
        expect.objectContaining({ gate: 'hqo', rule: 'total' }),
      ]),
    );
    for (const e of errors) expect(res.json.detail).toContain(`${e.gate}:${e.rule}`);
    expect((await get('/api/patterns/fails-gates')).status).toBe(404);
    expect(await auditCount()).toBe(audit);
  });

  it('answers 400 with every JSON pointer for a document that breaks the schema', async () => {
    const doc = catalogJson();
    (doc.library as Record<string, unknown>).maturity = 'Expert';
    (doc.library as Record<string, unknown>).slug = 'schema-broken';
    delete (doc.ows as Record<string, unknown>).meta;
    const res = await api(server, 'POST', '/api/patterns', { token: operator, body: doc });
    expect(res.status).toBe(400);
    expect((res.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/library/maturity', '/ows/meta']);
    expect((await get('/api/patterns/schema-broken')).status).toBe(404);
  });

  it('publishes a new version with PUT when the URL and the document name the same slug', async () => {
    const doc = patternJson('versioned', 'Versioned pattern one');
    const mismatch = await api(server, 'PUT', '/api/patterns/another-slug', { token: operator, body: doc });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.errors).toEqual([{ pointer: '/library/slug', message: 'must be "another-slug" (the slug in the URL)' }]);
    expect((await api(server, 'PUT', '/api/patterns/versioned', { token: viewer, body: doc })).status).toBe(403);
    expect((await api(server, 'PUT', '/api/patterns/versioned', { token: operator, body: doc })).json.version).toBe(1);
    doc.ows.meta.title = 'Versioned pattern two';
    const second = await api(server, 'PUT', '/api/patterns/versioned', { token: operator, body: doc });
    expect(second.status).toBe(201);
    expect(second.json.version).toBe(2);
    expect((await get('/api/patterns/versioned/versions')).json.items?.map((v) => [v.version, v.title])).toEqual([
      [2, 'Versioned pattern two'],
      [1, 'Versioned pattern one'],
    ]);
    const v1 = await get('/api/patterns/versioned/versions/1');
    expect(v1.json).toMatchObject({ version: 1, latestVersion: 2, title: 'Versioned pattern one' });
    expect((await get('/api/patterns/versioned/article.md?version=1')).text).toMatch(/^# Versioned pattern one\n/);
    expect((await get('/api/patterns/versioned/versions/9')).status).toBe(404);
  });
});

describe('schemas and documentation', () => {
  it('serves our JSON Schema publicly, and it accepts the catalog files', async () => {
    const res = await api(server, 'GET', '/api/schemas/pattern.json');
    expect(res.status).toBe(200);
    expect(res.json.$id).toBe(`${server.url}/api/schemas/pattern.json`);
    const validate = compile2020(res.json);
    expect(validate(catalogJson())).toBe(true);
    expect(validate({ ows: {}, library: {} })).toBe(false);
  });

  it('documents every pattern route in the OpenAPI document', async () => {
    const doc = (await api(server, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/patterns', 'get'], ['/api/patterns', 'post'], ['/api/patterns/{slug}', 'get'], ['/api/patterns/{slug}', 'put'], ['/api/patterns/{slug}/versions/{version}', 'get'],
      ['/api/patterns/{slug}/article.md', 'get'], ['/api/patterns/{slug}/mermaid/as-is', 'get'], ['/api/patterns/{slug}/mermaid/orchestrated', 'get'],
      ['/api/patterns/{slug}/checklist.csv', 'get'], ['/api/patterns/{slug}/checklist.md', 'get'], ['/api/patterns/{slug}/checklist.json', 'get'], ['/api/patterns/{slug}/scorecard', 'get'],
      ['/api/patterns/{slug}/sow', 'post'], ['/api/patterns/{slug}/white-label', 'post'], ['/api/patterns/validate', 'post'], ['/api/schemas/pattern.json', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });
});
