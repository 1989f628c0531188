// `ow helpdesk search|client|detective|playbooks`: the technical help desk from a terminal,
// through a server or directly on the store.
import { Command, Option } from 'commander';
import { SUBJECT_KINDS, type Finding, type SubjectKind } from '../../core/helpdesk/finding';
import type { SearchResult } from '../../core/helpdesk/search-rank';
import { HelpdeskService, type ClientView } from '../../engine/helpdesk-service';
import { PlaybookLibrary, type PlaybookPage, type PlaybookSummary } from '../../engine/playbook-library';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, outOf, remoteTarget, withLocalRuntime } from '../context';

const q = (s: string) => encodeURIComponent(s);

export function helpdeskCommand(): Command {
  const hd = new Command('helpdesk').description('technical help desk: search, client view, Issue Detective, playbooks');

  hd.command('search')
    .description('search clients, journeys, tickets and agents by id or name')
    .argument('<query>', 'text to look for')
    .action(async (query: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      if (query.trim() === '') throw new CliError('give something to search for', 2);
      const remote = remoteTarget(g);
      const items = remote
        ? (await apiRequest<{ items: SearchResult[] }>(remote, 'GET', `api/helpdesk/search?q=${q(query)}`)).items
        : await withLocalRuntime(g, 'helpdesk', (rt) => new HelpdeskService(rt.db, rt.clock, rt.tickets).search(query));
      out.data({ items }, () => out.table(items.map((r) => ({ type: r.type, id: r.id, name: r.name, detail: r.detail, link: r.link })), ['type', 'id', 'name', 'detail', 'link']));
    });

  hd.command('client')
    .description("a client's journeys, failures, SLA state of its tickets and recent events")
    .argument('<id>', 'client id')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const v = remote
        ? await apiRequest<ClientView>(remote, 'GET', `api/helpdesk/clients/${q(id)}`)
        : await withLocalRuntime(g, 'helpdesk', (rt) => new HelpdeskService(rt.db, rt.clock, rt.tickets).client(id));
      out.data(v, () => {
        out.line(`Client ${v.name ?? v.clientId} (${v.clientId}): ${v.journeys.length} journeys, ${v.failures.length} failed tasks, ${v.tickets.length} tickets, ${v.findingCount} findings`);
        out.table(v.journeys.map((j) => ({ journey: j.journeyId, definition: j.definitionId, stage: j.currentStage, status: j.status })), ['journey', 'definition', 'stage', 'status']);
        for (const t of v.tickets) out.line(`ticket ${t.id} [SLA ${t.sla}] ${t.status} ${t.subject}`);
        for (const f of v.failures) out.line(`failed ${f.id} on ${f.handler}: ${f.lastError ?? ''}`);
      });
    });

  hd.command('detective')
    .description('Issue Detective: findings about a journey, task, client or ticket, with evidence')
    .addOption(new Option('--kind <kind>', 'what to investigate').choices([...SUBJECT_KINDS]).makeOptionMandatory())
    .requiredOption('--id <id>', 'its id')
    .action(async (o: { kind: SubjectKind; id: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const findings = remote
        ? (await apiRequest<{ findings: Finding[] }>(remote, 'GET', `api/helpdesk/detective?kind=${o.kind}&id=${q(o.id)}`)).findings
        : await withLocalRuntime(g, 'helpdesk', (rt) => new HelpdeskService(rt.db, rt.clock, rt.tickets).detective({ kind: o.kind, id: o.id }));
      out.data({ subject: { kind: o.kind, id: o.id }, findings }, () => {
        if (findings.length === 0) out.line(`No finding for ${o.kind} ${o.id}.`);
        for (const f of findings) {
          out.line(`[${f.severity}] ${f.title}`);
          out.line(`  ${f.explanation}`);
          for (const e of f.evidence.slice(0, 20)) out.line(`  - ${e.type} ${e.id}: ${e.shows}`);
          out.line(`  playbook: ${f.playbookId}`);
        }
      });
    });

  hd.command('playbooks')
    .description('list the playbooks, or show one')
    .argument('[id]', 'a playbook id')
    .action(async (id: string | undefined, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const lib = new PlaybookLibrary();
      if (id !== undefined) {
        const p = remote ? await apiRequest<PlaybookPage>(remote, 'GET', `api/playbooks/${q(id)}`) : await lib.get(id);
        out.data(p, () => {
          out.line(p.title);
          p.steps.forEach((s, i) => out.line(`${i + 1}. ${s}`));
        });
        return;
      }
      const items = remote ? (await apiRequest<{ items: PlaybookSummary[] }>(remote, 'GET', 'api/playbooks')).items : await lib.list();
      out.data({ items }, () => out.table(items.map((p) => ({ id: p.id, title: p.title, 'applies to': p.appliesTo.join(', '), steps: p.stepCount })), ['id', 'title', 'applies to', 'steps']));
    });

  return hd;
}
