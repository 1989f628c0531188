// Escalation to a tier nobody can take: the recorded decision says the ticket queued because that tier
// has no eligible agent (naming the tier) and which rule excluded each candidate, on both drivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { readEvents } from '../../src/store/events-repo';
import { TicketService, SupportAgentService } from '../../src/engine/ticket-runtime';
import { DRIVERS, openTestDb } from '../helpers/databases';

const clock = { now: () => new Date('2026-06-03T10:00:00.000Z') };

describe.each(DRIVERS)('queued decision reason on %s', (driver) => {
  let db: Db;
  let tickets: TicketService;
  let agents: SupportAgentService;

  beforeAll(async () => {
    db = await openTestDb(driver);
    tickets = new TicketService(db, clock);
    agents = new SupportAgentService(db, tickets, clock, 'cli');
    await agents.create({ id: 'l1-ana', name: 'Ana', tier: 'L1', status: 'online', maxConcurrent: 5, skills: [{ skill: 'billing', level: 3 }] }, 'test');
    // Tier L2 exists but nobody there can take a billing ticket, each for a different rule.
    await agents.create({ id: 'l2-off', name: 'Off', tier: 'L2', status: 'offline', skills: [{ skill: 'billing', level: 3 }] }, 'test');
    await agents.create({ id: 'l2-full', name: 'Full', tier: 'L2', status: 'online', maxConcurrent: 0, skills: [{ skill: 'billing', level: 3 }] }, 'test');
    await agents.create({ id: 'l2-noskill', name: 'No skill', tier: 'L2', status: 'online', maxConcurrent: 5, skills: [{ skill: 'sql', level: 2 }] }, 'test');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('escalating to an empty tier: queued because tier L3 has no eligible agent, not "no support agents exist" alone', async () => {
    const t = await tickets.create({ subject: 'Database down' }, 'test');
    expect(t.assigneeId).toBe('l1-ana');
    const after = await tickets.escalate(t.id, { reason: 'needs L3', actor: 'test', toTier: 'L3' });
    expect(after.tier).toBe('L3');
    expect(after.assigneeId).toBeNull();
    expect(after.queuedAt).not.toBeNull();
    const latest = (await tickets.detail(t.id)).routing[0];
    expect(latest?.chosenAgentId).toBeNull();
    expect(latest?.reason).toBe('queued: tier L3 has no eligible agent (no support agents exist in tier L3); the ticket waits in the queue');
  });

  it('escalating to a tier whose agents are all excluded: names each candidate and the rule that excluded it', async () => {
    const t = await tickets.create({ subject: 'Billing export broken', requiredSkills: [{ skill: 'billing', mandatory: true, weight: 1 }] }, 'test');
    const before = Number((await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events'))[0]?.id ?? 0);
    await tickets.escalate(t.id, { reason: 'customer is angry', actor: 'test' });
    const latest = (await tickets.detail(t.id)).routing[0];
    expect(latest?.chosenAgentId).toBeNull();
    const reason = latest?.reason ?? '';
    expect(reason, reason).toMatch(/^queued: tier L2 has no eligible agent \(.*\); the ticket waits in the queue\. Excluded: /);
    expect(reason).toContain('1 offline');
    expect(reason).toContain('1 at capacity');
    expect(reason).toContain('1 lacking a mandatory skill');
    expect(reason).toContain('l2-off: agent is offline');
    expect(reason).toContain('l2-full: at capacity (0 of 0)');
    expect(reason).toContain('l2-noskill: lacks mandatory skill billing');
    expect(reason).not.toContain('l1-ana'); // only the new tier's agents were candidates
    // The routing.decided event and the ticket.queued event carry the same reason.
    const events = await readEvents(db, { after: before, limit: 100 });
    expect(events.find((e) => e.topic === 'routing.decided')?.payload).toMatchObject({ chosen: null, reason });
    expect(events.find((e) => e.topic === 'ticket.queued')?.payload).toMatchObject({ ticketId: t.id, tier: 'L2', reason });
  });
});
