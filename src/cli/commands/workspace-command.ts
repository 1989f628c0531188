// `ow workspace create|list|show|step|report`: the operator's implementation workspace (seed 000),
// through a server or directly on the store.
import { Command, Option } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { STAGES, STEPS } from '../../core/workspace/workspace-schema';
import type { Workspace } from '../../core/workspace/workspace-schema';
import type { WorkspaceDetail } from '../../engine/workspace-service';
import { apiRequest, type RemoteTarget } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime, type GlobalOptions } from '../context';
import type { Out } from '../output';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function pairs(items: string[] | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items ?? []) {
    const i = item.indexOf('=');
    if (i <= 0) throw new CliError(`${what} must be name=value, got "${item}"`, 2);
    out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return out;
}

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new CliError(`${flag} must be a number, got "${value}"`, 2);
  return n;
}

async function readJson(file: string, flag: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`${flag}: cannot read ${file}: ${(err as Error).message}`, 2);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new CliError(`${flag}: ${file} is not valid JSON: ${(err as Error).message}`, 2);
  }
}

/** Remote when --server is given, else the local store. */
function via<T>(g: GlobalOptions, remote: (t: RemoteTarget) => Promise<T>, local: Parameters<typeof withLocalRuntime<T>>[2]): Promise<T> {
  const target = remoteTarget(g);
  return target ? remote(target) : withLocalRuntime(g, 'workspace', local);
}

async function fetchText(t: RemoteTarget, path: string): Promise<string> {
  const url = new URL(path, t.server.endsWith('/') ? t.server : `${t.server}/`);
  const res = await fetch(url, { headers: t.token ? { authorization: `Bearer ${t.token}` } : {} });
  const body = await res.text();
  if (!res.ok) {
    const p = JSON.parse(body || '{}') as { code?: string; detail?: string };
    throw new CliError(`${p.code ?? `HTTP ${res.status}`}: ${p.detail ?? res.statusText}`, res.status === 400 ? 2 : 1);
  }
  return body;
}

function printDetail(out: Out, d: WorkspaceDetail): void {
  out.data(d, () => {
    const w = d.workspace;
    out.line(`${w.id}  ${w.team} · ${w.pattern.title} v${w.pattern.version} · owner ${w.owner}`);
    for (const s of d.journey.steps) out.line(`  ${s.status === 'done' ? '[x]' : s.status === 'current' ? '[>]' : '[ ]'} ${s.label.padEnd(24)} ${s.at ?? ''}`);
    if (d.journey.window) out.line(`Stabilization window ends ${d.journey.window.endsAt}${d.journey.window.elapsed ? ' (elapsed)' : ` (${d.journey.window.daysLeft} day(s) left)`}`);
    if (d.journey.next) {
      out.line(`Next step: ${d.journey.next.step}${d.journey.next.blockers.length ? `, blocked by:` : ''}`);
      for (const b of d.journey.next.blockers) out.line(`  - ${b}`);
    } else out.line('The journey is complete.');
  });
}

