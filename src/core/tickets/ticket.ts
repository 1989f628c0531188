// The ticket as the product stores and shows it (times as ISO strings), with the input schemas
// of the REST API: create, update, status change, comment, assign, escalate.
import { z } from 'zod';
import { PRIORITIES, TIERS } from '../routing/types';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_SOURCES = ['api', 'zendesk', 'jira', 'import'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const prioritySchema = z.enum(PRIORITIES);
export const tierSchema = z.enum(TIERS);
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const skillNameSchema = z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N}_. -]+$/u, 'letters, digits, space, dot, dash or underscore');

export const requiredSkillSchema = z.strictObject({
  skill: skillNameSchema,
  mandatory: z.boolean().default(false),
  weight: z.number().min(0).max(100).default(1),
});

export interface TicketRequiredSkill {
  skill: string;
  mandatory: boolean;
  weight: number;
}

export interface Ticket {
  id: string;
  seq: number;
  source: TicketSource;
  externalId: string | null;
  subject: string;
  description: string;
  requester: string;
  clientId: string | null;
  priority: z.infer<typeof prioritySchema>;
  status: TicketStatus;
  tier: z.infer<typeof tierSchema>;
  requiredSkills: TicketRequiredSkill[];
  assigneeId: string | null;
  /** set while the ticket waits for an agent with capacity */
  queuedAt: string | null;
  /** the SLA deadline that orders the queue (set by the SLA monitor); null = none */
  slaDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  escalationCount: number;
  reopenCount: number;
  reopenedAfterEscalation: boolean;
  slaPolicyId: string | null;
  slaPolicyVersion: number | null;
  version: number;
}

export interface TicketComment {
  ticketId: string;
  seq: number;
  author: string;
  public: boolean;
  body: string;
  createdAt: string;
}

export const createTicketInput = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(50_000).default(''),
  requester: z.string().trim().min(1).max(200).default('unknown'),
  clientId: z.string().trim().min(1).max(100).nullable().default(null),
  priority: prioritySchema.default('normal'),
  tier: tierSchema.default('L1'),
  requiredSkills: z.array(requiredSkillSchema).max(20).default([]),
  externalId: z.string().trim().min(1).max(200).nullable().default(null),
});
export type CreateTicketInput = z.infer<typeof createTicketInput>;

export const updateTicketInput = z
  .strictObject({
    subject: z.string().trim().min(1).max(300).optional(),
    description: z.string().max(50_000).optional(),
    requester: z.string().trim().min(1).max(200).optional(),
    clientId: z.string().trim().min(1).max(100).nullable().optional(),
    priority: prioritySchema.optional(),
    requiredSkills: z.array(requiredSkillSchema).max(20).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');
export type UpdateTicketInput = z.infer<typeof updateTicketInput>;

export const changeStatusInput = z.strictObject({ status: ticketStatusSchema });
export const commentInput = z.strictObject({
  body: z.string().trim().min(1).max(50_000),
  public: z.boolean().default(true),
  /** who wrote it; defaults to the caller. A support agent id marks an agent reply (first response). */
  author: z.string().trim().min(1).max(200).optional(),
});
export const assignInput = z.strictObject({ agentId: z.string().trim().min(1).max(100).nullable(), reason: z.string().trim().max(500).optional() });
export const escalateInput = z.strictObject({ reason: z.string().trim().min(1).max(500), toTier: tierSchema.optional() });
