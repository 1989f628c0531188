// `ow agent list|show|create|sandbox|deploy|canary|promote|rollback|history`: the agent factory and
// servicing, through a server (--server) or directly on the store; every command has --json.
import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../../core/shared/json-text';
import { candidateShare, type AgentVersion, type DeploymentState } from '../../core/agents/agent-schemas';
import type { AgentDetail, AgentSummary } from '../../engine/agent-views';
import type { Runtime } from '../../engine/runtime';
import type { RolloutRecord } from '../../store/agent-runs-repo';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';

type Transition = { deployment: DeploymentState; entry: RolloutRecord };

/** Runs against the server when --server is given, else on the local store. */
async function call<T>(cmd: Command, method: string, path: string, body: unknown, local: (rt: Runtime) => Promise<T>): Promise<T> {
  const g = globalsOf(cmd);
  const remote = remoteTarget(g);
  return remote ? apiRequest<T>(remote, method, path, body) : withLocalRuntime(g, 'agent', local);
}

async function jsonArg(text: string | undefined, file: string | undefined, what: string): Promise<unknown> {
  const raw = file !== undefined ? await readFile(file, 'utf8').catch((e: Error) => { throw new CliError(`cannot read ${file}: ${e.message}`, 2); }) : text;
  if (raw === undefined) return undefined;
  const parsed = parseJsonText(raw);
  if (!parsed.ok) throw new CliError(`${what} is not JSON (line ${parsed.line}, column ${parsed.column}): ${parsed.message}`, 2);
  return parsed.value;
}

