// Input schemas for support agents: tier, skills with levels, capacity override, status and weekly schedule.
import { z } from 'zod';
import { AGENT_STATUSES, TIERS } from './types';
import { isKnownTimeZone, minutesOfDay } from './schedule';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'a time as HH:MM (24:00 ends the day)');
export const scheduleSchema = z.strictObject({
  timeZone: z.string().min(1).refine(isKnownTimeZone, 'an IANA time zone such as Europe/Berlin'),
  hours: z
    .array(z.strictObject({ day: z.number().int().min(0).max(6), start: hhmm, end: hhmm }).refine((h) => minutesOfDay(h.start) < minutesOfDay(h.end), { message: 'start must be before end', path: ['end'] }))
    .max(50),
});

export const agentSkillSchema = z.strictObject({
  skill: z.string().trim().min(1).max(60),
  level: z.number().int().min(1).max(5).default(3),
});

const fields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().max(200).nullable(),
  tier: z.enum(TIERS),
  skills: z.array(agentSkillSchema).max(50).refine((s) => new Set(s.map((x) => x.skill)).size === s.length, 'each skill once'),
  maxConcurrent: z.number().int().min(0).max(1000).nullable(),
  status: z.enum(AGENT_STATUSES),
  schedule: scheduleSchema.nullable(),
};

export const createAgentInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, dot, dash, underscore (max 64)').optional(),
  name: fields.name,
  email: fields.email.default(null),
  tier: fields.tier.default('L1'),
  skills: fields.skills.default([]),
  maxConcurrent: fields.maxConcurrent.default(null),
  status: fields.status.default('offline'),
  schedule: fields.schedule.default(null),
});
export type CreateAgentInput = z.infer<typeof createAgentInput>;

export const updateAgentInput = z
  .strictObject({
    name: fields.name.optional(),
    email: fields.email.optional(),
    tier: fields.tier.optional(),
    skills: fields.skills.optional(),
    maxConcurrent: fields.maxConcurrent.optional(),
    status: fields.status.optional(),
    schedule: fields.schedule.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const agentStatusInput = z.strictObject({ status: z.enum(AGENT_STATUSES) });
