// MTTR, time to first response, SLA breach rate and re-escalation rate over a set of ticket facts,
// overall and per priority. One function for live tickets, imported history and simulation runs.
import { PRIORITIES, type Priority } from './definitions';
import { summarize, type Summary } from './summary-stats';

const HOUR_MS = 3_600_000;

/** What the metrics need to know about one ticket; times are epoch milliseconds. */
export interface TicketFacts {
  priority: Priority;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  escalationCount: number;
  reopenCount: number;
  reopenedAfterEscalation: boolean;
  /** The ticket's SLA cycles that completed (met or breached); null when nobody measured SLAs for it. */
  slaCycles: { completed: number; breached: number } | null;
}

export interface Figures {
  tickets: number;
  resolved: number;
  mttrHours: Summary;
  firstResponseHours: Summary;
  slaCyclesCompleted: number;
  slaCyclesBreached: number;
  /** null when no SLA cycle completed: a rate of nothing is unknown, not zero. */
  slaBreachRate: number | null;
  escalated: number;
  reEscalated: number;
  reEscalationRate: number | null;
}

export interface FiguresByPriority {
  all: Figures;
  byPriority: Record<Priority, Figures>;
}

export interface Window {
  start: number | null;
  end: number | null;
}

/** A ticket belongs to the window it was created in: [start, end). */
export function inWindow(t: Pick<TicketFacts, 'createdAt'>, w: Window): boolean {
  return (w.start === null || t.createdAt >= w.start) && (w.end === null || t.createdAt < w.end);
}

export function isReEscalated(t: TicketFacts): boolean {
  return t.escalationCount > 1 || (t.escalationCount >= 1 && t.reopenedAfterEscalation);
}

export function computeFigures(tickets: readonly TicketFacts[]): Figures {
  const mttr: number[] = [];
  const frt: number[] = [];
  let completed = 0;
  let breached = 0;
  let escalated = 0;
  let reEscalated = 0;
  for (const t of tickets) {
    if (t.resolvedAt !== null) mttr.push((t.resolvedAt - t.createdAt) / HOUR_MS);
    if (t.firstResponseAt !== null) frt.push((t.firstResponseAt - t.createdAt) / HOUR_MS);
    if (t.slaCycles) {
      completed += t.slaCycles.completed;
      breached += t.slaCycles.breached;
    }
    if (t.escalationCount >= 1) {
      escalated += 1;
      if (isReEscalated(t)) reEscalated += 1;
    }
  }
  return {
    tickets: tickets.length,
    resolved: mttr.length,
    mttrHours: summarize(mttr),
    firstResponseHours: summarize(frt),
    slaCyclesCompleted: completed,
    slaCyclesBreached: breached,
    slaBreachRate: completed === 0 ? null : breached / completed,
    escalated,
    reEscalated,
    reEscalationRate: escalated === 0 ? null : reEscalated / escalated,
  };
}

export function computeFiguresByPriority(tickets: readonly TicketFacts[], window: Window = { start: null, end: null }): FiguresByPriority {
  const inside = tickets.filter((t) => inWindow(t, window));
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, computeFigures(inside.filter((t) => t.priority === p))])) as Record<Priority, Figures>;
  return { all: computeFigures(inside), byPriority };
}
