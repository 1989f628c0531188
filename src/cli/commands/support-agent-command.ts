// `ow support-agent add|list|status`: the people who handle tickets, through a server or on the local store.
import { Command, Option } from 'commander';
import { AGENT_STATUSES, TIERS } from '../../core/routing/types';
import type { SupportAgentRecord } from '../../store/support-agent-repo';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function supportAgentCommand(): Command {
  const sa = new Command('support-agent').description('support agents: add, list, status');

  sa.command('add')
    .description('add a support agent')
    .requiredOption('--name <name>', 'name')
    .option('--id <id>', 'id (default: generated)')
    .option('--email <email>', 'e-mail')
    .addOption(new Option('--tier <t>').choices([...TIERS]).default('L1'))
    .option('--skill <skill>', 'skill as name or name:level (1-5); repeatable', collect)
    .option('--max <n>', 'maximum concurrent tickets (default: the router default)')
    .addOption(new Option('--status <s>').choices([...AGENT_STATUSES]).default('offline'))
    .action(async (opts: { name: string; id?: string; email?: string; tier: string; skill?: string[]; max?: string; status: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const skills = (opts.skill ?? []).map((s) => {
        const [skill, level] = s.split(':');
        if (!skill || (level !== undefined && !/^[1-5]$/.test(level))) throw new CliError(`--skill ${s}: write name or name:level with level 1-5`, 2);
        return { skill, level: level ? Number(level) : 3 };
      });
      if (opts.max !== undefined && !/^\d+$/.test(opts.max)) throw new CliError('--max must be a whole number', 2);
      const body = { name: opts.name, tier: opts.tier, status: opts.status, skills, ...(opts.id ? { id: opts.id } : {}), ...(opts.email ? { email: opts.email } : {}), ...(opts.max ? { maxConcurrent: Number(opts.max) } : {}) };
      const remote = remoteTarget(g);
      const a = remote ? await apiRequest<SupportAgentRecord>(remote, 'POST', 'api/support-agents', body) : await withLocalRuntime(g, 'support-agent', (rt) => rt.supportAgents.create(body, localPrincipal().name));
      outOf(cmd).data(a, () => outOf(cmd).line(`Added ${a.tier} agent ${a.id} (${a.name}), ${a.status}.`));
    });

  sa.command('list')
    .description('list support agents with load and capacity')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const remote = remoteTarget(g);
      const items = remote ? (await apiRequest<{ items: SupportAgentRecord[] }>(remote, 'GET', 'api/support-agents')).items : await withLocalRuntime(g, 'support-agent', (rt) => rt.supportAgents.list());
      outOf(cmd).data({ items }, () =>
        outOf(cmd).table(items.map((a) => ({ id: a.id, name: a.name, tier: a.tier, status: a.status, load: `${a.load}/${a.maxConcurrent ?? 'default'}`, skills: a.skills.map((s) => `${s.skill}:${s.level}`).join(' ') })), ['id', 'name', 'tier', 'status', 'load', 'skills']),
      );
    });

  sa.command('status')
    .description('set online, away or offline (away/offline re-routes the agent\'s tickets)')
    .argument('<id>')
    .addArgument(new Command().createArgument('<status>').choices([...AGENT_STATUSES]))
    .action(async (id: string, status: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const remote = remoteTarget(g);
      const a = remote ? await apiRequest<SupportAgentRecord>(remote, 'POST', `api/support-agents/${encodeURIComponent(id)}/status`, { status }) : await withLocalRuntime(g, 'support-agent', (rt) => rt.supportAgents.setStatus(id, { status }, localPrincipal().name));
      outOf(cmd).data(a, () => outOf(cmd).line(`${a.id} is ${a.status} (load ${a.load}).`));
    });

  return sa;
}
