// Tickets, support agents and the Smart Router on both drivers: routing on create, queueing (not an error),
// queue drained in order when capacity frees, re-route when an agent goes offline or idles, shadow mode,
// observers committed in the change's own transaction, response/resolution/reopen bookkeeping, escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/shared/error-codes';
import type { Db } from '../../src/store/db';
import { readEvents } from '../../src/store/events-repo';
import { TicketService, SupportAgentService, EscalationModeService } from '../../src/engine/ticket-runtime';
import type { TicketObserver } from '../../src/engine/ticket-observers';
import { DRIVERS, openTestDb } from '../helpers/databases';

let nowMs = Date.parse('2026-06-03T10:00:00.000Z');
const clock = { now: () => new Date(nowMs) };
let skillNo = 0;
/** Each test works with its own mandatory skill, so agents and tickets of other tests never qualify. */
const freshSkill = () => `skill-${++skillNo}`;

async function topicsSince(db: Db, after: number): Promise<string[]> {
  return (await readEvents(db, { after, limit: 1000 })).map((e) => e.topic);
}
async function lastId(db: Db): Promise<number> {
  return Number((await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events'))[0]?.id ?? 0);
}

describe.each(DRIVERS)('tickets and routing on %s', (driver) => {
  let db: Db;
  let tickets: TicketService;
  let agents: SupportAgentService;
  let mode: EscalationModeService;
  const seen: string[] = [];
  let failObserver = false;
  const observer: TicketObserver = {
    name: 'test-observer',
    async onTicketChange(q, change) {
      if (failObserver) throw new Error('observer failed');
      // Reads through the same transaction: sees the change before it commits.
      const rows = await q.query<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [change.after.id]);
      seen.push(`${change.kind}:${change.after.id}:${rows[0]?.status}`);
      return [{ topic: 'test.observed', key: change.after.id, payload: { kind: change.kind, reply: change.publicAgentReply } }];
    },
  };

  beforeAll(async () => {
    db = await openTestDb(driver);
    tickets = new TicketService(db, clock);
    tickets.addObserver(observer);
    agents = new SupportAgentService(db, tickets, clock, 'cli');
    mode = new EscalationModeService(db, tickets);
  });
  afterAll(async () => {
    await db?.close();
  });

  const ticketFor = (skill: string, over: Record<string, unknown> = {}) => ({ subject: 'Printer on fire', requiredSkills: [{ skill, mandatory: true, weight: 1 }], ...over });

  it('routes a new ticket to the agent with most spare capacity and records the explained decision', async () => {
    const s = freshSkill();
    await agents.create({ id: `busy-${s}`, name: 'Busy', status: 'online', maxConcurrent: 3, skills: [{ skill: s, level: 3 }] }, 'test');
    await agents.create({ id: `free-${s}`, name: 'Free', status: 'online', maxConcurrent: 3, skills: [{ skill: s, level: 3 }] }, 'test');
    const first = await tickets.create(ticketFor(s), 'test');
    const firstAgent = first.assigneeId;
    const second = await tickets.create(ticketFor(s), 'test');
    expect(firstAgent).not.toBeNull();
    expect(second.assigneeId).not.toBe(firstAgent); // the other one now has more spare
    expect(second.status).toBe('open');
    const detail = await tickets.detail(second.id);
    expect(detail.routing[0]?.chosenAgentId).toBe(second.assigneeId);
    expect(detail.routing[0]?.mode).toBe('production');
    const chosen = detail.routing[0]?.candidates.find((c) => c.agentId === second.assigneeId);
    expect(chosen).toMatchObject({ eligible: true, load: 0, spare: 3 });
    const events = await readEvents(db, { key: second.id, limit: 50 });
    expect(events.map((e) => e.topic)).toEqual(expect.arrayContaining(['ticket.created', 'routing.decided', 'ticket.assigned', 'test.observed']));
    expect(events.find((e) => e.topic === 'routing.decided')?.payload).toMatchObject({ chosen: second.assigneeId, strategy: 'spare-capacity', mode: 'production' });
  });

  it('queues when nobody has capacity (not an error), and the solve that frees a slot assigns it in the same change, in queue order', async () => {
    const s = freshSkill();
    const agent = await agents.create({ id: `solo-${s}`, name: 'Solo', status: 'online', maxConcurrent: 1, skills: [{ skill: s, level: 2 }] }, 'test');
    const held = await tickets.create(ticketFor(s), 'test');
    expect(held.assigneeId).toBe(agent.id);
    nowMs += 1000;
    const low = await tickets.create(ticketFor(s, { priority: 'low' }), 'test');
    nowMs += 1000;
    const urgent = await tickets.create(ticketFor(s, { priority: 'urgent' }), 'test');
    expect(low.assigneeId).toBeNull();
    expect(low.queuedAt).not.toBeNull();
    expect((await tickets.queue()).map((t) => t.id).filter((id) => id === low.id || id === urgent.id)).toEqual([urgent.id, low.id]);
    const before = await lastId(db);
    await tickets.changeStatus(held.id, { status: 'solved' }, 'test');
    const after = await readEvents(db, { after: before, limit: 100 });
    // One change: its status event and the assignment of the urgent ticket are consecutive and share a timestamp.
    expect(after.map((e) => `${e.topic}:${e.key}`)).toEqual(expect.arrayContaining([`ticket.status_changed:${held.id}`, `ticket.assigned:${urgent.id}`]));
    expect(new Set(after.map((e) => e.createdAt)).size).toBe(1);
    expect((await tickets.get(urgent.id)).assigneeId).toBe(agent.id);
    expect((await tickets.get(low.id)).queuedAt).not.toBeNull();
    expect((await tickets.get(held.id)).resolvedAt).not.toBeNull();
  });

  it('raising an agent maximum and an agent coming online take queued tickets', async () => {
    const s = freshSkill();
    await agents.create({ id: `cap-${s}`, name: 'Cap', status: 'online', maxConcurrent: 0, skills: [{ skill: s, level: 2 }] }, 'test');
    const q1 = await tickets.create(ticketFor(s), 'test');
    const q2 = await tickets.create(ticketFor(s), 'test');
    expect(q1.queuedAt && q2.queuedAt).toBeTruthy();
    await agents.update(`cap-${s}`, { maxConcurrent: 1 }, 'test');
    expect((await tickets.get(q1.id)).assigneeId).toBe(`cap-${s}`);
    await agents.create({ id: `late-${s}`, name: 'Late', status: 'offline', skills: [{ skill: s, level: 2 }] }, 'test');
    expect((await tickets.get(q2.id)).assigneeId).toBeNull();
    await agents.setStatus(`late-${s}`, { status: 'online' }, 'test');
    expect((await tickets.get(q2.id)).assigneeId).toBe(`late-${s}`);
  });

  it('re-routes the tickets of an agent who goes offline, or who idles beyond the timeout', async () => {
    const s = freshSkill();
    await agents.create({ id: `a-${s}`, name: 'A', status: 'online', skills: [{ skill: s, level: 2 }] }, 'test');
    const t = await tickets.create(ticketFor(s), 'test');
    expect(t.assigneeId).toBe(`a-${s}`);
    await agents.create({ id: `b-${s}`, name: 'B', status: 'online', skills: [{ skill: s, level: 2 }] }, 'test');
    await agents.setStatus(`a-${s}`, { status: 'offline' }, 'test');
    expect((await tickets.get(t.id)).assigneeId).toBe(`b-${s}`);
    const decisions = (await tickets.detail(t.id)).routing;
    expect(decisions[0]?.candidates.find((c) => c.agentId === `a-${s}`)?.reason).toBe('agent is offline');
    // B idles: 31 minutes later the sweep sets B away; nobody else qualifies, so the ticket queues.
    nowMs += 31 * 60_000;
    const swept = await agents.sweep(clock.now());
    expect(swept.idle).toContain(`b-${s}`);
    expect((await agents.get(`b-${s}`)).status).toBe('away');
    const after = await tickets.get(t.id);
    expect(after.assigneeId).toBeNull();
    expect(after.queuedAt).not.toBeNull();
  });

  it('shadow mode records decisions without assigning', async () => {
    const s = freshSkill();
    await agents.create({ id: `sh-${s}`, name: 'Shadow', status: 'online', skills: [{ skill: s, level: 2 }] }, 'test');
    await mode.setMode({ mode: 'shadow' }, 'test');
    try {
      const t = await tickets.create(ticketFor(s), 'test');
      expect(t.assigneeId).toBeNull();
      expect(t.queuedAt).toBeNull();
      const d = (await tickets.detail(t.id)).routing[0];
      expect(d).toMatchObject({ mode: 'shadow', chosenAgentId: `sh-${s}` });
    } finally {
      await mode.setMode({ mode: 'production' }, 'test');
    }
  });

  it('observer events commit with the change; an observer failure rolls the whole change back', async () => {
    const s = freshSkill();
    const t = await tickets.create(ticketFor(s), 'test');
    expect(seen).toContain(`created:${t.id}:new`);
    const before = await lastId(db);
    failObserver = true;
    try {
      await expect(tickets.changeStatus(t.id, { status: 'pending' }, 'test')).rejects.toThrow('observer failed');
    } finally {
      failObserver = false;
    }
    expect((await tickets.get(t.id)).status).toBe('new');
    expect(await topicsSince(db, before)).toEqual([]);
  });

  it('first public agent reply sets first response; solve, reopen after escalation, escalation to the next tier', async () => {
    const s = freshSkill();
    await agents.create({ id: `l1-${s}`, name: 'L1', status: 'online', tier: 'L1', email: `l1-${s}@example.com`, skills: [{ skill: s, level: 2 }] }, 'test');
    await agents.create({ id: `l2-${s}`, name: 'L2', status: 'online', tier: 'L2', skills: [{ skill: s, level: 4 }] }, 'test');
    const t = await tickets.create(ticketFor(s), 'test');
    expect(t.assigneeId).toBe(`l1-${s}`);
    await tickets.comment(t.id, { body: 'internal note', public: false, author: `l1-${s}` }, 'test');
    expect((await tickets.get(t.id)).firstResponseAt).toBeNull();
    await tickets.comment(t.id, { body: 'customer writes', author: 'customer@example.com' }, 'test');
    expect((await tickets.get(t.id)).firstResponseAt).toBeNull();
    nowMs += 60_000;
    const replied = await tickets.comment(t.id, { body: 'On it', author: `l1-${s}@example.com` }, 'test');
    expect(replied.ticket.firstResponseAt).toBe(new Date(nowMs).toISOString());
    expect(seen).toContain(`commented:${t.id}:open`);
    const escalated = await tickets.escalate(t.id, { reason: 'needs L2', actor: 'sla-monitor' });
    expect(escalated).toMatchObject({ tier: 'L2', assigneeId: `l2-${s}`, escalationCount: 1 });
    await tickets.changeStatus(t.id, { status: 'solved' }, 'test');
    const reopened = await tickets.changeStatus(t.id, { status: 'open' }, 'test');
    expect(reopened).toMatchObject({ reopenCount: 1, reopenedAfterEscalation: true, resolvedAt: null });
    const topics = (await readEvents(db, { key: t.id, limit: 100 })).map((e) => e.topic);
    expect(topics).toEqual(expect.arrayContaining(['ticket.escalated', 'ticket.reopened', 'ticket.commented']));
  });

  it('rejects bad input with pointers and unknown ids with 404, storing nothing', async () => {
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets'))[0]?.n;
    const err = (await tickets.create({ subject: '', priority: 'asap' }, 'test').catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('OW_VALIDATION');
    expect(err.errors.map((e) => e.pointer).sort()).toEqual(['/priority', '/subject']);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets'))[0]?.n).toBe(before);
    await expect(tickets.get('T-999999')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(agents.setStatus('nobody', { status: 'online' }, 'test')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    const t = await tickets.create({ subject: 'x' }, 'test');
    await expect(tickets.assign(t.id, { agentId: 'nobody' }, 'test')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await tickets.changeStatus(t.id, { status: 'closed' }, 'test');
    await expect(tickets.changeStatus(t.id, { status: 'open' }, 'test')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
  });
});
