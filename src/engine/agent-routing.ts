// What the handler registry sees of agents: the deployed names and, per name, a runner that picks
// the attempt's version (deterministic split), runs it, records the run in agent_runs and lets the
// canary rule decide whether to roll back, raise or promote. Deployments are cached and the cache
// is dropped on every agent.* event (this process's commits, other processes' through NOTIFY).
import { candidateShare, type AgentVersion, type DeploymentState } from '../core/agents/agent-schemas';
import { evaluateCanary, type CanaryVerdict } from '../core/agents/canary-window';
import { chooseVersion } from '../core/agents/traffic-split';
import { listDeployments, listVersions } from '../store/agent-repo';
import { canaryEvidence, insertRun } from '../store/agent-runs-repo';
import type { Db } from '../store/db';
import type { Clock } from './clock';
import type { AgentBackend } from './handlers/handler-registry';
import type { HandlerKind, TaskHandler } from './handlers/handler-types';
import { runVersion, type HumanQueue } from './handlers/agent-version-runner';

interface Deployed {
  deployment: DeploymentState;
  versions: Map<number, AgentVersion>;
}

const KIND_OF: Record<AgentVersion['template'], HandlerKind | 'in-process'> = { webhook: 'webhook', builtin: 'builtin', human: 'in-process' };

export type VerdictSink = (agent: string, d: DeploymentState, verdict: Exclude<CanaryVerdict, { kind: 'hold' }>) => Promise<void>;

export class AgentRouting implements AgentBackend {
  private snapshot: Promise<Map<string, Deployed>> | undefined;
  private loadedAt = 0;
  /** The last error of a canary evaluation (it never fails the task that triggered it). */
  lastEvaluationError: string | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly deps: { env: NodeJS.ProcessEnv; queueHuman: HumanQueue },
    private readonly onVerdict: VerdictSink,
    /** A safety net when an event is missed: the deployments are re-read at least this often. */
    private readonly cacheMs = 2_000,
  ) {}

  invalidate(): void {
    this.snapshot = undefined;
  }

  private load(): Promise<Map<string, Deployed>> {
    if (!this.snapshot || Date.now() - this.loadedAt > this.cacheMs) {
      this.loadedAt = Date.now();
      const loading = (async () => {
        const [deployments, versions] = await Promise.all([listDeployments(this.db), listVersions(this.db)]);
        const out = new Map<string, Deployed>();
        for (const [agent, deployment] of deployments) {
          if (deployment.stable === null) continue;
          out.set(agent, { deployment, versions: new Map(versions.filter((v) => v.agent === agent).map((v) => [v.version, v] as const)) });
        }
        return out;
      })();
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = undefined;
      });
      this.snapshot = loading;
    }
    return this.snapshot;
  }

  async deployed(): Promise<Map<string, { kind: HandlerKind | 'in-process'; description: string }>> {
    const out = new Map<string, { kind: HandlerKind | 'in-process'; description: string }>();
    for (const [name, { deployment: d, versions }] of await this.load()) {
      const stable = versions.get(d.stable!);
      const canary = d.candidate !== null ? `; canary v${d.candidate} at ${candidateShare(d)}%` : '';
      out.set(name, { kind: stable ? KIND_OF[stable.template] : 'in-process', description: `Agent ${name} v${d.stable} (${stable?.template ?? 'unknown'} template)${canary}` });
    }
    return out;
  }

  runner(name: string): TaskHandler {
    return async (ctx) => {
      const entry = (await this.load()).get(name);
      if (!entry) throw new Error(`agent ${name} has no deployed version`);
      const d = entry.deployment;
      const choice = chooseVersion(d, ctx.taskId, ctx.attempt);
      const version = choice && entry.versions.get(choice.version);
      if (!choice || !version) throw new Error(`agent ${name} has no deployed version`);
      const started = performance.now();
      const record = (error: string | null) => this.record(name, d, choice, ctx.taskId, ctx.attempt, error, performance.now() - started);
      let output;
      try {
        output = await runVersion(version, ctx, { ...this.deps, sandbox: false });
      } catch (err) {
        const reason: unknown = ctx.signal.reason;
        const timedOut = reason instanceof Error && reason.message.startsWith('timed out');
        // A worker that stops gives the task back: not the version's failure, so not counted.
        if (!ctx.signal.aborted || timedOut) await record(timedOut ? (reason as Error).message : err instanceof Error ? err.message : String(err));
        throw err;
      }
      await record(null);
      return output;
    };
  }

  /** Records the run and evaluates the canary; a failure here never changes the task's outcome. */
  private async record(name: string, d: DeploymentState, choice: NonNullable<ReturnType<typeof chooseVersion>>, taskId: string, attempt: number, error: string | null, durationMs: number): Promise<void> {
    try {
      await insertRun(
        this.db,
        { agent: name, version: choice.version, rolloutId: d.rolloutId, lane: choice.lane, stepIndex: d.stepIndex, taskId, attempt, bucket: choice.bucket, outcome: error === null ? 'succeeded' : 'failed', error, durationMs },
        this.clock.now(),
      );
      if (choice.lane !== 'candidate' || d.rolloutId === null || d.threshold === null) return;
      const evidence = await canaryEvidence(this.db, d.rolloutId, d.threshold.window, d.stepIndex);
      const verdict = evaluateCanary(d, evidence);
      if (verdict.kind !== 'hold') await this.onVerdict(name, d, verdict);
    } catch (err) {
      this.lastEvaluationError = err instanceof Error ? err.message : String(err);
    }
  }
}
