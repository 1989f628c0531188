// Live ticket facts for metrics, read from the escalation runtime's tickets table and, when the SLA
// Monitor's clocks exist, their met/breached cycles. Either table may not exist yet on a given store.
import type { Priority } from '../core/metrics';
import type { Queryable } from './db';

export interface LiveTicketRow {
  priority: Priority;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  escalationCount: number;
  reopenCount: number;
  reopenedAfterEscalation: boolean;
  /** From the SLA clocks; null when the ticket has none (or there is no clock table). */
  slaCycles: { completed: number; breached: number } | null;
}

async function tableExists(db: Queryable, name: string): Promise<boolean> {
  const rows = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]);
  return rows[0]?.t != null;
}

interface Row {
  priority: Priority;
  created_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  escalation_count: number;
  reopen_count: number;
  reopened_after_escalation: boolean;
  completed: string | number | null;
  breached: string | number | null;
}

export async function readLiveTickets(db: Queryable, start: Date | null, end: Date | null): Promise<{ tickets: LiveTicketRow[]; hasTickets: boolean; hasSlaClocks: boolean }> {
  const hasTickets = await tableExists(db, 'tickets');
  if (!hasTickets) return { tickets: [], hasTickets, hasSlaClocks: false };
  const hasSlaClocks = await tableExists(db, 'sla_clocks');
  // A clock cycle is complete once met or breached; one still running is not counted either way.
  const sla = hasSlaClocks
    ? `LEFT JOIN (SELECT ticket_id, count(*) FILTER (WHERE met_at IS NOT NULL OR breached) AS completed, count(*) FILTER (WHERE breached) AS breached
                    FROM sla_clocks GROUP BY ticket_id) c ON c.ticket_id = t.id`
    : '';
  const rows = await db.query<Row>(
    `SELECT t.priority, t.created_at, t.first_response_at, t.resolved_at, t.escalation_count, t.reopen_count, t.reopened_after_escalation,
            ${hasSlaClocks ? 'c.completed, c.breached' : 'NULL AS completed, NULL AS breached'}
       FROM tickets t ${sla}
      WHERE ($1::timestamptz IS NULL OR t.created_at >= $1) AND ($2::timestamptz IS NULL OR t.created_at < $2)`,
    [start, end],
  );
  return {
    hasTickets,
    hasSlaClocks,
    tickets: rows.map((r) => ({
      priority: r.priority,
      createdAt: r.created_at.getTime(),
      firstResponseAt: r.first_response_at?.getTime() ?? null,
      resolvedAt: r.resolved_at?.getTime() ?? null,
      escalationCount: Number(r.escalation_count),
      reopenCount: Number(r.reopen_count),
      reopenedAfterEscalation: Boolean(r.reopened_after_escalation),
      slaCycles: r.completed === null ? null : { completed: Number(r.completed), breached: Number(r.breached) },
    })),
  };
}
