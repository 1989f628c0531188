// `ow metrics import|baseline|measure|compare|snapshots|definitions`: ticket history, before/after
// snapshots and ROI, through a server (--server) or directly on the store.
import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { METRIC_DEFINITIONS, PRIORITIES, ROI_DEFINITION, type FiguresByPriority, type MetricChange } from '../../core/metrics';
import { formatLocations } from '../../core/shared/zod-errors';
import type { ImportPreview, SnapshotComparison } from '../../engine/metrics-service';
import type { MetricSnapshot } from '../../store/metric-snapshots-repo';
import { apiRequest, type RemoteTarget } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';
import type { Out } from '../output';

const hours = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)} h`);
const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)} %`);
const signedPct = (v: number | null) => (v === null ? '-' : `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`);

function format(key: string, v: number | null): string {
  return key.endsWith('Rate') ? pct(v) : hours(v);
}

/** The CSV goes up as text/csv, which the JSON-only api client does not send. */
async function postCsv(target: RemoteTarget, csv: string, commit: boolean): Promise<ImportPreview> {
  const url = new URL(`api/ticket-imports?commit=${commit}`, target.server.endsWith('/') ? target.server : `${target.server}/`);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', accept: 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) }, body: csv }).catch((err: unknown) => {
    throw new CliError(`Cannot reach the server at ${url.origin}: ${(err as Error).message}`, 1);
  });
  const body = (await res.json().catch(() => undefined)) as (ImportPreview & { code?: string; detail?: string; errors?: ImportPreview['errors'] }) | undefined;
  if (!res.ok) {
    const where = body?.errors?.length ? `\n${formatLocations(body.errors)}` : '';
    throw new CliError(`${body?.code ?? `HTTP ${res.status}`}: ${body?.detail ?? res.statusText}${where}`, res.status === 400 ? 2 : 1);
  }
  return body!;
}

function printFigures(out: Out, figures: FiguresByPriority): void {
  const rows = [['all', figures.all] as const, ...PRIORITIES.map((p) => [p, figures.byPriority[p]] as const)].map(([name, f]) => ({
    priority: name,
    tickets: f.tickets,
    resolved: f.resolved,
    'mttr mean': hours(f.mttrHours.mean),
    'mttr p90': hours(f.mttrHours.p90),
    'first response': hours(f.firstResponseHours.mean),
    'sla breach': pct(f.slaBreachRate),
    're-escalation': pct(f.reEscalationRate),
  }));
  out.table(rows, ['priority', 'tickets', 'resolved', 'mttr mean', 'mttr p90', 'first response', 'sla breach', 're-escalation']);
}

function printSnapshot(out: Out, s: MetricSnapshot): void {
  out.line(`${s.kind === 'baseline' ? 'Baseline' : 'Measurement'} ${s.id} from ${s.source} tickets created ${s.windowStart ?? '…'} – ${s.windowEnd ?? '…'}`);
  printFigures(out, s.figures);
}

interface SnapshotOpts {
  source: 'import' | 'live';
  import?: string;
  from?: string;
  to?: string;
  workspace?: string;
}

function snapshotCommand(kind: 'baseline' | 'measure'): Command {
  return new Command(kind)
    .description(kind === 'baseline' ? 'capture a baseline (metrics.baselined) from imported history or live tickets' : 'measure the metrics now (metrics.measured), to compare with a baseline')
    .addOption(new Option('--source <source>', 'where the tickets come from').choices(['import', 'live']).default(kind === 'baseline' ? 'import' : 'live'))
    .option('--import <id>', 'which import (default: the latest)')
    .option('--from <iso>', 'window start: tickets created at or after (ISO 8601)')
    .option('--to <iso>', 'window end: tickets created before (ISO 8601)')
    .option('--workspace <id>', 'the workspace this snapshot belongs to')
    .action(async (opts: SnapshotOpts, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const input = {
        source: opts.source,
        ...(opts.import ? { importId: opts.import } : {}),
        ...(opts.from ? { windowStart: opts.from } : {}),
        ...(opts.to ? { windowEnd: opts.to } : {}),
        ...(opts.workspace ? { workspaceId: opts.workspace } : {}),
      };
      const remote = remoteTarget(g);
      const snap = remote
        ? await apiRequest<MetricSnapshot>(remote, 'POST', 'api/metrics/snapshots', { kind: kind === 'baseline' ? 'baseline' : 'measured', ...input })
        : await withLocalRuntime(g, 'metrics', (rt) => (kind === 'baseline' ? rt.metrics.captureBaseline({ ...input, actor: localPrincipal() }) : rt.metrics.measure({ ...input, actor: localPrincipal() })));
      out.data(snap, () => printSnapshot(out, snap));
    });
}

