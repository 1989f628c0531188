// Imported history as ticket facts. A CSV row has counts, not a timeline, so a row with both an
// escalation and a reopen counts as reopened after escalation (the export cannot tell the order).
import type { HistoryRow } from './history-csv';
import { slaCyclesFor, type SlaTargets } from './sla-cycles';
import type { TicketFacts } from './ticket-figures';

export function historyRowFacts(row: Omit<HistoryRow, 'line'>, targets: SlaTargets, at: number): TicketFacts {
  return {
    priority: row.priority,
    createdAt: row.createdAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    escalationCount: row.escalationCount,
    reopenCount: row.reopenCount,
    reopenedAfterEscalation: row.escalationCount >= 1 && row.reopenCount >= 1,
    slaCycles: slaCyclesFor(row, targets, at),
  };
}
