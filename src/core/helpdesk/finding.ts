// What the Issue Detective reports: a finding names a problem, explains it in plain sentences,
// lists the facts it rests on (evidence) and points to the playbook that fixes it.
import { z } from 'zod';

export const FINDING_KINDS = [
  'repeated_handler_errors',
  'failed_gate',
  'expired_lease',
  'dead_letter_growth',
  'sla_breach',
  'sla_warning',
  'canary_rolled_back',
  'journey_rolled_back',
  'stuck_journey',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SUBJECT_KINDS = ['journey', 'task', 'client', 'ticket'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const evidenceSchema = z.object({
  type: z.enum(['event', 'task', 'validation', 'ticket', 'rollback', 'journey']),
  id: z.string(),
  shows: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  explanation: z.string(),
  evidence: z.array(evidenceSchema),
  playbookId: z.string(),
  /** What the finding is about (the journey, task, queue, ticket or agent named in the title). */
  about: z.object({ type: z.string(), id: z.string() }),
  clientId: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Most severe first; ties keep the order the rules produced them in. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** A ticket's priority for a finding turned into a ticket. */
export function priorityOfSeverity(s: Severity): 'urgent' | 'high' | 'normal' | 'low' {
  return s === 'critical' ? 'urgent' : s === 'high' ? 'high' : s === 'medium' ? 'normal' : 'low';
}
