// Agents as operators read them: the list with stable and candidate versions and live failure
// rates, one agent with its versions (and what each is now), run counts and rollout history.
import { candidateShare, type AgentVersion, type DeploymentState } from '../core/agents/agent-schemas';
import { AppError } from '../core/shared/error-codes';
import { getAgent, getDeployment, getVersion, listAgents, listDeployments, listVersions, type AgentRecord } from '../store/agent-repo';
import { listRollouts, listRuns, recentFailureRates, runCounts, type RolloutRecord, type RunRecord, type VersionCounts } from '../store/agent-runs-repo';
import type { Db, Queryable } from '../store/db';

/** The live failure rate is taken over each version's latest runs. */
export const LIVE_WINDOW = 50;

export interface LiveRate {
  version: number;
  lane: 'stable' | 'candidate';
  runs: number;
  failed: number;
  failureRate: number;
}

export interface AgentSummary extends AgentRecord {
  versions: number;
  deployment: DeploymentState & { share: number };
  live: LiveRate[];
}

export type VersionState = 'stable' | 'candidate' | 'previous' | 'draft' | 'retired';

export interface AgentDetail extends AgentSummary {
  versionList: Array<AgentVersion & { state: VersionState }>;
  counts: VersionCounts[];
  history: RolloutRecord[];
}

function stateOf(v: number, d: DeploymentState, everDeployed: Set<number>): VersionState {
  if (d.stable === v) return 'stable';
  if (d.candidate === v) return 'candidate';
  if (d.previousStable === v) return 'previous';
  return everDeployed.has(v) ? 'retired' : 'draft';
}

export class AgentViews {
  constructor(private readonly db: Db) {}

  async hasVersion(tx: Queryable, agent: string, version: number): Promise<boolean> {
    return (await getVersion(tx, agent, version)) !== undefined;
  }

  async version(agent: string, version: number): Promise<AgentVersion> {
    const v = await getVersion(this.db, agent, version);
    if (!v) throw new AppError('OW_NOT_FOUND', (await getAgent(this.db, agent)) ? `Agent ${agent} has no version ${version}` : `No agent named ${agent}`);
    return v;
  }

  async list(): Promise<AgentSummary[]> {
    const [agents, deployments, versions, rates] = await Promise.all([listAgents(this.db), listDeployments(this.db), listVersions(this.db), recentFailureRates(this.db, LIVE_WINDOW)]);
    return agents.map((a) => this.summary(a, deployments.get(a.name), versions.filter((v) => v.agent === a.name).length, rates));
  }

  private summary(a: AgentRecord, dep: DeploymentState | undefined, versions: number, rates: Array<{ agent: string; version: number; runs: number; failed: number }>): AgentSummary {
    const d = dep ?? { stable: null, previousStable: null, candidate: null, strategy: null, steps: [], stepIndex: 0, threshold: null, autoRaiseAfter: null, rolloutId: null };
    const live: LiveRate[] = [];
    for (const [version, lane] of [[d.stable, 'stable'], [d.candidate, 'candidate']] as const) {
      if (version === null) continue;
      const r = rates.find((x) => x.agent === a.name && x.version === version);
      live.push({ version, lane, runs: r?.runs ?? 0, failed: r?.failed ?? 0, failureRate: r && r.runs > 0 ? r.failed / r.runs : 0 });
    }
    const { stable, previousStable, candidate, strategy, steps, stepIndex, threshold, autoRaiseAfter, rolloutId } = d;
    return { ...a, versions, deployment: { stable, previousStable, candidate, strategy, steps, stepIndex, threshold, autoRaiseAfter, rolloutId, share: candidateShare(d) }, live };
  }

  async show(name: string): Promise<AgentDetail> {
    const a = await getAgent(this.db, name);
    if (!a) throw new AppError('OW_NOT_FOUND', `No agent named ${name}`);
    const [dep, versions, rates, counts, history] = await Promise.all([getDeployment(this.db, name), listVersions(this.db, name), recentFailureRates(this.db, LIVE_WINDOW), runCounts(this.db, name), listRollouts(this.db, name, 200)]);
    const summary = this.summary(a, dep, versions.length, rates);
    const everDeployed = new Set(history.flatMap((h) => (h.action === 'rollback' ? [] : [h.toVersion ?? -1])));
    return { ...summary, versionList: versions.map((v) => ({ ...v, state: stateOf(v.version, summary.deployment, everDeployed) })), counts, history };
  }

  async history(name: string, limit = 200): Promise<RolloutRecord[]> {
    if (!(await getAgent(this.db, name))) throw new AppError('OW_NOT_FOUND', `No agent named ${name}`);
    return listRollouts(this.db, name, limit);
  }

  async runs(name: string, q: { taskId?: string; limit: number }): Promise<RunRecord[]> {
    if (!(await getAgent(this.db, name))) throw new AppError('OW_NOT_FOUND', `No agent named ${name}`);
    return listRuns(this.db, { agent: name, ...q });
  }
}
