// The toolkit API as a client meets it: each analysis with its explanation and downloads, CSV
// bodies, 400 with every location, versioned documents, nothing stored on error, and roles.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

const example = async (file: string) => readFile(new URL(`../../content/advisor/${file}`, import.meta.url), 'utf8');

let server: TestServer;
let viewer: string;
let operator: string;

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'reader');
  operator = await createToken(server, 'operator', 'planner');
});
afterAll(async () => {
  await server.close();
});

async function postCsv(path: string, csv: string, token = viewer) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: res.status, headers: res.headers, text, json };
}

async function advisorEvents(): Promise<number> {
  return (await api(server, 'GET', '/api/events?topics=advisor.*&limit=1000', { token: viewer })).json.items?.length ?? 0;
}

describe('analyses', () => {
  it('routes a problem with scores, matched phrases, questions, plan and problem types', async () => {
    const res = await api(server, 'POST', '/api/advisor/route', { token: viewer, body: { problem: 'Tickets wait too long between teams; cut cycle time by 30%', data: { steps: [{ name: 'x' }] } } });
    expect(res.status).toBe(200);
    const r = res.json as { chosen: string; scores: Array<{ skill: string; score: number; matches: Array<{ matched: string; weight: number; source: string }> }>; plan: { steps: unknown[] }; patterns: unknown; explanation: string[] };
    expect(r.chosen).toBe('process-optimization');
    const top = r.scores[0]!;
    expect(top.matches).toEqual(expect.arrayContaining([expect.objectContaining({ matched: 'cycle time', weight: 3, source: 'text' }), expect.objectContaining({ matched: 'data: steps', source: 'data' })]));
    expect(top.score).toBe(top.matches.reduce((s, m) => s + m.weight, 0));
    expect(r.plan.steps.length).toBeGreaterThan(2);
    // The library loaded on start: patterns sharing the recognised problem type are linked.
    const types = (res.json.problemTypes as Array<{ type: string }>).map((p) => p.type);
    expect(types).toContain('Handoffs');
    const linked = r.patterns as Array<{ slug: string; sharedTypes: string[] }>;
    expect(linked.length).toBeGreaterThan(0);
    for (const p of linked) expect(p.sharedTypes.every((t) => types.includes(t)) && p.sharedTypes.length > 0).toBe(true);
    expect(r.explanation.at(-1)).toMatch(/^Library patterns: /);
  });

  it('links the flagship escalation pattern first for an escalation backlog with SLA breaches', async () => {
    const res = await api(server, 'POST', '/api/advisor/route', { token: viewer, body: { problem: 'Escalations pile up in the L2 backlog and breach the SLA' } });
    const patterns = res.json.patterns as Array<{ slug: string; sharedTypes: string[] }>;
    expect(patterns[0]!.slug).toBe('support-ticket-escalation-backlog');
    expect([...patterns[0]!.sharedTypes].sort()).toEqual(['Backlog', 'Escalation', 'SLA Failure']);
    const detail = await api(server, 'GET', `/api/patterns/${patterns[0]!.slug}`, { token: viewer });
    expect(detail.status).toBe(200);
  });

  it('analyses a value stream with a DMAIC report, and downloads it as Markdown', async () => {
    const stream = JSON.parse(await example('value-stream-escalation.json')) as unknown;
    const res = await api(server, 'POST', '/api/advisor/process?targetReduction=0.4', { token: viewer, body: stream });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ valueStream: { leadTime: 2880, bottleneck: { step: 'L2 diagnosis' } } });
    expect((res.json.dmaic as { targets: Array<{ target: number }> }).targets[0]!.target).toBeCloseTo(1728, 6);
    const md = await api(server, 'POST', '/api/advisor/process?format=md', { token: viewer, body: stream });
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="process.md"');
    expect(md.text).toMatch(/^# Value stream: Support ticket escalation/);
    expect(md.text).toContain('## DMAIC');
  });

  it('schedules a text/csv body with people from the query, and JSON tasks too', async () => {
    const csv = await postCsv('/api/advisor/schedule?people=2&unit=points', await example('epic-5.1.csv'));
    expect(csv.status).toBe(200);
    const a = csv.json as { schedule: { criticalPath: string[]; duration: number; tasks: unknown[] }; gantt: { bars: Array<{ id: string; critical: boolean }> }; milestones: unknown[]; explanation: string[] };
    expect(a.schedule.duration).toBe(102);
    expect(a.schedule.criticalPath).toEqual(['5.1.0', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12']);
    expect(a.gantt.bars.filter((b) => !b.critical).map((b) => b.id)).toEqual(['5.1.7']);
    expect(a.milestones.length).toBeGreaterThan(0);
    const json = await api(server, 'POST', '/api/advisor/schedule', { token: viewer, body: { people: 1, tasks: [{ id: 'a', name: 'A', estimate: 2 }, { id: 'b', name: 'B', estimate: 3, dependsOn: ['a'] }] } });
    expect(json.status).toBe(200);
    expect(json.json.schedule).toEqual({ criticalPath: ['a', 'b'], duration: 5, tasks: [{ id: 'a', start: 0, finish: 2, slack: 0, assignee: 'Person 1' }, { id: 'b', start: 2, finish: 5, slack: 0, assignee: 'Person 1' }] });
    const late = await api(server, 'POST', '/api/advisor/schedule?deadline=4', { token: viewer, body: { people: 1, tasks: [{ id: 'a', name: 'A', estimate: 2 }, { id: 'b', name: 'B', estimate: 3, dependsOn: ['a'] }] } });
    expect(late.json.feasibility).toMatchObject({ feasible: false, deadline: 4 });
    const exported = await postCsv('/api/advisor/schedule?people=2&format=csv', await example('epic-5.1.csv'));
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.text.split('\n')[0]).toBe('id,name,estimate,depends_on,start,finish,slack,assignee,critical');
  });

  it('assesses a risk register with the heat map and breached key risk indicators', async () => {
    const register = {
      name: 'Launch',
      risks: [
        { id: 'A', title: 'Vendor late', probability: 4, impact: 5, strategy: 'mitigate', owner: 'PM', mitigation: 'Weekly vendor review', contingency: 'Fallback vendor', kris: [{ name: 'Days late', threshold: 3, breachWhen: 'above', current: 6 }] },
        { id: 'B', title: 'Key person leaves', probability: 2, impact: 3, strategy: 'accept', owner: 'Lead' },
      ],
    };
    const res = await api(server, 'POST', '/api/advisor/risk', { token: viewer, body: register });
    expect(res.status).toBe(200);
    const a = res.json as { risks: Array<{ id: string; score: number; level: string }>; heatMap: { matrix: Array<Array<{ count: number }>> }; breachedKris: unknown[] };
    expect(a.risks.map((r) => [r.id, r.score, r.level])).toEqual([['A', 20, 'critical'], ['B', 6, 'medium']]);
    expect(a.heatMap.matrix[4]![3]!.count).toBe(1);
    expect(a.heatMap.matrix[2]![1]!.count).toBe(1);
    expect(a.breachedKris).toEqual([{ riskId: 'A', kri: 'Days late' }]);
  });

  it('checks KPIs and OKRs and reports each live binding it cannot resolve', async () => {
    const kpis = JSON.parse(await example('kpis-epic-5.1.json')) as unknown[];
    const okrs = JSON.parse(await example('okrs-escalation.json')) as { objectives: unknown[] };
    const res = await api(server, 'POST', '/api/advisor/kpi?asOf=2026-02-01', { token: viewer, body: { kpis, objectives: okrs.objectives } });
    expect(res.status).toBe(200);
    const a = res.json as { smart: { checks: Array<{ criteria: unknown[] }> }; scorecard: { perspectives: unknown[] }; okrs: { overall: number }; bindings: Array<{ pointer: string; status: string; value: null }> };
    expect(a.smart.checks).toHaveLength(8);
    for (const c of a.smart.checks) expect(c.criteria).toHaveLength(5);
    expect(a.scorecard.perspectives).toHaveLength(4);
    expect(a.okrs.overall).toBe(1);
    expect(a.bindings.map((b) => b.pointer)).toEqual(['/kpis/0/binding', '/kpis/1/binding', '/objectives/0/keyResults/0/binding', '/objectives/0/keyResults/1/binding', '/objectives/0/keyResults/2/binding']);
    for (const b of a.bindings) expect(b).toMatchObject({ status: 'not yet resolvable', value: null });
    const csv = await api(server, 'POST', '/api/advisor/kpi?format=csv&table=okrs', { token: viewer, body: okrs });
    expect(csv.text.split('\n')[0]).toBe('objective_id,objective,objective_progress,status,key_result_id,key_result,baseline,target,current,weight,progress');
  });
});

