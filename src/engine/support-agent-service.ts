// Support agents: create, change, status. A change that frees capacity (online, higher maximum, new agent)
// routes queued tickets in the same transaction; going offline or away re-routes the agent's open tickets.
import { z } from 'zod';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import { agentStatusInput, createAgentInput, updateAgentInput } from '../core/routing/agent-input';
import type { AgentStatus, Tier } from '../core/routing/types';
import type { Db } from '../store/db';
import { findSupportAgent, insertSupportAgent, listIdleAgents, listSupportAgents, touchSupportAgent, updateSupportAgent, type AgentFields, type SupportAgentRecord } from '../store/support-agent-repo';
import { randomBytes } from 'node:crypto';
import { readRouterSettings } from './escalation-mode';
import type { RouterTx } from './router-tx';
import type { TicketService } from './ticket-service';
import type { Clock } from './clock';
import { RouterLoop } from './router-loop';

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('OW_VALIDATION', `The ${what} is not valid`, zodIssuesToLocations(r.error.issues));
  return r.data;
}

export class SupportAgentService {
  /** The router loop of serve and worker processes (none in the CLI). */
  readonly loop: RouterLoop | undefined;

  constructor(
    private readonly db: Db,
    private readonly tickets: TicketService,
    clock: Clock,
    kind: 'serve' | 'worker' | 'cli',
  ) {
    this.loop = kind === 'cli' ? undefined : new RouterLoop(this, clock);
  }

  start(): void {
    this.loop?.start();
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
  }

  async create(input: unknown, actor: string): Promise<SupportAgentRecord> {
    const data = parse(createAgentInput, input, 'support agent');
    const id = data.id ?? `sa-${randomBytes(4).toString('hex')}`;
    return this.tickets.run(actor, async (r) => {
      if (await findSupportAgent(r.tx, id)) throw new AppError('OW_CONFLICT', `A support agent with id ${id} exists`, [{ pointer: '/id', message: 'already taken' }]);
      if (data.email && (await r.tx.query('SELECT 1 FROM support_agents WHERE lower(email) = lower($1)', [data.email])).length > 0) {
        throw new AppError('OW_CONFLICT', `A support agent with e-mail ${data.email} exists`, [{ pointer: '/email', message: 'already taken' }]);
      }
      const { id: _omit, ...fields } = data;
      await insertSupportAgent(r.tx, id, fields, r.now);
      r.invalidate();
      const drained = data.status === 'online' ? await r.drain() : 0;
      const agent = await this.mustFind(r, id);
      return {
        result: agent,
        action: 'support_agent.create',
        target: id,
        summary: `added ${data.tier} agent ${data.name}${drained ? `, took ${drained} queued` : ''}`,
        events: [{ topic: 'support_agent.created', key: id, payload: { agentId: id, name: data.name, tier: data.tier, status: data.status } }],
      };
    });
  }

  async update(id: string, input: unknown, actor: string): Promise<SupportAgentRecord> {
    const data = parse(updateAgentInput, input, 'support agent update');
    return this.change(id, actor, (before) => ({ ...before, ...data }), Object.keys(data).join(', '));
  }

  async setStatus(id: string, input: unknown, actor: string): Promise<SupportAgentRecord> {
    const { status } = parse(agentStatusInput, input, 'status');
    return this.change(id, actor, (before) => ({ ...before, status }), `status ${status}`);
  }

  private async mustFind(r: RouterTx, id: string): Promise<SupportAgentRecord> {
    const a = await findSupportAgent(r.tx, id);
    if (!a) throw new AppError('OW_NOT_FOUND', `No support agent with id ${id}`);
    return a;
  }

  private async change(id: string, actor: string, next: (before: AgentFields) => AgentFields, what: string, why = 'agent changed'): Promise<SupportAgentRecord> {
    return this.tickets.run(actor, async (r) => {
      const before = await findSupportAgent(r.tx, id, true);
      if (!before) throw new AppError('OW_NOT_FOUND', `No support agent with id ${id}`);
      const fields = next(before);
      await updateSupportAgent(r.tx, id, fields, r.now);
      // A status set by the agent counts as activity (the idle timer restarts).
      if (fields.status === 'online') await touchSupportAgent(r.tx, id, r.now, false);
      r.invalidate();
      let rerouted = 0;
      if (before.status === 'online' && fields.status !== 'online') rerouted = await r.rerouteAgentTickets(id, `${id} went ${fields.status}${why === 'agent changed' ? '' : ` (${why})`}`);
      else if (before.tier !== fields.tier) rerouted = await r.rerouteAgentTickets(id, `${id} moved to ${fields.tier}`);
      const drained = await r.drain();
      const after = await this.mustFind(r, id);
      return {
        result: after,
        action: 'support_agent.update',
        target: id,
        summary: `${what}${rerouted ? `; ${rerouted} ticket(s) re-routed` : ''}${drained ? `; ${drained} queued ticket(s) assigned` : ''}`,
        events: [{ topic: 'support_agent.updated', key: id, payload: { agentId: id, fields: what, status: after.status, statusBefore: before.status, reason: why, rerouted, queuedAssigned: drained } }],
      };
    });
  }

  async get(id: string): Promise<SupportAgentRecord> {
    const a = await findSupportAgent(this.db, id);
    if (!a) throw new AppError('OW_NOT_FOUND', `No support agent with id ${id}`);
    return a;
  }

  list(q: { tier?: Tier; status?: AgentStatus } = {}): Promise<SupportAgentRecord[]> {
    return listSupportAgents(this.db, q);
  }

  /**
   * One sweep of the router loop: online agents idle beyond the timeout become away (their tickets are
   * re-routed), then the queue is drained (schedules open over time). Returns what it did.
   */
  async sweep(now: Date): Promise<{ idle: string[]; assigned: number }> {
    const settings = await readRouterSettings(this.db);
    if (settings.mode === 'off') return { idle: [], assigned: 0 };
    const idle = await listIdleAgents(this.db, new Date(now.getTime() - settings.idleTimeoutMinutes * 60_000));
    for (const id of idle) await this.change(id, 'router', (b) => ({ ...b, status: 'away' }), 'status away', `idle beyond ${settings.idleTimeoutMinutes} min`);
    let assigned = 0;
    // Only a queue that someone could take from is worth a change (and an audit entry).
    const waiting = await this.db.query("SELECT 1 FROM tickets WHERE queued_at IS NOT NULL AND status IN ('new', 'open', 'pending', 'on_hold') LIMIT 1");
    const room = (await listSupportAgents(this.db, { status: 'online' })).some((a) => a.load < (a.maxConcurrent ?? settings.defaultMaxConcurrent));
    if (settings.mode === 'production' && waiting.length > 0 && room) {
      assigned = await this.tickets.run('router', async (r) => {
        const n = await r.drain();
        return { result: n, action: 'routing.drain', target: 'queue', summary: `${n} queued ticket(s) assigned` };
      });
    }
    return { idle, assigned };
  }
}