export function metricsCommand(): Command {
  const metrics = new Command('metrics').description('MTTR, first response, SLA breach and re-escalation rates: history import, baseline, measurement, before/after and ROI');

  metrics
    .command('import')
    .description('import historical tickets from CSV: previews and lists every bad row (exit 1 if any); --commit stores the valid rows')
    .argument('<file>', 'CSV with created, first response, resolved, priority, assignee, escalations, reopens (Zendesk/Jira export names accepted)')
    .option('--commit', 'store the valid rows (bad rows are skipped and listed)')
    .action(async (file: string, opts: { commit?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const csv = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new CliError(`Cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, 2);
      });
      const commit = Boolean(opts.commit);
      const remote = remoteTarget(g);
      const preview = remote ? await postCsv(remote, csv, commit) : await withLocalRuntime(g, 'metrics', (rt) => rt.metrics.importHistory(csv, { commit, actor: localPrincipal() }));
      out.data(preview, () => {
        out.line(`${file}: ${preview.total} rows, ${preview.valid} valid, ${preview.invalid} with errors.`);
        out.line(`Columns: ${Object.entries(preview.columns).map(([k, v]) => `${k} ← "${v}"`).join(', ')}${preview.ignoredColumns.length ? `; ignored: ${preview.ignoredColumns.join(', ')}` : ''}`);
        if (preview.errors.length) out.line(`Errors:\n${formatLocations(preview.errors).replace(/^/gm, '  ')}`);
        printFigures(out, preview.figures);
        out.line(preview.committed ? `Imported ${preview.valid} rows as ${preview.importId}.` : 'Nothing stored (preview). Run again with --commit to import the valid rows.');
      });
      if (!commit && preview.errors.length > 0) throw new CliError(`${preview.errors.length} error(s) in ${file}; fix them or import the valid rows with --commit`, 1);
    });

  metrics.addCommand(snapshotCommand('baseline'));
  metrics.addCommand(snapshotCommand('measure'));

  metrics
    .command('compare')
    .description('before/after of a baseline and a measurement, % improvement per metric; ROI with --cost-per-hour and --implementation-cost')
    .argument('<baseline>', 'baseline snapshot id (ms_…)')
    .argument('<measured>', 'measured snapshot id (ms_…)')
    .option('--cost-per-hour <n>', 'cost of one hour a ticket stays open', Number)
    .option('--implementation-cost <n>', 'what the implementation cost', Number)
    .action(async (baseline: string, measured: string, opts: { costPerHour?: number; implementationCost?: number }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      for (const [name, v] of [['--cost-per-hour', opts.costPerHour], ['--implementation-cost', opts.implementationCost]] as const) {
        if (v !== undefined && (!Number.isFinite(v) || v < 0)) throw new CliError(`${name} must be a number of 0 or more`, 2);
      }
      const remote = remoteTarget(g);
      const q = new URLSearchParams({ baseline, measured });
      if (opts.costPerHour !== undefined) q.set('costPerHour', String(opts.costPerHour));
      if (opts.implementationCost !== undefined) q.set('implementationCost', String(opts.implementationCost));
      const c = remote
        ? await apiRequest<SnapshotComparison>(remote, 'GET', `api/metrics/compare?${q}`)
        : await withLocalRuntime(g, 'metrics', (rt) => rt.metrics.compare(baseline, measured, opts));
      out.data(c, () => {
        const name = (m: MetricChange) => METRIC_DEFINITIONS.find((d) => d.key === m.key)?.name ?? m.key;
        out.table(c.comparison.all.map((m) => ({ metric: name(m), before: format(m.key, m.before), after: format(m.key, m.after), improvement: signedPct(m.improvementPct) })), ['metric', 'before', 'after', 'improvement']);
        if (c.roi) {
          const money = (v: number | null) => (v === null ? '-' : Math.round(v).toLocaleString('en-US'));
          out.line(`Hours saved per week: ${c.roi.hoursSavedPerWeek === null ? '-' : c.roi.hoursSavedPerWeek.toFixed(1)}; annual savings ${money(c.roi.annualSavings)}; ROI ${c.roi.roi === null ? '-' : `${(c.roi.roi * 100).toFixed(0)} %`}; payback ${c.roi.paybackWeeks === null ? 'never' : `${c.roi.paybackWeeks.toFixed(1)} weeks`}`);
        }
      });
    });

  metrics
    .command('snapshots')
    .description('list baselines and measurements, newest first')
    .addOption(new Option('--kind <kind>').choices(['baseline', 'measured']))
    .action(async (opts: { kind?: 'baseline' | 'measured' }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const items = remote
        ? (await apiRequest<{ items: MetricSnapshot[] }>(remote, 'GET', `api/metrics/snapshots${opts.kind ? `?kind=${opts.kind}` : ''}`)).items
        : await withLocalRuntime(g, 'metrics', (rt) => rt.metrics.listSnapshots(opts.kind ? { kind: opts.kind } : {}));
      out.data({ items }, () =>
        out.table(items.map((s) => ({ id: s.id, kind: s.kind, source: s.source, tickets: s.figures.all.tickets, mttr: hours(s.figures.all.mttrHours.mean), created: s.createdAt })), ['id', 'kind', 'source', 'tickets', 'mttr', 'created']),
      );
    });

  metrics
    .command('definitions')
    .description('what each metric means (the same table as the README and the portal)')
    .action((_opts: unknown, cmd: Command) => {
      const out = outOf(cmd);
      out.data({ items: METRIC_DEFINITIONS, roi: ROI_DEFINITION }, () => {
        for (const d of METRIC_DEFINITIONS) out.line(`${d.name} (${d.unit}, ${d.direction}): ${d.formula}`);
        out.line(`${ROI_DEFINITION.name}: ${ROI_DEFINITION.formula}`);
      });
    });

  return metrics;
}