function intArg(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${what} must be a whole number ≥ 1, got '${value}'`, 2);
  return n;
}

const who = () => localPrincipal().name;
const enc = encodeURIComponent;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function printTransition(out: ReturnType<typeof outOf>, name: string, t: Transition): void {
  out.data(t, () => {
    const d = t.deployment;
    out.line(`${name}: ${t.entry.action} → stable v${d.stable ?? '-'}${d.candidate !== null ? `, canary v${d.candidate} at ${candidateShare(d)}%` : ''}`);
  });
}

export function agentCommand(): Command {
  const agent = new Command('agent').description('agents (task handlers): create from templates, sandbox, provision, upgrade by blue-green or canary, roll back');

  agent
    .command('list')
    .description('agents with stable and candidate versions and live failure rates')
    .action(async (_o: unknown, cmd: Command) => {
      const { items } = await call<{ items: AgentSummary[] }>(cmd, 'GET', 'api/agents', undefined, async (rt) => ({ items: await rt.agents.views.list() }));
      outOf(cmd).data({ items }, () =>
        outOf(cmd).table(
          items.map((a) => ({
            name: a.name,
            stable: a.deployment.stable === null ? '-' : `v${a.deployment.stable}`,
            candidate: a.deployment.candidate === null ? '-' : `v${a.deployment.candidate} @ ${a.deployment.share}%`,
            versions: a.versions,
            'failure rate': a.live.map((l) => `v${l.version} ${pct(l.failureRate)} of ${l.runs}`).join(', ') || '-',
          })),
          ['name', 'stable', 'candidate', 'versions', 'failure rate'],
        ),
      );
    });

  agent
    .command('show')
    .argument('<name>')
    .description('one agent: deployment, versions, run counts, history')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const d = await call<AgentDetail>(cmd, 'GET', `api/agents/${enc(name)}`, undefined, (rt) => rt.agents.views.show(name));
      const out = outOf(cmd);
      out.data(d, () => {
        out.line(`${d.name}${d.description ? ` — ${d.description}` : ''}`);
        out.line(`stable v${d.deployment.stable ?? '-'}${d.deployment.candidate !== null ? `, canary v${d.deployment.candidate} at ${d.deployment.share}% (steps ${d.deployment.steps.join(' → ')})` : ''}`);
        out.table(d.versionList.map((v) => ({ version: `v${v.version}`, state: v.state, template: v.template, ok: d.counts.find((c) => c.version === v.version)?.succeeded ?? 0, failed: d.counts.find((c) => c.version === v.version)?.failed ?? 0, created: v.createdAt })), ['version', 'state', 'template', 'ok', 'failed', 'created']);
      });
    });

  agent
    .command('create')
    .argument('<name>', 'the handler name tasks use')
    .description('create an agent from a template (version 1, a draft), or add a version with --new-version')
    .addOption(new Option('--template <template>', 'template').choices(['webhook', 'human', 'builtin']).makeOptionMandatory())
    .option('--config <json>', 'the template configuration as JSON')
    .option('--config-file <path>', 'the template configuration in a JSON file')
    .option('--output-schema <json>', 'JSON Schema every result must satisfy')
    .option('--description <text>', 'what the agent does')
    .option('--new-version', 'add a version to an existing agent')
    .action(async (name: string, o: { template: string; config?: string; configFile?: string; outputSchema?: string; description?: string; newVersion?: boolean }, cmd: Command) => {
      const config = (await jsonArg(o.config, o.configFile, '--config')) ?? {};
      const outputSchema = await jsonArg(o.outputSchema, undefined, '--output-schema');
      const version = { template: o.template, config, ...(outputSchema !== undefined ? { outputSchema } : {}) };
      const v = o.newVersion
        ? await call<AgentVersion>(cmd, 'POST', `api/agents/${enc(name)}/versions`, version, (rt) => rt.agents.addVersion(name, version, who()))
        : await call<AgentVersion>(cmd, 'POST', 'api/agents', { name, ...version, ...(o.description ? { description: o.description } : {}) }, (rt) => rt.agents.create({ name, ...version, ...(o.description ? { description: o.description } : {}) }, who()));
      outOf(cmd).data(v, () => outOf(cmd).line(`Created ${v.agent} v${v.version} (${v.template}), a draft: try it with ow agent sandbox ${v.agent} ${v.version}, then ow agent deploy.`));
    });

  agent
    .command('sandbox')
    .argument('<name>')
    .argument('<version>')
    .description('run a version on sample task inputs outside the queue')
    .option('--samples <json>', 'a JSON array of sample task inputs', '[{}]')
    .option('--samples-file <path>', 'the samples in a JSON file')
    .action(async (name: string, version: string, o: { samples: string; samplesFile?: string }, cmd: Command) => {
      const v = intArg(version, 'version');
      const body = { samples: await jsonArg(o.samples, o.samplesFile, '--samples') };
      type Result = { passed: number; failed: number; results: Array<{ index: number; ok: boolean; output: unknown; error: string | null; durationMs: number }> };
      const r = await call<Result>(cmd, 'POST', `api/agents/${enc(name)}/versions/${v}/sandbox`, body, (rt) => rt.agents.sandbox(name, v, body));
      const out = outOf(cmd);
      out.data(r, () => {
        out.table(r.results.map((x) => ({ sample: x.index, result: x.ok ? 'ok' : 'failed', output: x.ok ? JSON.stringify(x.output).slice(0, 80) : (x.error ?? ''), ms: x.durationMs })), ['sample', 'result', 'output', 'ms']);
        out.line(`${r.passed} passed, ${r.failed} failed`);
      });
      if (r.failed > 0) process.exitCode = 1;
    });

  agent
    .command('deploy')
    .argument('<name>')
    .argument('<version>')
    .description('provision a version (first deployment) or switch to it blue-green: every task at once')
    .option('--reason <text>', 'why (recorded in the history)')
    .action(async (name: string, version: string, o: { reason?: string }, cmd: Command) => {
      const v = intArg(version, 'version');
      const body = { strategy: 'blue-green', version: v, ...(o.reason ? { reason: o.reason } : {}) };
      const t = await call<Transition>(cmd, 'POST', `api/agents/${enc(name)}/deployments`, body, async (rt) => (await rt.agents.deploy(name, body, who()))!);
      printTransition(outOf(cmd), name, t);
    });

  agent
    .command('canary')
    .argument('<name>')
    .argument('[version]', 'start a canary of this version; without it, --raise the running one')
    .description('start a canary (steps, failure threshold, optional automatic raise) or raise it a step')
    .option('--steps <list>', 'shares in percent, e.g. 5,25,50,100')
    .option('--failure-rate <rate>', 'roll back when the candidate fails this share of its window (0–1)')
    .option('--window <n>', 'runs the failure rate is taken over')
    .option('--min-sample <n>', 'runs needed before rolling back')
    .option('--auto-raise <n>', 'raise automatically after n successes at a step')
    .option('--raise', 'raise the running canary to its next step')
    .action(async (name: string, version: string | undefined, o: { steps?: string; failureRate?: string; window?: string; minSample?: string; autoRaise?: string; raise?: boolean }, cmd: Command) => {
      if (o.raise || version === undefined) {
        const t = await call<Transition>(cmd, 'POST', `api/agents/${enc(name)}/canary/raise`, undefined, async (rt) => (await rt.agents.raise(name, who()))!);
        return printTransition(outOf(cmd), name, t);
      }
      const threshold = { ...(o.failureRate ? { failureRate: Number(o.failureRate) } : {}), ...(o.window ? { window: intArg(o.window, '--window') } : {}), ...(o.minSample ? { minSample: intArg(o.minSample, '--min-sample') } : {}) };
      const body = { strategy: 'canary', version: intArg(version, 'version'), threshold, ...(o.steps ? { steps: o.steps.split(',').map(Number) } : {}), ...(o.autoRaise ? { autoRaiseAfter: intArg(o.autoRaise, '--auto-raise') } : {}) };
      const t = await call<Transition>(cmd, 'POST', `api/agents/${enc(name)}/deployments`, body, async (rt) => (await rt.agents.deploy(name, body, who()))!);
      printTransition(outOf(cmd), name, t);
    });

  agent
    .command('promote')
    .argument('<name>')
    .description('make the canary version stable')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const t = await call<Transition>(cmd, 'POST', `api/agents/${enc(name)}/canary/promote`, undefined, async (rt) => (await rt.agents.promote(name, who()))!);
      printTransition(outOf(cmd), name, t);
    });

  agent
    .command('rollback')
    .argument('<name>')
    .description('abandon the canary, or switch stable back to the version it replaced')
    .requiredOption('--reason <text>', 'why (required; recorded in the history and the audit log)')
    .action(async (name: string, o: { reason: string }, cmd: Command) => {
      if (o.reason.trim() === '') throw new CliError('--reason must say why', 2);
      const t = await call<Transition>(cmd, 'POST', `api/agents/${enc(name)}/rollback`, { reason: o.reason }, async (rt) => (await rt.agents.rollback(name, o.reason, who()))!);
      printTransition(outOf(cmd), name, t);
    });

  agent
    .command('history')
    .argument('<name>')
    .description('every provision, switch, canary step, promotion and rollback, newest first')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const { items } = await call<{ items: RolloutRecord[] }>(cmd, 'GET', `api/agents/${enc(name)}/history`, undefined, async (rt) => ({ items: await rt.agents.views.history(name) }));
      outOf(cmd).data({ items }, () =>
        outOf(cmd).table(items.map((h) => ({ at: h.at, action: h.action, from: h.fromVersion === null ? '-' : `v${h.fromVersion}`, to: h.toVersion === null ? '-' : `v${h.toVersion}`, share: `${h.share}%`, by: h.actor, reason: h.reason })), ['at', 'action', 'from', 'to', 'share', 'by', 'reason']),
      );
    });

  return agent;
}
