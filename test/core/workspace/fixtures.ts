// Shared test data for the workspace core: a workspace assigned to a team, checklist items,
// and the seed-000 figures (MTTR 48 h → 28 h, breach 35 % → 18 %, re-escalation 22 % → 8 %).
import { assign } from '../../../src/core/workspace/transition';
import type { Figures, Snapshot, Workspace } from '../../../src/core/workspace/workspace-schema';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
export const DAY = 86_400_000;

export const ITEMS = [
  { id: 'IMP-001', summary: 'Design the Smart Router', suggestedOwner: 'Support engineering', effortPersonWeeks: 1 },
  { id: 'IMP-002', summary: 'Implement the Smart Router', suggestedOwner: 'Support engineering', effortPersonWeeks: 2 },
  { id: 'IMP-003', summary: 'Design the SLA Monitor', suggestedOwner: 'Support operations', effortPersonWeeks: 1 },
];

export function figures(mttr: number, breach: number, reesc: number, tickets = 400): Figures {
  const p = (k: number) => ({ tickets: Math.round(tickets * k), mttrHours: mttr * (k > 0.3 ? 1 : 1.5), firstResponseHours: mttr / 8, slaBreachRate: breach, reEscalationRate: reesc });
  return { overall: { tickets, mttrHours: mttr, firstResponseHours: mttr / 8, slaBreachRate: breach, reEscalationRate: reesc }, byPriority: { urgent: p(0.1), high: p(0.4), normal: p(0.5) } };
}

export const BEFORE = figures(48, 0.35, 0.22);
export const AFTER = figures(28, 0.18, 0.08);

export function snapshot(f: Figures, at: number, id: string | null = null): Snapshot {
  return { snapshotId: id, source: id ? 'live' : 'manual', windowStart: null, windowEnd: null, figures: f, capturedAt: new Date(at).toISOString() };
}

export function newWorkspace(client: Workspace['client'] = null): Workspace {
  return assign(
    { id: 'ws_test', team: 'Tier 2 support', owner: 'Dana Manager', pattern: { slug: 'support-ticket-escalation-backlog', version: 1, title: 'Support Ticket Escalation Backlog' }, client },
    { now: T0, actor: 'dana' },
  ).workspace;
}
