// The escalation runtime's switch (settings key escalation.mode): off, shadow (decisions and alerts recorded,
// nothing assigned, sent or escalated) or production (the default), and the router's other settings.
import { z } from 'zod';
import { ROUTING_STRATEGIES, type RoutingStrategy } from '../core/routing/types';
import { DEFAULT_MAX_CONCURRENT } from '../core/routing/agent-capacity';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db, Queryable } from '../store/db';
import { readSetting, writeSetting } from '../store/routing-settings-repo';
import type { TicketService } from './ticket-service';

export const ESCALATION_MODES = ['off', 'shadow', 'production'] as const;
export type EscalationMode = (typeof ESCALATION_MODES)[number];
export const escalationModeInput = z.strictObject({ mode: z.enum(ESCALATION_MODES) });

export const ROUTER_SETTINGS = {
  mode: 'escalation.mode',
  strategy: 'routing.strategy',
  defaultMaxConcurrent: 'routing.default_max_concurrent',
  idleTimeoutMinutes: 'routing.idle_timeout_minutes',
} as const;

export interface RouterSettings {
  mode: EscalationMode;
  strategy: RoutingStrategy;
  defaultMaxConcurrent: number;
  idleTimeoutMinutes: number;
}

export const routerSettingsInput = z.strictObject({
  strategy: z.enum(ROUTING_STRATEGIES).optional(),
  defaultMaxConcurrent: z.number().int().min(0).max(1000).optional(),
  idleTimeoutMinutes: z.number().min(1).max(24 * 60).optional(),
});

export const intakeSecretsInput = z
  .strictObject({ zendesk: z.string().min(16, 'at least 16 characters').max(500).optional(), jira: z.string().min(16, 'at least 16 characters').max(500).optional() })
  .refine((v) => v.zendesk !== undefined || v.jira !== undefined, 'Give zendesk, jira or both');

export async function intakeSecretsConfigured(q: Queryable): Promise<{ zendesk: boolean; jira: boolean }> {
  const z1 = process.env.OW_ZENDESK_WEBHOOK_SECRET || (await readSetting(q, 'intake.zendesk_secret'));
  const j1 = process.env.OW_JIRA_WEBHOOK_SECRET || (await readSetting(q, 'intake.jira_secret'));
  return { zendesk: typeof z1 === 'string' && z1.length > 0, jira: typeof j1 === 'string' && j1.length > 0 };
}

export async function readEscalationMode(q: Queryable): Promise<EscalationMode> {
  const v = await readSetting(q, ROUTER_SETTINGS.mode);
  return (ESCALATION_MODES as ReadonlyArray<unknown>).includes(v) ? (v as EscalationMode) : 'production';
}

export async function readRouterSettings(q: Queryable): Promise<RouterSettings> {
  const rows = await q.query<{ key: string; value: unknown }>('SELECT key, value FROM settings WHERE key = ANY($1::text[])', [Object.values(ROUTER_SETTINGS)]);
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const mode = get(ROUTER_SETTINGS.mode);
  const strategy = get(ROUTER_SETTINGS.strategy);
  const max = get(ROUTER_SETTINGS.defaultMaxConcurrent);
  const idle = get(ROUTER_SETTINGS.idleTimeoutMinutes);
  return {
    mode: (ESCALATION_MODES as ReadonlyArray<unknown>).includes(mode) ? (mode as EscalationMode) : 'production',
    strategy: (ROUTING_STRATEGIES as ReadonlyArray<unknown>).includes(strategy) ? (strategy as RoutingStrategy) : 'spare-capacity',
    defaultMaxConcurrent: typeof max === 'number' ? max : DEFAULT_MAX_CONCURRENT,
    idleTimeoutMinutes: typeof idle === 'number' ? idle : 30,
  };
}

export class EscalationModeService {
  constructor(
    private readonly db: Db,
    private readonly tickets: TicketService,
  ) {}

  get(): Promise<RouterSettings> {
    return readRouterSettings(this.db);
  }

  async setMode(input: unknown, actor: string): Promise<RouterSettings> {
    const parsed = escalationModeInput.safeParse(input);
    if (!parsed.success) throw new AppError('OW_VALIDATION', 'The escalation mode is not valid', zodIssuesToLocations(parsed.error.issues));
    return this.write({ [ROUTER_SETTINGS.mode]: parsed.data.mode }, actor, `escalation mode set to ${parsed.data.mode}`);
  }

  async setRouter(input: unknown, actor: string): Promise<RouterSettings> {
    const parsed = routerSettingsInput.safeParse(input);
    if (!parsed.success) throw new AppError('OW_VALIDATION', 'The router settings are not valid', zodIssuesToLocations(parsed.error.issues));
    const values: Record<string, unknown> = {};
    if (parsed.data.strategy) values[ROUTER_SETTINGS.strategy] = parsed.data.strategy;
    if (parsed.data.defaultMaxConcurrent !== undefined) values[ROUTER_SETTINGS.defaultMaxConcurrent] = parsed.data.defaultMaxConcurrent;
    if (parsed.data.idleTimeoutMinutes !== undefined) values[ROUTER_SETTINGS.idleTimeoutMinutes] = parsed.data.idleTimeoutMinutes;
    return this.write(values, actor, `router settings: ${JSON.stringify(parsed.data)}`);
  }

  /** Stores intake webhook secrets (settings intake.zendesk_secret / intake.jira_secret); the values are never echoed or audited. */
  async setIntakeSecrets(input: unknown, actor: string): Promise<{ zendesk: boolean; jira: boolean }> {
    const parsed = intakeSecretsInput.safeParse(input);
    if (!parsed.success) throw new AppError('OW_VALIDATION', 'The intake secrets are not valid', zodIssuesToLocations(parsed.error.issues));
    return this.tickets.run(actor, async (r) => {
      if (parsed.data.zendesk) await writeSetting(r.tx, 'intake.zendesk_secret', parsed.data.zendesk, r.now);
      if (parsed.data.jira) await writeSetting(r.tx, 'intake.jira_secret', parsed.data.jira, r.now);
      const set = Object.keys(parsed.data).join(', ');
      return { result: await intakeSecretsConfigured(r.tx), action: 'intake.secrets', target: 'intake', summary: `webhook secret(s) set: ${set}` };
    });
  }

  private write(values: Record<string, unknown>, actor: string, summary: string): Promise<RouterSettings> {
    return this.tickets.run(actor, async (r) => {
      const before = await readRouterSettings(r.tx);
      for (const [k, v] of Object.entries(values)) await writeSetting(r.tx, k, v, r.now);
      const after = await readRouterSettings(r.tx);
      // Going to production or raising the default capacity may let queued tickets through at once.
      r.useSettings(after);
      const drained = await r.drain();
      return {
        result: after,
        action: 'escalation.settings',
        target: 'escalation',
        summary: `${summary}${drained ? `; ${drained} queued ticket(s) assigned` : ''}`,
        events: [{ topic: 'escalation.mode_changed', key: 'escalation', payload: { before, after } }],
      };
    });
  }
}