describe('live bindings with the journey engine', () => {
  it('resolves a KPI bound to a journey metric from what a running journey reported, and says so', async () => {
    const kpi = [{ id: 'uptime', name: 'Pilot uptime', unit: '%', baseline: 98, target: 99.5, binding: { source: 'journey', metric: 'pilot_uptime_pct' } }];
    const before = await api(server, 'POST', '/api/advisor/kpi', { token: viewer, body: kpi });
    expect((before.json.bindings as Array<{ status: string }>)[0]!.status).toBe('not yet resolvable');

    const started = await api(server, 'POST', '/api/journeys', { token: operator, body: { definition: 'client-onboarding', clientId: 'advisor-test' } });
    expect(started.status).toBe(201);
    const journeyId = (started.json.journey as { journeyId: string }).journeyId;
    const reported = await api(server, 'POST', `/api/journeys/${journeyId}/metrics`, { token: operator, body: { metrics: { pilot_uptime_pct: 99.7 } } });
    expect(reported.status).toBe(200);

    const after = await api(server, 'POST', '/api/advisor/kpi', { token: viewer, body: kpi });
    const binding = (after.json.bindings as Array<{ status: string; value: number; detail: string }>)[0]!;
    expect(binding).toMatchObject({ status: 'resolved', value: 99.7 });
    expect(binding.detail).toContain(`journey ${journeyId}`);
    const rows = (after.json.scorecard as { unassigned: Array<{ current: number; status: string }> }).unassigned;
    expect(rows[0]).toMatchObject({ current: 99.7, status: 'met' });
  });
});

