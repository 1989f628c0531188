// Escalation policies as PagerDuty's: levels that fire a number of minutes after the breach
// (move the ticket a tier up, re-route it, or notify channels), the whole list repeated N times.
import { z } from 'zod';
import { MINUTE } from './policy';

export const ESCALATION_ACTIONS = ['next-tier', 'reroute', 'notify'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

const levelSchema = z.strictObject({
  afterMinutes: z.number().int().min(0).max(10_080),
  action: z.enum(ESCALATION_ACTIONS),
  /** Channels alerted when the level fires; empty = every enabled channel. */
  channelIds: z.array(z.string().min(1).max(64)).max(20).default([]),
});

export const escalationPolicyInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    levels: z.array(levelSchema).min(1).max(10),
    /** How many more times the levels run after the first pass. */
    repeat: z.number().int().min(0).max(9).default(0),
    /** Minutes from a pass's last level to the next pass's first. */
    repeatAfterMinutes: z.number().int().min(1).max(10_080).default(30),
  })
  .superRefine((p, ctx) => {
    p.levels.forEach((l, i) => {
      const prev = p.levels[i - 1];
      if (prev && l.afterMinutes < prev.afterMinutes) ctx.addIssue({ code: 'custom', path: ['levels', i, 'afterMinutes'], message: `level ${i + 1} fires before level ${i} (${l.afterMinutes} < ${prev.afterMinutes} minutes)` });
    });
  });
export type EscalationPolicyInput = z.input<typeof escalationPolicyInput>;
export type EscalationPolicySpec = z.output<typeof escalationPolicyInput>;
export interface EscalationPolicy extends EscalationPolicySpec {
  id: string;
}

export interface EscalationStep {
  /** 0-based position over all passes: the de-duplication index. */
  index: number;
  pass: number;
  level: number;
  at: number;
  action: EscalationAction;
  channelIds: string[];
}

export function escalationStepCount(p: EscalationPolicySpec): number {
  return p.levels.length * (p.repeat + 1);
}

/** The `index`-th step after a breach at `breachAt`, or null when the policy is exhausted. */
export function escalationStep(p: EscalationPolicySpec, breachAt: number, index: number): EscalationStep | null {
  if (index < 0 || index >= escalationStepCount(p)) return null;
  const pass = Math.floor(index / p.levels.length);
  const level = index % p.levels.length;
  const l = p.levels[level];
  const last = p.levels[p.levels.length - 1];
  if (!l || !last) return null;
  const passLength = last.afterMinutes + p.repeatAfterMinutes;
  return { index, pass, level, at: breachAt + (pass * passLength + l.afterMinutes) * MINUTE, action: l.action, channelIds: l.channelIds };
}

/** Every step due at `now` from `fromIndex` on, in order. */
export function dueEscalationSteps(p: EscalationPolicySpec, breachAt: number, fromIndex: number, now: number): EscalationStep[] {
  const due: EscalationStep[] = [];
  for (let i = fromIndex; ; i++) {
    const step = escalationStep(p, breachAt, i);
    if (!step || step.at > now) break;
    due.push(step);
  }
  return due;
}

/** Breach → the ticket a tier up and everyone told; a repeat an hour later if it is still open. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  id: 'default',
  name: 'Tier up at breach',
  levels: [
    { afterMinutes: 0, action: 'next-tier', channelIds: [] },
    { afterMinutes: 60, action: 'notify', channelIds: [] },
  ],
  repeat: 0,
  repeatAfterMinutes: 30,
};
