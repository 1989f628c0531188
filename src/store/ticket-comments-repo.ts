// The comments of a ticket, numbered per ticket.
import type { TicketComment } from '../core/tickets/ticket';
import type { Queryable } from './db';

interface Row {
  ticket_id: string;
  seq: number;
  author: string;
  public: boolean;
  body: string;
  created_at: Date;
}

const toComment = (r: Row): TicketComment => ({ ticketId: r.ticket_id, seq: r.seq, author: r.author, public: r.public, body: r.body, createdAt: r.created_at.toISOString() });

export async function insertComment(tx: Queryable, c: { ticketId: string; author: string; public: boolean; body: string }, now: Date): Promise<TicketComment> {
  const rows = await tx.query<Row>(
    `INSERT INTO ticket_comments (ticket_id, seq, author, public, body, created_at)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5 FROM ticket_comments WHERE ticket_id = $1
     RETURNING ticket_id, seq, author, public, body, created_at`,
    [c.ticketId, c.author, c.public, c.body, now],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toComment(row);
}

export async function listComments(db: Queryable, ticketId: string): Promise<TicketComment[]> {
  const rows = await db.query<Row>('SELECT ticket_id, seq, author, public, body, created_at FROM ticket_comments WHERE ticket_id = $1 ORDER BY seq', [ticketId]);
  return rows.map(toComment);
}
