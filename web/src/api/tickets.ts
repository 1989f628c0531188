// Typed client for support tickets (issue 6): list with filters, create, detail with comments and the
// Smart Router's decisions explained, status, comments, escalation, and the queue waiting for capacity.
import { z } from 'zod/mini';
import { api, type ApiClient } from './client';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const TICKET_TIERS = ['L1', 'L2', 'L3'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketTier = (typeof TICKET_TIERS)[number];

// Loose objects: fields the server adds later must not break an older portal.
export const ticketSchema = z.looseObject({
  id: z.string(),
  seq: z.number(),
  source: z.string(),
  subject: z.string(),
  description: z.string(),
  requester: z.string(),
  clientId: z.nullable(z.string()),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  tier: z.enum(TICKET_TIERS),
  requiredSkills: z.array(z.object({ skill: z.string(), mandatory: z.boolean(), weight: z.number() })),
  assigneeId: z.nullable(z.string()),
  queuedAt: z.nullable(z.string()),
  slaDueAt: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstResponseAt: z.nullable(z.string()),
  resolvedAt: z.nullable(z.string()),
  escalationCount: z.number(),
  reopenCount: z.number(),
  version: z.number(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const routingCandidateSchema = z.looseObject({
  agentId: z.string(),
  load: z.number(),
  max: z.number(),
  spare: z.number(),
  score: z.number(),
  eligible: z.boolean(),
  reason: z.string(),
});
export type RoutingCandidate = z.infer<typeof routingCandidateSchema>;

export const routingDecisionSchema = z.looseObject({
  id: z.number(),
  ticketId: z.string(),
  strategy: z.string(),
  mode: z.string(),
  candidates: z.array(routingCandidateSchema),
  chosenAgentId: z.nullable(z.string()),
  reason: z.string(),
  decidedAt: z.string(),
});
export type RoutingDecision = z.infer<typeof routingDecisionSchema>;

export const ticketCommentSchema = z.looseObject({
  ticketId: z.string(),
  seq: z.number(),
  author: z.string(),
  public: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
});
export type TicketComment = z.infer<typeof ticketCommentSchema>;

const listSchema = z.object({ items: z.array(ticketSchema) });
const detailSchema = z.object({ ticket: ticketSchema, comments: z.array(ticketCommentSchema), routing: z.array(routingDecisionSchema) });
export type TicketDetail = z.infer<typeof detailSchema>;
const routingListSchema = z.object({ items: z.array(routingDecisionSchema) });
const commentedSchema = z.object({ ticket: ticketSchema, comment: ticketCommentSchema });

export interface TicketQuery {
  status?: TicketStatus;
  priority?: TicketPriority;
  assignee?: string;
  client?: string;
  /** true: only tickets waiting for capacity; false: only those not waiting. */
  queued?: boolean;
  limit?: number;
  before?: number;
}

export interface CreateTicket {
  subject: string;
  description?: string;
  requester?: string;
  clientId?: string | null;
  priority?: TicketPriority;
  tier?: TicketTier;
  requiredSkills?: { skill: string; mandatory: boolean; weight: number }[];
}

const path = (id: string, rest = '') => `/api/tickets/${encodeURIComponent(id)}${rest}`;
const withSignal = (signal?: AbortSignal) => (signal === undefined ? {} : { signal });

export function ticketApi(client: ApiClient = api) {
  return {
    list: (query: TicketQuery = {}, signal?: AbortSignal) =>
      client.request('/api/tickets', { query: { ...query, queued: query.queued === undefined ? undefined : String(query.queued) }, schema: listSchema, ...withSignal(signal) }),
    create: (input: CreateTicket) => client.request('/api/tickets', { method: 'POST', body: input, schema: ticketSchema }),
    detail: (id: string, signal?: AbortSignal) => client.request(path(id), { schema: detailSchema, ...withSignal(signal) }),
    routing: (id: string, signal?: AbortSignal) => client.request(path(id, '/routing'), { schema: routingListSchema, ...withSignal(signal) }),
    setStatus: (id: string, status: TicketStatus) => client.request(path(id, '/status'), { method: 'POST', body: { status }, schema: ticketSchema }),
    comment: (id: string, input: { body: string; public: boolean }) => client.request(path(id, '/comments'), { method: 'POST', body: input, schema: commentedSchema }),
    escalate: (id: string, input: { reason: string; toTier?: TicketTier }) => client.request(path(id, '/escalate'), { method: 'POST', body: input, schema: ticketSchema }),
    reroute: (id: string, reason: string) => client.request(path(id, '/routing'), { method: 'POST', body: { reason }, schema: ticketSchema }),
    queue: (limit?: number, signal?: AbortSignal) => client.request('/api/routing/queue', { query: { limit }, schema: listSchema, ...withSignal(signal) }),
  };
}

export const tickets = ticketApi();
