// The agent factory and servicing: create agents and versions from templates, provision, deploy by
// blue-green or canary, raise, promote and roll back — every change through commitChange with its
// audit entry, history row and agent.* event; the canary's automatic decisions land the same way.
import type { z } from 'zod';
import { EMPTY_DEPLOYMENT, NewAgentInput, NewVersionInput, TEMPLATE_CONFIGS, type AgentVersion, type DeploymentState } from '../core/agents/agent-schemas';
import type { CanaryVerdict } from '../core/agents/canary-window';
import { applyCommand, DeployInput, type DeploymentCommand } from '../core/agents/deployment-machine';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import { getAgent, getDeployment, insertAgent, insertVersion, lockAgent, saveDeployment } from '../store/agent-repo';
import { appendRollout, type RolloutRecord } from '../store/agent-runs-repo';
import type { Db, Queryable } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import { commitChange } from './change';
import type { Clock } from './clock';
import { AgentRouting } from './agent-routing';
import { AgentViews } from './agent-views';
import { sandboxRun } from './agent-sandbox';
import { BUILTIN_AGENT_HANDLERS } from './handlers/agent-version-runner';
import { outputSchemaProblem } from './handlers/output-schema';
import type { EventBus, Subscription } from './event-bus';
import type { JourneyRuntime } from './journey-runtime';

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('OW_VALIDATION', `The ${what} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('/') || '/'} ${i.message}`).join('; ')}`, zodIssuesToLocations(parsed.error.issues));
  return parsed.data;
}

const TOPIC: Record<RolloutRecord['action'], string> = {
  provision: 'agent.deployed',
  'blue-green': 'agent.deployed',
  'canary-start': 'agent.deployed',
  raise: 'agent.canary.raised',
  promote: 'agent.promoted',
  rollback: 'agent.rolled_back',
};

export const CANARY_ACTOR = 'system:canary';

export class AgentService {
  readonly routing: AgentRouting;
  readonly views: AgentViews;
  private subscription: Subscription | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: (events: StoredEvent[]) => void,
    journeys: JourneyRuntime,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    const queueHuman = async (t: { idempotencyKey: string; name: string; handler: string; input: Record<string, unknown> }, actor: string) => {
      const [task] = await journeys.tasks.enqueue({ tasks: [{ key: 'human', kind: 'human', ...t }] }, actor);
      return { id: task!.id };
    };
    this.routing = new AgentRouting(db, clock, { env, queueHuman }, (agent, d, verdict) => this.decide(agent, d, verdict));
    this.views = new AgentViews(db);
    journeys.handlers.useAgents(this.routing);
    this.reserved = (name) => journeys.handlers.isReserved(name);
  }

  private readonly reserved: (name: string) => boolean;

  /** Other processes' deployments reach this one's cache through the event bus (LISTEN/NOTIFY). */
  start(bus: EventBus): void {
    this.subscription = bus.subscribe(['agent.*'], () => this.routing.invalidate());
  }

  stop(): void {
    this.subscription?.close();
  }

  private after = (events: StoredEvent[]) => {
    this.routing.invalidate();
    this.onEvents(events);
  };

  private checkVersion(input: NewVersionInput, base: string[] = []): NewVersionInput {
    const errors: ErrorLocation[] = [];
    const cfg = TEMPLATE_CONFIGS[input.template].safeParse(input.config);
    if (!cfg.success) errors.push(...zodIssuesToLocations(cfg.error.issues, [...base, 'config']));
    const at = (p: string) => `${base.length ? `/${base.join('/')}` : ''}${p}`;
    if (cfg.success && input.template === 'builtin') {
      const handler = (cfg.data as { handler: string }).handler;
      if (!BUILTIN_AGENT_HANDLERS.includes(handler)) errors.push({ pointer: at('/config/handler'), message: `unknown built-in handler '${handler}' (one of ${BUILTIN_AGENT_HANDLERS.join(', ')})` });
    }
    if (input.outputSchema) {
      const problem = outputSchemaProblem(input.outputSchema, {});
      if (problem?.includes('cannot be used')) errors.push({ pointer: at('/outputSchema'), message: problem.replace("the task's output schema", 'the output schema') });
    }
    if (errors.length > 0) throw new AppError('OW_VALIDATION', `The version is not valid: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`, errors);
    return { ...input, config: cfg.data as Record<string, unknown> };
  }

  /** The wizard's first step: a new agent and its version 1 (a draft until provisioned). */
  async create(raw: unknown, actor: string): Promise<AgentVersion> {
    const input = parse(NewAgentInput, raw, 'agent');
    if (this.reserved(input.name)) throw new AppError('OW_VALIDATION', `'${input.name}' is a built-in handler's name`, [{ pointer: '/name', message: 'reserved for a built-in handler' }]);
    const checked = this.checkVersion(input);
    const { result } = await commitChange(this.db, this.clock, async (tx, now) => {
      if (!(await insertAgent(tx, { name: input.name, description: input.description, createdBy: actor }, now))) throw new AppError('OW_CONFLICT', `An agent named ${input.name} exists: add a version to it instead`, [{ pointer: '/name', message: 'already taken' }]);
      const v = await insertVersion(tx, { agent: input.name, template: checked.template, config: checked.config as AgentVersion['config'], outputSchema: checked.outputSchema ?? null, notes: checked.notes, createdBy: actor }, now);
      return {
        result: v,
        audit: { actor, action: 'agent.create', target: `agent/${input.name}`, summary: `created agent ${input.name} with draft v1 (${v.template})` },
        events: [
          { topic: 'agent.created', key: `agent/${input.name}`, payload: { agent: input.name, actor } },
          { topic: 'agent.version.created', key: `agent/${input.name}`, payload: { agent: input.name, version: 1, template: v.template, actor } },
        ],
      };
    }, this.after);
    return result;
  }

  /** A new immutable version of an existing agent (a draft until deployed). */
  async addVersion(name: string, raw: unknown, actor: string): Promise<AgentVersion> {
    const checked = this.checkVersion(parse(NewVersionInput, raw, 'version'));
    const { result } = await commitChange(this.db, this.clock, async (tx, now) => {
      if (!(await lockAgent(tx, name))) throw new AppError('OW_NOT_FOUND', `No agent named ${name}`);
      const v = await insertVersion(tx, { agent: name, template: checked.template, config: checked.config as AgentVersion['config'], outputSchema: checked.outputSchema ?? null, notes: checked.notes, createdBy: actor }, now);
      return {
        result: v,
        audit: { actor, action: 'agent.version.create', target: `agent/${name}`, summary: `added draft v${v.version} (${v.template}) to ${name}` },
        events: [{ topic: 'agent.version.created', key: `agent/${name}`, payload: { agent: name, version: v.version, template: v.template, actor } }],
      };
    }, this.after);
    return result;
  }

  async sandbox(name: string, version: number, raw: unknown) {
    const v = await this.views.version(name, version);
    return sandboxRun(v, raw, { db: this.db, clock: this.clock, env: this.env });
  }

  /** Makes a version stable at once (the wizard's last step; also the first deployment). */
  async provision(name: string, version: number, actor: string) {
    return this.transition(name, { kind: 'provision', version }, { actor, automatic: false });
  }

  async deploy(name: string, raw: unknown, actor: string) {
    return this.transition(name, parse(DeployInput, raw, 'deployment'), { actor, automatic: false });
  }

  async raise(name: string, actor: string) {
    return this.transition(name, { kind: 'raise' }, { actor, automatic: false });
  }

  async promote(name: string, actor: string) {
    return this.transition(name, { kind: 'promote' }, { actor, automatic: false });
  }

  async rollback(name: string, reason: string, actor: string) {
    return this.transition(name, { kind: 'rollback', reason }, { actor, automatic: false });
  }

  /** The canary's own decision, committed only if the rollout (and step) it was made on is still current. */
  private async decide(agent: string, seen: DeploymentState, verdict: Exclude<CanaryVerdict, { kind: 'hold' }>): Promise<void> {
    const command: DeploymentCommand = verdict.kind === 'rollback' ? { kind: 'rollback', reason: verdict.reason, figures: verdict.figures } : { kind: verdict.kind };
    const still = (d: DeploymentState) => d.rolloutId === seen.rolloutId && d.candidate === seen.candidate && d.candidate !== null && (verdict.kind === 'rollback' || d.stepIndex === seen.stepIndex);
    await this.transition(agent, command, { actor: CANARY_ACTOR, automatic: true }, still);
  }

  private async transition(name: string, command: DeploymentCommand, who: { actor: string; automatic: boolean }, guard?: (d: DeploymentState) => boolean): Promise<{ deployment: DeploymentState; entry: RolloutRecord } | null> {
    const { result } = await commitChange(this.db, this.clock, async (tx: Queryable, now) => {
      if (!(await lockAgent(tx, name))) throw new AppError('OW_NOT_FOUND', `No agent named ${name}`);
      const current = (await getDeployment(tx, name)) ?? EMPTY_DEPLOYMENT;
      if (guard && !guard(current)) return { result: null };
      if ('version' in command && !(await this.views.hasVersion(tx, name, command.version))) {
        throw new AppError('OW_NOT_FOUND', `Agent ${name} has no version ${command.version}`, [{ pointer: '/version', message: `no version ${command.version}` }]);
      }
      const t = applyCommand(current, command);
      if (!t.ok) throw new AppError('OW_CONFLICT', `${name}: ${t.reason}`);
      const entry = await appendRollout(tx, name, t.newRollout ? null : current.rolloutId, t.row, who, now);
      const deployment = { ...t.state, rolloutId: entry.rolloutId };
      await saveDeployment(tx, name, deployment, now);
      const what = `${entry.action} ${entry.fromVersion === null ? '' : `v${entry.fromVersion} → `}v${entry.toVersion}${entry.action === 'canary-start' || entry.action === 'raise' ? ` at ${entry.share}%` : ''}`;
      return {
        result: { deployment, entry },
        audit: { actor: who.actor, action: `agent.${entry.action}`, target: `agent/${name}`, summary: `${name}: ${what}${entry.reason ? ` — ${entry.reason}` : ''}` },
        events: [{ topic: TOPIC[entry.action], key: `agent/${name}`, payload: { ...entry, deployment, actor: who.actor } as unknown as Record<string, unknown> }],
      };
    }, this.after);
    return result;
  }

  exists(name: string) {
    return getAgent(this.db, name);
  }
}

