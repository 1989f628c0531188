// Resolves a task's handler name to what runs it: our built-ins (reserved names), deployed agents
// (the runner picks the version per attempt), webhooks registered in the store, handlers registered
// in process by code, then the simulated seed agents. The task worker never sees versions.
import type { Queryable } from '../../store/db';
import { listWebhookHandlers, type WebhookHandlerWithSecret } from '../../store/task-handlers-repo';
import { BUILTIN_HANDLERS } from './builtin-handlers';
import type { HandlerInfo, HandlerKind, TaskHandler } from './handler-types';
import { SIMULATED_AGENTS } from './simulated-agents';
import { callWebhook } from './webhook-handler';

export interface ResolvedHandler {
  name: string;
  kind: HandlerKind | 'in-process' | 'agent';
  run: TaskHandler;
}

/** Deployed agents, as the agent service presents them to the registry. */
export interface AgentBackend {
  /** Names with a deployed version, and how to describe each (cached by the backend). */
  deployed(): Promise<Map<string, { kind: HandlerKind | 'in-process'; description: string }>>;
  /** Picks the attempt's version, runs it, records the run. */
  runner(name: string): TaskHandler;
}

const BUILTIN = new Map(BUILTIN_HANDLERS.map((h) => [h.name, h] as const));
const SIMULATED = new Map(SIMULATED_AGENTS.map((h) => [h.name, h] as const));

export class HandlerRegistry {
  private readonly custom = new Map<string, { description: string; run: TaskHandler }>();
  private webhooks: Map<string, WebhookHandlerWithSecret> | undefined;
  private loadedAt = 0;
  private agents: AgentBackend | undefined;

  /** Webhook registrations are re-read at most this often, so other processes' changes arrive quickly. */
  constructor(private readonly db: Queryable, private readonly cacheMs = 2_000) {}

  /** An in-process handler registered by code (an embedding application, a test). Built-in names are reserved. */
  register(name: string, run: TaskHandler, description = 'registered in process'): void {
    if (BUILTIN.has(name)) throw new Error(`handler name '${name}' is reserved for a built-in handler`);
    this.custom.set(name, { description, run });
  }

  /** Agents take a handler name over from a webhook or a simulated agent of the same name. */
  useAgents(backend: AgentBackend): void {
    this.agents = backend;
  }

  isReserved(name: string): boolean {
    return BUILTIN.has(name);
  }

  /** Forgets cached webhook registrations (after this process changed them). */
  invalidate(): void {
    this.webhooks = undefined;
  }

  private async loadWebhooks(): Promise<Map<string, WebhookHandlerWithSecret>> {
    const now = Date.now();
    if (!this.webhooks || now - this.loadedAt > this.cacheMs) {
      this.webhooks = new Map((await listWebhookHandlers(this.db)).map((h) => [h.name, h] as const));
      this.loadedAt = now;
    }
    return this.webhooks;
  }

  async resolve(name: string): Promise<ResolvedHandler | undefined> {
    const builtin = BUILTIN.get(name);
    if (builtin) return { name, kind: 'builtin', run: builtin.run };
    if (this.agents && (await this.agents.deployed()).has(name)) return { name, kind: 'agent', run: this.agents.runner(name) };
    const hook = (await this.loadWebhooks()).get(name);
    if (hook) return { name, kind: 'webhook', run: (ctx) => callWebhook(hook, ctx) };
    const custom = this.custom.get(name);
    if (custom) return { name, kind: 'in-process', run: custom.run };
    const simulated = SIMULATED.get(name);
    if (simulated) return { name, kind: 'simulated', run: simulated.run };
    return undefined;
  }

  /** Every name a task may use now, with what runs it. */
  async list(): Promise<Array<HandlerInfo | { name: string; kind: 'in-process'; description: string }>> {
    const hooks = await this.loadWebhooks();
    const seen = new Set<string>();
    const out: Array<HandlerInfo | { name: string; kind: 'in-process'; description: string }> = [];
    const add = (info: HandlerInfo | { name: string; kind: 'in-process'; description: string }) => {
      if (seen.has(info.name)) return;
      seen.add(info.name);
      out.push(info);
    };
    for (const h of BUILTIN_HANDLERS) add({ name: h.name, kind: 'builtin', description: h.description });
    for (const [name, a] of (await this.agents?.deployed()) ?? []) add({ name, kind: a.kind, description: a.description });
    for (const h of hooks.values()) add({ name: h.name, kind: 'webhook', description: h.description || `POSTs to ${new URL(h.url).origin}` });
    for (const [name, h] of this.custom) add({ name, kind: 'in-process', description: h.description });
    for (const h of SIMULATED_AGENTS) add({ name: h.name, kind: 'simulated', description: h.description });
    return out;
  }

  async names(): Promise<Set<string>> {
    return new Set((await this.list()).map((h) => h.name));
  }
}
