// Agents, their immutable versions and their deployment row: plain parameterised SQL, both drivers.
import type { AgentConfig, AgentTemplate, AgentVersion, DeploymentState, Threshold } from '../core/agents/agent-schemas';
import type { Queryable } from './db';

export interface AgentRecord {
  name: string;
  description: string;
  createdAt: string;
  createdBy: string;
}

interface VersionRow {
  agent: string;
  version: number;
  template: AgentTemplate;
  config: AgentConfig;
  output_schema: Record<string, unknown> | null;
  notes: string;
  created_at: Date;
  created_by: string;
}

const toVersion = (r: VersionRow): AgentVersion => ({
  agent: r.agent,
  version: r.version,
  template: r.template,
  config: r.config,
  outputSchema: r.output_schema,
  notes: r.notes,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
});

interface DeploymentRow {
  agent: string;
  stable: number | null;
  previous_stable: number | null;
  candidate: number | null;
  strategy: 'blue-green' | 'canary' | null;
  steps: number[];
  step_index: number;
  threshold: Threshold | null;
  auto_raise_after: number | null;
  rollout_id: string | number | null;
  updated_at: Date;
}

const toDeployment = (r: DeploymentRow): DeploymentState & { updatedAt: string } => ({
  stable: r.stable,
  previousStable: r.previous_stable,
  candidate: r.candidate,
  strategy: r.strategy,
  steps: r.steps,
  stepIndex: r.step_index,
  threshold: r.threshold,
  autoRaiseAfter: r.auto_raise_after,
  rolloutId: r.rollout_id === null ? null : Number(r.rollout_id),
  updatedAt: r.updated_at.toISOString(),
});

export async function insertAgent(tx: Queryable, a: { name: string; description: string; createdBy: string }, now: Date): Promise<boolean> {
  const rows = await tx.query('INSERT INTO agents (name, description, created_at, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING name', [a.name, a.description, now, a.createdBy]);
  return rows.length === 1;
}

export async function getAgent(db: Queryable, name: string): Promise<AgentRecord | undefined> {
  const rows = await db.query<{ name: string; description: string; created_at: Date; created_by: string }>('SELECT name, description, created_at, created_by FROM agents WHERE name = $1', [name]);
  const r = rows[0];
  return r && { name: r.name, description: r.description, createdAt: r.created_at.toISOString(), createdBy: r.created_by };
}

export async function listAgents(db: Queryable): Promise<AgentRecord[]> {
  const rows = await db.query<{ name: string; description: string; created_at: Date; created_by: string }>('SELECT name, description, created_at, created_by FROM agents ORDER BY name');
  return rows.map((r) => ({ name: r.name, description: r.description, createdAt: r.created_at.toISOString(), createdBy: r.created_by }));
}

/** The next number, taken under the agent row's lock so two wizards cannot both get it. */
export async function insertVersion(tx: Queryable, v: Omit<AgentVersion, 'version' | 'createdAt'>, now: Date): Promise<AgentVersion> {
  await tx.query('SELECT name FROM agents WHERE name = $1 FOR UPDATE', [v.agent]);
  const rows = await tx.query<VersionRow>(
    `INSERT INTO agent_versions (agent, version, template, config, output_schema, notes, created_at, created_by)
     SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM agent_versions WHERE agent = $1
     RETURNING agent, version, template, config, output_schema, notes, created_at, created_by`,
    [v.agent, v.template, JSON.stringify(v.config), v.outputSchema === null ? null : JSON.stringify(v.outputSchema), v.notes, now, v.createdBy],
  );
  return toVersion(rows[0]!);
}

export async function getVersion(db: Queryable, agent: string, version: number): Promise<AgentVersion | undefined> {
  const rows = await db.query<VersionRow>('SELECT agent, version, template, config, output_schema, notes, created_at, created_by FROM agent_versions WHERE agent = $1 AND version = $2', [agent, version]);
  return rows[0] && toVersion(rows[0]);
}

export async function listVersions(db: Queryable, agent?: string): Promise<AgentVersion[]> {
  const rows = agent
    ? await db.query<VersionRow>('SELECT agent, version, template, config, output_schema, notes, created_at, created_by FROM agent_versions WHERE agent = $1 ORDER BY version', [agent])
    : await db.query<VersionRow>('SELECT agent, version, template, config, output_schema, notes, created_at, created_by FROM agent_versions ORDER BY agent, version');
  return rows.map(toVersion);
}

const DEPLOYMENT_COLUMNS = 'agent, stable, previous_stable, candidate, strategy, steps, step_index, threshold, auto_raise_after, rollout_id, updated_at';

export async function getDeployment(db: Queryable, agent: string, forUpdate = false): Promise<(DeploymentState & { updatedAt: string }) | undefined> {
  const rows = await db.query<DeploymentRow>(`SELECT ${DEPLOYMENT_COLUMNS} FROM agent_deployments WHERE agent = $1${forUpdate ? ' FOR UPDATE' : ''}`, [agent]);
  return rows[0] && toDeployment(rows[0]);
}

export async function listDeployments(db: Queryable): Promise<Map<string, DeploymentState & { updatedAt: string }>> {
  const rows = await db.query<DeploymentRow>(`SELECT ${DEPLOYMENT_COLUMNS} FROM agent_deployments ORDER BY agent`);
  return new Map(rows.map((r) => [r.agent, toDeployment(r)] as const));
}

export async function saveDeployment(tx: Queryable, agent: string, d: DeploymentState, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO agent_deployments (${DEPLOYMENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (agent) DO UPDATE SET stable = EXCLUDED.stable, previous_stable = EXCLUDED.previous_stable, candidate = EXCLUDED.candidate,
       strategy = EXCLUDED.strategy, steps = EXCLUDED.steps, step_index = EXCLUDED.step_index, threshold = EXCLUDED.threshold,
       auto_raise_after = EXCLUDED.auto_raise_after, rollout_id = EXCLUDED.rollout_id, updated_at = EXCLUDED.updated_at`,
    [agent, d.stable, d.previousStable, d.candidate, d.strategy, JSON.stringify(d.steps), d.stepIndex, d.threshold === null ? null : JSON.stringify(d.threshold), d.autoRaiseAfter, d.rolloutId, now],
  );
}

/** Serialises every change to one agent's versions and deployment. */
export async function lockAgent(tx: Queryable, name: string): Promise<AgentRecord | undefined> {
  const rows = await tx.query<{ name: string; description: string; created_at: Date; created_by: string }>('SELECT name, description, created_at, created_by FROM agents WHERE name = $1 FOR UPDATE', [name]);
  const r = rows[0];
  return r && { name: r.name, description: r.description, createdAt: r.created_at.toISOString(), createdBy: r.created_by };
}
