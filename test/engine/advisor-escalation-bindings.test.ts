// KPI and key-result bindings to the escalation runtime's metrics (issue #8 × #6), on both drivers: with no
// tickets they stay "not yet resolvable"; with live tickets handled at known instants they resolve to the
// hand-computed MTTR, first response, SLA breach rate and re-escalation rate, in the bound item's unit.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { AdvisorService } from '../../src/engine/advisor-service';
import { TicketService, SupportAgentService } from '../../src/engine/ticket-runtime';
import type { Db } from '../../src/store/db';
import { DRIVERS, openTestDb } from '../helpers/databases';

const T0 = Date.parse('2026-04-06T08:00:00.000Z');
const MIN = 60_000;
let nowMs = T0;
const clock = { now: () => new Date(nowMs) };
const content = (file: string) => new URL(`../../content/advisor/${file}`, import.meta.url);

describe.each(DRIVERS)('escalation KPI bindings on %s', (driver) => {
  let db: Db | undefined;
  let advisor: AdvisorService;
  let tickets: TicketService;

  /** A fresh store per attempt: the bindings read every live ticket, so a retry must not see the first one's. */
  async function freshStore(): Promise<void> {
    await db?.close();
    db = await openTestDb(driver);
    advisor = new AdvisorService(db, clock);
    // No SLA monitor observer here: tickets carry no clocks, so breach cycles follow the default targets.
    tickets = new TicketService(db, clock);
    const agents = new SupportAgentService(db, tickets, clock, 'cli');
    for (const tier of ['L1', 'L2']) await agents.create({ id: `agent-${tier.toLowerCase()}`, name: tier, tier, status: 'online', maxConcurrent: 10 }, 'test');
  }
  afterAll(async () => {
    await db?.close();
  });

  const kpiFile = async (name: string) => JSON.parse(await readFile(content(name), 'utf8')) as unknown;

  it('resolves mttr, first response, breach and re-escalation rates from live tickets, converted to each item\'s unit', { timeout: 180_000 }, async () => {
    await freshStore();
    const empty = await advisor.kpi(await kpiFile('okrs-escalation.json'), '2026-04-06');
    expect(empty.bindings.map((b) => [b.metric, b.status])).toEqual([
      ['mttr', 'not yet resolvable'],
      ['sla_breach_rate', 'not yet resolvable'],
      ['re_escalation_rate', 'not yet resolvable'],
    ]);
    expect(empty.bindings[0]!.detail).toContain('holds no tickets');

    const at = (m: number) => (nowMs = T0 + m * MIN);
    at(0);
    // Default targets (calendar hours): high 4 h first response / 24 h resolution; low 24 h / 120 h.
    const a = await tickets.create({ subject: 'A', priority: 'high' }, 'test');
    const b = await tickets.create({ subject: 'B', priority: 'high' }, 'test');
    const c = await tickets.create({ subject: 'C', priority: 'low' }, 'test');
    at(30);
    await tickets.comment(a.id, { body: 'on it', author: 'agent-l1' }, 'test'); // A first response 0.5 h
    await tickets.escalate(b.id, { reason: 'hard', actor: 'test' });
    at(90);
    await tickets.comment(b.id, { body: 'on it', author: 'agent-l2' }, 'test'); // B first response 1.5 h
    at(120);
    await tickets.changeStatus(a.id, { status: 'solved' }, 'test'); // A resolved 2 h: both cycles met
    at(6 * 60);
    await tickets.changeStatus(b.id, { status: 'solved' }, 'test'); // B resolved 6 h
    at(7 * 60);
    await tickets.changeStatus(b.id, { status: 'open' }, 'test'); // B reopened after its escalation: re-escalated
    at(26 * 60);
    await tickets.changeStatus(b.id, { status: 'solved' }, 'test'); // B resolved at 26 h: resolution breached (24 h)
    await tickets.escalate(c.id, { reason: 'vip', actor: 'test' }); // C escalated once, no response at 26 h (> 24 h): breached
    at(27 * 60);
    // By hand, at 27 h: MTTR mean(2, 26) = 14 h; first response mean(0.5, 1.5) = 1 h;
    // SLA cycles: A 2 met; B first response met, resolution breached; C first response breached, resolution
    // still running (120 h) → 2 breached of 5; escalated B and C, re-escalated B → 1/2.
    const okrs = await advisor.kpi(await kpiFile('okrs-escalation.json'), '2026-04-07');
    expect(okrs.bindings.map((r) => [r.metric, r.status, r.value])).toEqual([
      ['mttr', 'resolved', 14],
      ['sla_breach_rate', 'resolved', 40],
      ['re_escalation_rate', 'resolved', 50],
    ]);
    expect(okrs.bindings[1]!.detail).toContain('2 breached of 5 completed SLA cycles');
    // The resolved values replace the stated ones (28 h, 18 %, 8 %) as the key results' current values.
    expect(okrs.okrs!.objectives[0]!.keyResults.map((k) => k.current)).toEqual([14, 40, 50]);

    // A KPI in minutes gets minutes; a ratio-unit KPI gets the ratio; first response resolves too.
    const kpis = [
      { id: 'mttr-min', name: 'Support MTTR', unit: 'minutes', baseline: 900, target: 600, binding: { source: 'escalation', metric: 'mttr' } },
      { id: 'frt', name: 'First response', unit: 'hours', baseline: 3, target: 1, binding: { source: 'escalation', metric: 'first_response' } },
      { id: 'breach', name: 'Breach ratio', unit: 'ratio', baseline: 0.5, target: 0.2, binding: { source: 'escalation', metric: 'sla_breach_rate' } },
      { id: 'nope', name: 'Unknown', unit: 'x', baseline: 1, target: 2, binding: { source: 'escalation', metric: 'csat' } },
    ];
    const out = await advisor.kpi(kpis, '2026-04-07');
    expect(out.bindings.map((r) => [r.metric, r.status, r.value])).toEqual([
      ['mttr', 'resolved', 840],
      ['first_response', 'resolved', 1],
      ['sla_breach_rate', 'resolved', 0.4],
      ['csat', 'not yet resolvable', null],
    ]);
    expect(out.bindings[3]!.detail).toContain('no metric "csat"');
  });
});
