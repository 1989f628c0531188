// support_agents.open_load (migration 0016, kept by a trigger on tickets) always equals the count of the
// agent's open tickets (new, open, pending, on_hold), whatever mix of inserts, re-assignments, status changes,
// deletes and multi-row updates ran — and the routing roster reads it as the agent's load. Both drivers.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { listSupportAgents } from '../../src/store/support-agent-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const AGENTS = ['ag-1', 'ag-2', 'ag-3'];
const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
const agentOrNull = fc.constantFrom<string | null>(null, ...AGENTS);
const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), assignee: agentOrNull, status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('assign' as const), ticket: fc.nat(30), assignee: agentOrNull }),
  fc.record({ kind: fc.constant('status' as const), ticket: fc.nat(30), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('both' as const), ticket: fc.nat(30), assignee: agentOrNull, status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('subject' as const), ticket: fc.nat(30) }),
  fc.record({ kind: fc.constant('delete' as const), ticket: fc.nat(30) }),
  fc.record({ kind: fc.constant('closeAllOf' as const), assignee: fc.constantFrom(...AGENTS) }),
);

describe.each(DRIVERS)('open_load (%s)', (driver) => {
  let db: Db;
  let seq = 0;
  beforeAll(async () => {
    db = await openTestDb(driver);
    for (const id of AGENTS)
      await db.query(`INSERT INTO support_agents (id, name, tier, status, created_at, updated_at) VALUES ($1, $1, 'L1', 'online', now(), now())`, [id]);
  });
  afterAll(async () => db?.close());

  const ticketId = (n: number) => `OL-${n}`;
  async function apply(o: Record<string, unknown> & { kind: string }): Promise<void> {
    const t = ticketId(Number(o.ticket ?? 0));
    switch (o.kind) {
      case 'insert': {
        seq++;
        await db.query(
          `INSERT INTO tickets (id, seq, source, subject, requester, priority, status, tier, assignee_id, created_at, updated_at)
           VALUES ($1, $2, 'api', 's', 'r', 'normal', $3, 'L1', $4, now(), now()) ON CONFLICT (id) DO NOTHING`,
          [ticketId(seq % 31), 1_000_000 + seq, o.status as string, o.assignee as string | null],
        );
        return;
      }
      case 'assign':
        await db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [t, o.assignee as string | null]);
        return;
      case 'status':
        await db.query('UPDATE tickets SET status = $2 WHERE id = $1', [t, o.status as string]);
        return;
      case 'both':
        await db.query('UPDATE tickets SET assignee_id = $2, status = $3 WHERE id = $1', [t, o.assignee as string | null, o.status as string]);
        return;
      case 'subject':
        await db.query(`UPDATE tickets SET subject = subject || '.' WHERE id = $1`, [t]);
        return;
      case 'delete':
        await db.query('DELETE FROM tickets WHERE id = $1', [t]);
        return;
      case 'closeAllOf':
        await db.query(`UPDATE tickets SET status = 'closed' WHERE assignee_id = $1`, [o.assignee as string]);
        return;
    }
  }

  it('equals the count of open tickets after any sequence of writes, and is the roster load', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const o of ops) await apply(o);
        const rows = await db.query<{ id: string; stored: number; counted: number }>(
          `SELECT a.id, a.open_load AS stored,
             (SELECT count(*)::int FROM tickets t WHERE t.assignee_id = a.id AND t.status IN ('new', 'open', 'pending', 'on_hold')) AS counted
           FROM support_agents a ORDER BY a.id`,
        );
        for (const r of rows) expect({ id: r.id, load: Number(r.stored) }).toEqual({ id: r.id, load: Number(r.counted) });
        const roster = await listSupportAgents(db);
        for (const r of rows) expect(roster.find((a) => a.id === r.id)?.load).toBe(Number(r.counted));
      }),
      { numRuns: 12 },
    );
  });
});