export function workspaceCommand(): Command {
  const ws = new Command('workspace').description("the operator's implementation workspace: a pattern assigned to a team, from kickoff to lessons learned");

  ws.command('create')
    .description('assign a pattern to a team (pattern.assigned)')
    .requiredOption('--team <name>', 'the team that implements the pattern')
    .requiredOption('--owner <name>', 'who leads the implementation')
    .requiredOption('--pattern <slug>', 'pattern slug, e.g. support-ticket-escalation-backlog')
    .option('--pattern-version <n>', 'pattern version (default: latest)')
    .option('--stabilization-days <n>', 'days between production and measurement (default 14)')
    .option('--client-name <name>', 'MSP client: the name the case study must never show')
    .option('--client-alias <name>', 'another spelling of the client name (repeatable)', collect)
    .option('--client-label <text>', 'what stands in for the client in the case study')
    .option('--term <from=to>', "white-label term: the client's name for a generic term (repeatable)", collect)
    .action(async (o: { team: string; owner: string; pattern: string; patternVersion?: string; stabilizationDays?: string; clientName?: string; clientAlias?: string[]; clientLabel?: string; term?: string[] }, cmd: Command) => {
      const g = globalsOf(cmd);
      const terms = Object.entries(pairs(o.term, '--term')).map(([from, to]) => ({ from, to }));
      const body = {
        team: o.team,
        owner: o.owner,
        patternSlug: o.pattern,
        ...(o.patternVersion !== undefined ? { patternVersion: num(o.patternVersion, '--pattern-version') } : {}),
        ...(o.stabilizationDays !== undefined ? { stabilizationDays: num(o.stabilizationDays, '--stabilization-days') } : {}),
        ...(o.clientName !== undefined ? { client: { name: o.clientName, aliases: o.clientAlias ?? [], ...(o.clientLabel ? { label: o.clientLabel } : {}), terms } } : {}),
      };
      const d = await via(g, (t) => apiRequest<WorkspaceDetail>(t, 'POST', 'api/workspaces', body), async (rt) => {
        await rt.patterns.loadCatalog();
        return rt.workspaces.create(body, localPrincipal().name);
      });
      printDetail(outOf(cmd), d);
    });

  ws.command('list')
    .description('workspaces with their stage')
    .addOption(new Option('--stage <stage>', 'only this stage').choices([...STAGES]))
    .option('--pattern <slug>', 'only this pattern')
    .action(async (o: { stage?: string; pattern?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const q = new URLSearchParams({ ...(o.stage ? { stage: o.stage } : {}), ...(o.pattern ? { pattern: o.pattern } : {}) });
      const items = await via(g, async (t) => (await apiRequest<{ items: Array<Workspace & { updatedAt: string }> }>(t, 'GET', `api/workspaces?${q}`)).items, (rt) => rt.workspaces.list({ ...(o.stage ? { stage: o.stage } : {}), ...(o.pattern ? { patternSlug: o.pattern } : {}) }));
      out.data({ items }, () => out.table(items.map((w) => ({ id: w.id, team: w.team, pattern: w.pattern.slug, stage: w.stage, owner: w.owner, updated: w.updatedAt })), ['id', 'team', 'pattern', 'stage', 'owner', 'updated']));
    });

  ws.command('show')
    .description('where a workspace stands: stages done, current, next and what blocks it')
    .argument('<id>', 'workspace id (ws_…)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      printDetail(outOf(cmd), await via(g, (t) => apiRequest<WorkspaceDetail>(t, 'GET', `api/workspaces/${encodeURIComponent(id)}`), (rt) => rt.workspaces.get(id)));
    });

  ws.command('step')
    .description(`take one step: ${STEPS.join(', ')}`)
    .argument('<id>', 'workspace id')
    .addArgument(new Command().createArgument('<step>', 'the step').choices([...STEPS]))
    .option('--owner <item=name>', 'checklist item owner, e.g. IMP-001=Ana (kickoff, owners; repeatable)', collect)
    .addOption(new Option('--source <source>', 'baseline data: import, live or manual').choices(['import', 'live', 'manual']))
    .option('--import-id <id>', 'baseline from this ticket import')
    .option('--window-start <iso>', 'window start (baseline, measure)')
    .option('--window-end <iso>', 'window end (baseline, measure)')
    .option('--figures <file>', 'JSON file of figures { overall, byPriority } (manual baseline or measurement)')
    .option('--force', 'measure before the stabilization window ends (needs --reason)')
    .option('--reason <text>', 'why the window is cut short')
    .option('--stabilization-days <n>', 'window length (production)')
    .option('--implementation-cost <n>', 'what the implementation cost (report)')
    .option('--cost-per-hour <n>', 'cost of one hour of ticket time (report)')
    .option('--currency <code>', 'ISO currency (report, default USD)')
    .option('--lesson <text>', 'a lesson learned (lessons; repeatable)', collect)
    .action(async (id: string, step: string, o: Record<string, string | string[] | boolean | undefined>, cmd: Command) => {
      const g = globalsOf(cmd);
      const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
      const owners = o.owner ? pairs(o.owner as string[], '--owner') : undefined;
      const figures = s('figures') ? await readJson(s('figures')!, '--figures') : undefined;
      const body: Record<string, unknown> = Object.fromEntries(
        Object.entries({
          owners,
          source: s('source'),
          importId: s('importId'),
          windowStart: s('windowStart'),
          windowEnd: s('windowEnd'),
          figures,
          force: o.force === true ? true : undefined,
          reason: s('reason'),
          stabilizationDays: num(s('stabilizationDays'), '--stabilization-days'),
          implementationCost: num(s('implementationCost'), '--implementation-cost'),
          costPerHour: num(s('costPerHour'), '--cost-per-hour'),
          currency: s('currency'),
          lessons: o.lesson,
        }).filter(([, v]) => v !== undefined),
      );
      const d = await via(g, (t) => apiRequest<WorkspaceDetail>(t, 'POST', `api/workspaces/${encodeURIComponent(id)}/steps/${step}`, body), (rt) => rt.workspaces.step(id, step, body, localPrincipal().name));
      printDetail(outOf(cmd), d);
    });

  ws.command('report')
    .description('the results report (Markdown or printable HTML), the anonymized case study, or the Jira CSV')
    .argument('<id>', 'workspace id')
    .addOption(new Option('--kind <kind>', 'what to produce').choices(['results', 'case-study', 'checklist']).default('results'))
    .addOption(new Option('--format <format>', 'results format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (id: string, o: { kind: 'results' | 'case-study' | 'checklist'; format: 'md' | 'html'; out?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const enc = encodeURIComponent(id);
      const path = o.kind === 'results' ? `api/workspaces/${enc}/report.${o.format}` : o.kind === 'case-study' ? `api/workspaces/${enc}/case-study.md` : `api/workspaces/${enc}/checklist.csv`;
      const body = await via(g, (t) => fetchText(t, path), async (rt) => {
        if (o.kind === 'case-study') return rt.workspaces.caseStudy(id);
        if (o.kind === 'checklist') return (await rt.workspaces.checklistCsv(id, 'http://localhost:8080')).csv;
        const report = await rt.workspaces.report(id);
        return o.format === 'md' ? report.markdown : report.html;
      });
      if (o.out) {
        await writeFile(o.out, body);
        outOf(cmd).data({ id, kind: o.kind, file: o.out, bytes: Buffer.byteLength(body) }, () => outOf(cmd).line(`Wrote ${o.out}.`));
      } else process.stdout.write(body);
    });

  return ws;
}
