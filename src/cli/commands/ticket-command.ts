// `ow ticket create|list|show|status|comment|assign|escalate`: tickets through a server or on the local store.
import { Command, Option } from 'commander';
import { PRIORITIES, TIERS } from '../../core/routing/types';
import { TICKET_STATUSES, type Ticket, type TicketComment } from '../../core/tickets/ticket';
import type { TicketDetail } from '../../engine/ticket-service';
import type { Runtime } from '../../engine/runtime';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';

type Globals = ReturnType<typeof globalsOf>;

/** Runs remotely (--server) or on the local store. */
async function call<T>(g: Globals, method: string, path: string, body: unknown, local: (rt: Runtime, actor: string) => Promise<T>): Promise<T> {
  const remote = remoteTarget(g);
  return remote ? apiRequest<T>(remote, method, path, body) : withLocalRuntime(g, 'ticket', (rt) => local(rt, localPrincipal().name));
}

function parseSkills(list: string[] | undefined): { skill: string; mandatory: boolean; weight: number }[] {
  // --skill billing! (mandatory) or --skill de:2 (weight 2)
  return (list ?? []).map((s) => {
    const m = /^([^:!]+)(!)?(?::(\d+(?:\.\d+)?))?$/.exec(s.trim());
    if (!m?.[1]) throw new CliError(`--skill ${s}: write name, name! (mandatory) or name:weight`, 2);
    return { skill: m[1], mandatory: m[2] === '!', weight: m[3] ? Number(m[3]) : 1 };
  });
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function line(t: Ticket): string {
  return `${t.id} [${t.priority}/${t.status}/${t.tier}] ${t.subject} → ${t.assigneeId ?? (t.queuedAt ? 'queued' : 'unassigned')}`;
}

export function ticketCommand(): Command {
  const ticket = new Command('ticket').description('support tickets: create, list, show, status, comment, assign, escalate');

  ticket
    .command('create')
    .description('create a ticket; the Smart Router assigns it or queues it')
    .requiredOption('--subject <text>', 'subject')
    .option('--description <text>', 'description')
    .option('--requester <who>', 'requester')
    .option('--client <id>', 'client (MSP customer) id')
    .addOption(new Option('--priority <p>', 'priority').choices([...PRIORITIES]).default('normal'))
    .addOption(new Option('--tier <t>', 'tier').choices([...TIERS]).default('L1'))
    .option('--skill <skill>', 'required skill: name, name! (mandatory) or name:weight; repeatable', collect)
    .action(async (opts: { subject: string; description?: string; requester?: string; client?: string; priority: string; tier: string; skill?: string[] }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const body = { subject: opts.subject, priority: opts.priority, tier: opts.tier, requiredSkills: parseSkills(opts.skill), ...(opts.description ? { description: opts.description } : {}), ...(opts.requester ? { requester: opts.requester } : {}), ...(opts.client ? { clientId: opts.client } : {}) };
      const t = await call<Ticket>(g, 'POST', 'api/tickets', body, (rt, actor) => rt.tickets.create(body, actor));
      out.data(t, () => out.line(`Created ${line(t)}`));
    });

  ticket
    .command('list')
    .description('list tickets, newest first')
    .addOption(new Option('--status <s>').choices([...TICKET_STATUSES]))
    .addOption(new Option('--priority <p>').choices([...PRIORITIES]))
    .option('--assignee <id>', 'support agent id')
    .option('--client <id>', 'client id')
    .option('--queued', 'only tickets waiting for capacity')
    .option('--limit <n>', 'at most n', '100')
    .action(async (opts: { status?: Ticket['status']; priority?: Ticket['priority']; assignee?: string; client?: string; queued?: boolean; limit: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit must be a whole number from 1 to 500', 2);
      const qs = new URLSearchParams({ limit: String(limit), ...(opts.status ? { status: opts.status } : {}), ...(opts.priority ? { priority: opts.priority } : {}), ...(opts.assignee ? { assignee: opts.assignee } : {}), ...(opts.client ? { client: opts.client } : {}), ...(opts.queued ? { queued: 'true' } : {}) });
      const { items } = await call<{ items: Ticket[] }>(g, 'GET', `api/tickets?${qs}`, undefined, async (rt) => ({
        items: await rt.tickets.list({ status: opts.status, priority: opts.priority, assigneeId: opts.assignee, clientId: opts.client, queued: opts.queued ? true : undefined, limit }),
      }));
      out.data({ items }, () =>
        out.table(items.map((t) => ({ id: t.id, priority: t.priority, status: t.status, tier: t.tier, assignee: t.assigneeId ?? (t.queuedAt ? '(queued)' : ''), subject: t.subject })), ['id', 'priority', 'status', 'tier', 'assignee', 'subject']),
      );
    });

  ticket
    .command('show')
    .description('a ticket with its comments and the routing decisions explained')
    .argument('<id>', 'ticket id (T-…)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const d = await call<TicketDetail>(g, 'GET', `api/tickets/${encodeURIComponent(id)}`, undefined, (rt) => rt.tickets.detail(id));
      out.data(d, () => {
        out.line(line(d.ticket));
        for (const c of d.comments as TicketComment[]) out.line(`  #${c.seq} ${c.public ? 'public' : 'internal'} by ${c.author}: ${c.body}`);
        for (const r of d.routing) {
          out.line(`  routing ${r.decidedAt} (${r.strategy}, ${r.mode}): ${r.reason}`);
          for (const c of r.candidates) out.line(`    ${c.agentId === r.chosenAgentId ? '*' : ' '} ${c.agentId} load ${c.load}/${c.max} score ${c.score} — ${c.reason}`);
        }
      });
    });

  ticket
    .command('status')
    .description('move a ticket to a status (solved → open reopens)')
    .argument('<id>')
    .addArgument(new Command().createArgument('<status>', 'new status').choices([...TICKET_STATUSES]))
    .action(async (id: string, status: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const t = await call<Ticket>(g, 'POST', `api/tickets/${encodeURIComponent(id)}/status`, { status }, (rt, actor) => rt.tickets.changeStatus(id, { status }, actor));
      outOf(cmd).data(t, () => outOf(cmd).line(line(t)));
    });

  ticket
    .command('comment')
    .description('add a comment (public unless --internal)')
    .argument('<id>')
    .argument('<body>')
    .option('--internal', 'an internal note')
    .option('--author <who>', 'author (a support agent id marks an agent reply)')
    .action(async (id: string, text: string, opts: { internal?: boolean; author?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const body = { body: text, public: !opts.internal, ...(opts.author ? { author: opts.author } : {}) };
      const r = await call<{ ticket: Ticket; comment: TicketComment }>(g, 'POST', `api/tickets/${encodeURIComponent(id)}/comments`, body, (rt, actor) => rt.tickets.comment(id, body, actor));
      outOf(cmd).data(r, () => outOf(cmd).line(`Comment #${r.comment.seq} on ${id}.`));
    });

  ticket
    .command('assign')
    .description('assign to a support agent by hand (--none unassigns)')
    .argument('<id>')
    .argument('[agent]')
    .option('--none', 'unassign')
    .action(async (id: string, agent: string | undefined, opts: { none?: boolean }, cmd: Command) => {
      if (!agent && !opts.none) throw new CliError('give an agent id or --none', 2);
      const g = globalsOf(cmd);
      const body = { agentId: opts.none ? null : (agent ?? null) };
      const t = await call<Ticket>(g, 'POST', `api/tickets/${encodeURIComponent(id)}/assign`, body, (rt, actor) => rt.tickets.assign(id, body, actor));
      outOf(cmd).data(t, () => outOf(cmd).line(line(t)));
    });

  ticket
    .command('escalate')
    .description('escalate one tier up and re-route')
    .argument('<id>')
    .requiredOption('--reason <text>', 'why')
    .addOption(new Option('--to <tier>', 'target tier').choices([...TIERS]))
    .action(async (id: string, opts: { reason: string; to?: 'L1' | 'L2' | 'L3' }, cmd: Command) => {
      const g = globalsOf(cmd);
      const body = { reason: opts.reason, ...(opts.to ? { toTier: opts.to } : {}) };
      const t = await call<Ticket>(g, 'POST', `api/tickets/${encodeURIComponent(id)}/escalate`, body, (rt, actor) => rt.tickets.escalate(id, { reason: opts.reason, toTier: opts.to, actor }));
      outOf(cmd).data(t, () => outOf(cmd).line(line(t)));
    });

  return ticket;
}
export { supportAgentCommand } from './support-agent-command';
