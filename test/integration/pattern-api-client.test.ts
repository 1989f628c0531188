// The portal's typed pattern client (web/src/api/patterns.ts) against the real server: every
// response it reads must match its schema, so a drift between server and portal fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/api-error';
import { createApiClient, type FetchLike } from '../../web/src/api/client';
import { createPatternsApi, type PatternsApi } from '../../web/src/api/patterns';
import { startTestServer, type TestServer } from '../helpers/server';
import { createToken, type TokenRole } from '../helpers/tokens';
import { failingBothGates, FLAGSHIP_SLUG, patternJson } from '../engine/pattern-fixtures';

let server: TestServer;
let viewerClient: PatternsApi;
let operatorClient: PatternsApi;

function clientFor(token: string): PatternsApi {
  // The portal sends its session cookie; here a bearer token stands in for it.
  const withToken: FetchLike = (input, init) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  return createPatternsApi(createApiClient({ baseUrl: server.url, fetch: withToken }), { baseUrl: server.url, fetch: withToken });
}

beforeAll(async () => {
  server = await startTestServer();
  const token = (role: TokenRole) => createToken(server, role);
  viewerClient = clientFor(await token('viewer'));
  operatorClient = clientFor(await token('operator'));
});
afterAll(async () => {
  await server.close();
});

describe('the portal pattern client', () => {
  it('reads search results, a pattern page, a version, the scorecard and the checklist', async () => {
    const list = await viewerClient.search({ q: 'escalation', industry: ['Technology', 'Retail'], sort: 'relevance', pageSize: 5 });
    expect(list.items[0]?.slug).toBe(FLAGSHIP_SLUG);
    expect(list.facets.industry.Technology).toBeGreaterThan(0);
    const detail = await viewerClient.get(FLAGSHIP_SLUG);
    expect(detail.sections).toHaveLength(9);
    expect(detail.components.length).toBeGreaterThan(0);
    expect(detail.gates.diagrams.map((d) => d.kind)).toEqual(['as-is', 'orchestrated']);
    const pinned = await viewerClient.version(FLAGSHIP_SLUG, 1);
    expect(pinned.references.views).toBe(detail.references.views);
    expect((await viewerClient.scorecard(FLAGSHIP_SLUG)).diagramSize.passesBudget).toBe(true);
    const checklist = await viewerClient.checklist(FLAGSHIP_SLUG);
    expect(checklist.items).toHaveLength(6);
  });

  it('reads text artifacts and builds download links', async () => {
    expect(await viewerClient.text(FLAGSHIP_SLUG, 'article.md')).toMatch(/^# Support Ticket Escalation Backlog/);
    expect(await viewerClient.text(FLAGSHIP_SLUG, 'mermaid/orchestrated')).toMatch(/^sequenceDiagram/);
    expect((await viewerClient.text(FLAGSHIP_SLUG, 'checklist.csv')).split('\n')[0]).toBe('Summary,Description,Issue Type,Labels,Priority');
    expect(viewerClient.artifactUrl(FLAGSHIP_SLUG, 'article.md', 1)).toBe(`${server.url}/api/patterns/${FLAGSHIP_SLUG}/article.md?version=1`);
    await expect(viewerClient.text('no-such-pattern', 'article.md')).rejects.toMatchObject({ status: 404, code: 'OW_NOT_FOUND' });
  });

  it('builds a statement of work and a white-labelled bundle', async () => {
    const sow = await viewerClient.sow(FLAGSHIP_SLUG, { dayRate: 900, fteCount: 3, currency: 'EUR' });
    expect(sow.sow.currency).toBe('EUR');
    expect(sow.markdown).toContain('€');
    const bundle = await viewerClient.whiteLabel(FLAGSHIP_SLUG, [{ from: 'L1', to: 'Tier 1 Zendesk' }]);
    expect(bundle.terms).toEqual([{ from: 'L1', to: 'Tier 1 Zendesk' }]);
    expect(bundle.diagrams[0]?.text).toContain('Tier 1 Zendesk');
  });

  it('validates, publishes and reports gate failures as problems with every rule', async () => {
    const report = await viewerClient.validate(failingBothGates('client-fails'));
    expect(report.passed).toBe(false);
    expect(report.failures.length).toBeGreaterThan(1);
    const published = await operatorClient.publish(patternJson('client-published', 'Published by the portal client'));
    expect(published).toMatchObject({ status: 'published', version: 1 });
    const next = patternJson('client-published', 'Published by the portal client again');
    expect((await operatorClient.publishVersion('client-published', next)).version).toBe(2);
    const failure = await operatorClient.publish(failingBothGates('client-fails')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(422);
    expect((failure as ApiError).errors.length).toBe(report.failures.length);
    const forbidden = await viewerClient.publish(patternJson('client-denied', 'Denied to the viewer')).catch((e: unknown) => e);
    expect((forbidden as ApiError).status).toBe(403);
  });
});