describe('bad input', () => {
  it('answers 400 with every location: pointers for JSON, line and column for CSV, the field for options', async () => {
    const risk = await api(server, 'POST', '/api/advisor/risk', { token: viewer, body: { risks: [{ id: 'R', title: '', probability: 0, impact: 6, strategy: 'ignore', owner: 'x' }] } });
    expect(risk.status).toBe(400);
    expect(risk.headers.get('content-type')).toContain('application/problem+json');
    expect((risk.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/risks/0/impact', '/risks/0/probability', '/risks/0/strategy', '/risks/0/title']);
    const cyclic = await postCsv('/api/advisor/schedule?people=1', 'id,name,estimate,depends_on\na,A,1,b\nb,B,1,a\n');
    expect(cyclic.status).toBe(400);
    expect(cyclic.json.errors).toEqual([expect.objectContaining({ line: 3, column: 4, field: 'depends_on', message: expect.stringMatching(/dependency cycle: b → a → b/) })]);
    const badRow = await postCsv('/api/advisor/schedule?people=1', 'id,name,estimate,depends_on\na,A,x,\n');
    expect(badRow.json.errors).toEqual([expect.objectContaining({ line: 2, column: 3, field: 'estimate' })]);
    const noPeople = await api(server, 'POST', '/api/advisor/schedule', { token: viewer, body: [{ id: 'a', name: 'A', estimate: 1 }] });
    expect(noPeople.status).toBe(400);
    expect(noPeople.json.errors).toEqual([expect.objectContaining({ field: 'people' })]);
    const badQuery = await api(server, 'POST', '/api/advisor/schedule?people=0', { token: viewer, body: [{ id: 'a', name: 'A', estimate: 1 }] });
    expect(badQuery.status).toBe(400);
    const wrapped = await api(server, 'POST', '/api/advisor/schedule?people=1', { token: viewer, body: { tasks: [{ id: 'a', name: 'A', estimate: 1, dependsOn: ['zz'] }] } });
    expect(wrapped.json.errors).toEqual([expect.objectContaining({ pointer: '/tasks/0/dependsOn/0', message: expect.stringContaining('unknown task id "zz"') })]);
    const kpi = await api(server, 'POST', '/api/advisor/kpi', { token: viewer, body: { kpis: [{ id: 'k' }], extra: 1 } });
    expect((kpi.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/extra', '/kpis/0/name']);
    const xml = await fetch(`${server.url}/api/advisor/risk`, { method: 'POST', headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/xml' }, body: '<risks/>' });
    expect(xml.status).toBe(415);
  });
});

describe('documents', () => {
  it('lists the shipped examples and exports them', async () => {
    const list = await api(server, 'GET', '/api/advisor/documents', { token: viewer });
    expect(list.status).toBe(200);
    expect(list.json.items?.map((d) => d.id).sort()).toEqual(['epic-5.1-kpis', 'epic-5.1-plan', 'epic-5.1-risks', 'escalation-okrs', 'escalation-value-stream']);
    const kpiSets = await api(server, 'GET', '/api/advisor/documents?kind=kpi-set', { token: viewer });
    expect(kpiSets.json.items?.map((d) => d.id).sort()).toEqual(['epic-5.1-kpis', 'escalation-okrs']);
    const plan = await api(server, 'GET', '/api/advisor/documents/epic-5.1-plan', { token: viewer });
    expect(plan.json).toMatchObject({ document: { id: 'epic-5.1-plan', version: 1, kind: 'work-breakdown' }, analysis: { schedule: { duration: 102 } }, analysisNote: null });
    const md = await api(server, 'GET', '/api/advisor/documents/epic-5.1-risks?format=md', { token: viewer });
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="epic-5.1-risks-v1.md"');
    expect(md.text).toContain('## Heat map');
    expect((await api(server, 'GET', '/api/advisor/documents/nothing-here', { token: viewer })).status).toBe(404);
  });

  it('saves versions with audit and events; an invalid save stores nothing', async () => {
    const body = { id: 'team-plan', kind: 'work-breakdown', name: 'Team plan', content: 'id,name,estimate,depends_on\na,Spec,2,\nb,Build,3,a\n' };
    const v1 = await api(server, 'POST', '/api/advisor/documents', { token: operator, body });
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ id: 'team-plan', version: 1, summary: '2 tasks, 5 units', createdBy: 'planner' });
    const noPeople = await api(server, 'GET', '/api/advisor/documents/team-plan', { token: viewer });
    expect(noPeople.json).toMatchObject({ analysis: null, analysisNote: expect.stringContaining('?people=N') });
    const v2 = await api(server, 'POST', '/api/advisor/documents', { token: operator, body: { ...body, content: { tasks: 'id,name,estimate,depends_on\na,Spec,2,\nb,Build,3,\n', people: 2 } } });
    expect(v2.json.version).toBe(2);
    const detail = await api(server, 'GET', '/api/advisor/documents/team-plan', { token: viewer });
    expect((detail.json.versions as unknown[]).length).toBe(2);
    expect(detail.json).toMatchObject({ document: { version: 2 }, analysis: { schedule: { duration: 3 } } });
    const first = await api(server, 'GET', '/api/advisor/documents/team-plan?version=1&people=1', { token: viewer });
    expect(first.json).toMatchObject({ document: { version: 1 }, analysis: { schedule: { duration: 5 } } });
    const audit = await api(server, 'GET', '/api/audit?target=team-plan', { token: viewer });
    expect(audit.json.items?.map((a) => [a.actor, a.action])).toEqual([['planner', 'advisor.document.save'], ['planner', 'advisor.document.save']]);

    const events = await advisorEvents();
    const bad = await api(server, 'POST', '/api/advisor/documents', { token: operator, body: { ...body, content: 'id,name,estimate,depends_on\na,Spec,2,a\n' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ line: 2, field: 'depends_on' })]);
    const wrongKind = await api(server, 'POST', '/api/advisor/documents', { token: operator, body: { ...body, kind: 'risk-register', content: { risks: [{ id: 'R', title: 't', probability: 1, impact: 1, strategy: 'accept', owner: 'o' }] } } });
    expect(wrongKind.status).toBe(409);
    expect(((await api(server, 'GET', '/api/advisor/documents/team-plan', { token: viewer })).json.versions as unknown[]).length).toBe(2);
    expect(await advisorEvents()).toBe(events);
  });

  it('lets viewers read and analyse, operators save, and nobody in without a token', async () => {
    const save = { kind: 'value-stream', name: 'Mini', content: { steps: [{ name: 'Do', processTime: 1, waitTime: 1, volume: 1 }] } };
    const denied = await api(server, 'POST', '/api/advisor/documents', { token: viewer, body: save });
    expect(denied.status).toBe(403);
    expect(denied.json.detail).toContain('needs operator');
    expect((await api(server, 'POST', '/api/advisor/documents', { body: save })).status).toBe(401);
    for (const path of ['/api/advisor/route', '/api/advisor/process', '/api/advisor/risk', '/api/advisor/kpi']) {
      expect((await api(server, 'POST', path, { body: {} })).status, path).toBe(401);
    }
    expect((await api(server, 'GET', '/api/advisor/documents')).status).toBe(401);
    expect((await api(server, 'POST', '/api/advisor/documents', { token: operator, body: save })).status).toBe(201);
    const doc = await api(server, 'GET', '/api/openapi.json');
    const paths = (doc.json as { paths: Record<string, Record<string, unknown>> }).paths;
    for (const p of ['/api/advisor/route', '/api/advisor/process', '/api/advisor/schedule', '/api/advisor/risk', '/api/advisor/kpi']) expect(paths[p]?.post, p).toBeDefined();
    expect(paths['/api/advisor/documents']?.get).toBeDefined();
    expect(paths['/api/advisor/documents/{id}']?.get).toBeDefined();
  });
});
