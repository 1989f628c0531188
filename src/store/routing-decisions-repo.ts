// Every routing decision with its candidates, kept for the ticket view and for audits of the router.
import type { RoutingCandidate, RoutingStrategy } from '../core/routing/types';
import type { Queryable } from './db';

export type RoutingMode = 'production' | 'shadow';

export interface RoutingDecisionRecord {
  id: number;
  ticketId: string;
  strategy: RoutingStrategy;
  mode: RoutingMode;
  candidates: RoutingCandidate[];
  chosenAgentId: string | null;
  reason: string;
  decidedAt: string;
}

interface Row {
  id: string | number;
  ticket_id: string;
  strategy: RoutingStrategy;
  mode: RoutingMode;
  candidates: RoutingCandidate[];
  chosen_agent_id: string | null;
  reason: string;
  decided_at: Date;
}

const toRecord = (r: Row): RoutingDecisionRecord => ({
  id: Number(r.id),
  ticketId: r.ticket_id,
  strategy: r.strategy,
  mode: r.mode,
  candidates: r.candidates,
  chosenAgentId: r.chosen_agent_id,
  reason: r.reason,
  decidedAt: r.decided_at.toISOString(),
});

export async function insertRoutingDecision(tx: Queryable, d: Omit<RoutingDecisionRecord, 'id' | 'decidedAt'>, now: Date): Promise<RoutingDecisionRecord> {
  const rows = await tx.query<Row>(
    `INSERT INTO routing_decisions (ticket_id, strategy, mode, candidates, chosen_agent_id, reason, decided_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)
     RETURNING id, ticket_id, strategy, mode, candidates, chosen_agent_id, reason, decided_at`,
    [d.ticketId, d.strategy, d.mode, JSON.stringify(d.candidates), d.chosenAgentId, d.reason, now],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toRecord(row);
}

export async function listRoutingDecisions(db: Queryable, ticketId: string, limit = 50): Promise<RoutingDecisionRecord[]> {
  const rows = await db.query<Row>(
    'SELECT id, ticket_id, strategy, mode, candidates, chosen_agent_id, reason, decided_at FROM routing_decisions WHERE ticket_id = $1 ORDER BY id DESC LIMIT $2',
    [ticketId, limit],
  );
  return rows.map(toRecord);
}
