// Zendesk- and Jira-shaped webhook payloads mapped to our ticket input (priority, status, tier, skills).
// Labels/tags `skill:<name>` (or skill_<name>) become weighted skills, `tier:l2` / `tier_l2` the tier.
import { z } from 'zod';
import type { Priority, Tier } from '../routing/types';
import type { TicketStatus } from './ticket';

const idSchema = z.union([z.string().trim().min(1).max(200), z.number().int()]).transform(String);
const person = z.union([z.string().max(200), z.looseObject({ email: z.string().max(200).optional(), name: z.string().max(200).optional() })]).optional();

export const zendeskPayload = z.looseObject({
  ticket: z.looseObject({
    id: idSchema,
    subject: z.string().trim().min(1).max(300),
    description: z.string().max(50_000).optional(),
    priority: z.enum(['urgent', 'high', 'normal', 'low']).nullable().optional(),
    status: z.enum(['new', 'open', 'pending', 'hold', 'on_hold', 'solved', 'closed']).optional(),
    requester: person,
    organization_id: idSchema.nullable().optional(),
    tags: z.array(z.string().max(100)).max(100).optional(),
  }),
});
export type ZendeskPayload = z.infer<typeof zendeskPayload>;

export const jiraPayload = z.looseObject({
  webhookEvent: z.string().max(100).optional(),
  issue: z.looseObject({
    key: z.string().trim().min(1).max(100),
    fields: z.looseObject({
      summary: z.string().trim().min(1).max(300),
      description: z.string().max(50_000).nullable().optional(),
      priority: z.looseObject({ name: z.string() }).nullable().optional(),
      status: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }).optional() }).nullable().optional(),
      reporter: z.looseObject({ emailAddress: z.string().optional(), displayName: z.string().optional() }).nullable().optional(),
      labels: z.array(z.string().max(100)).max(100).optional(),
      project: z.looseObject({ key: z.string() }).optional(),
    }),
  }),
});
export type JiraPayload = z.infer<typeof jiraPayload>;

export interface MappedTicket {
  input: {
    externalId: string;
    subject: string;
    description: string;
    requester: string;
    clientId: string | null;
    priority: Priority;
    tier: Tier;
    requiredSkills: { skill: string; mandatory: boolean; weight: number }[];
  };
  status: TicketStatus | null;
}

const JIRA_PRIORITY: Record<string, Priority> = { highest: 'urgent', high: 'high', medium: 'normal', low: 'low', lowest: 'low' };

function labels(tags: ReadonlyArray<string>): { tier: Tier; skills: MappedTicket['input']['requiredSkills'] } {
  let tier: Tier = 'L1';
  const skills: MappedTicket['input']['requiredSkills'] = [];
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase();
    const t = /^tier[:_](l[123])$/.exec(tag);
    if (t?.[1]) tier = t[1].toUpperCase() as Tier;
    const s = /^skill[:_]([\p{L}\p{N}_.-]{1,60})$/u.exec(tag);
    if (s?.[1] && !skills.some((x) => x.skill === s[1])) skills.push({ skill: s[1], mandatory: false, weight: 1 });
  }
  return { tier, skills };
}

export function mapZendesk(p: ZendeskPayload): MappedTicket {
  const t = p.ticket;
  const requester = typeof t.requester === 'string' ? t.requester : (t.requester?.email ?? t.requester?.name ?? 'unknown');
  const { tier, skills } = labels(t.tags ?? []);
  const status: TicketStatus | null = t.status === undefined ? null : t.status === 'hold' ? 'on_hold' : t.status;
  return {
    input: { externalId: t.id, subject: t.subject, description: t.description ?? '', requester: requester || 'unknown', clientId: t.organization_id ?? null, priority: t.priority ?? 'normal', tier, requiredSkills: skills },
    status,
  };
}

function jiraStatus(s: NonNullable<JiraPayload['issue']['fields']['status']>): TicketStatus {
  const name = s.name.toLowerCase();
  if (name.includes('waiting for customer') || name.includes('pending')) return 'pending';
  if (name.includes('hold')) return 'on_hold';
  if (name === 'closed') return 'closed';
  if (name.includes('resolved') || name === 'done' || s.statusCategory?.key === 'done') return 'solved';
  if (s.statusCategory?.key === 'new' || name === 'to do' || name === 'new') return 'new';
  return 'open';
}

export function mapJira(p: JiraPayload): MappedTicket {
  const f = p.issue.fields;
  const { tier, skills } = labels(f.labels ?? []);
  return {
    input: {
      externalId: p.issue.key,
      subject: f.summary,
      description: f.description ?? '',
      requester: f.reporter?.emailAddress ?? f.reporter?.displayName ?? 'unknown',
      clientId: f.project?.key ?? null,
      priority: JIRA_PRIORITY[(f.priority?.name ?? 'medium').toLowerCase()] ?? 'normal',
      tier,
      requiredSkills: skills,
    },
    status: f.status ? jiraStatus(f.status) : null,
  };
}
