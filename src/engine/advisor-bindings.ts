// Live metric bindings of KPIs, key results and key risk indicators: each binding is resolved
// against the event log or reported as not yet resolvable; a value is never invented.
import type { MetricBinding, OkrSetInput, RiskRegister } from '../core/advisor';
import { metricsFromEvents, type LoggedEvent } from '../core/journey/metrics-from-events';
import { fmt } from '../core/advisor/format-number';
import type { Queryable } from '../store/db';
import { readEvents } from '../store/events-repo';
import type { KpiSet } from './advisor-inputs';

export type BindingResolution =
  | { status: 'resolved'; value: number; detail: string }
  | { status: 'not yet resolvable'; value: null; detail: string };

export interface BindingReport {
  /** Where the binding sits in the input. */
  pointer: string;
  item: string;
  source: MetricBinding['source'];
  metric: string;
  status: BindingResolution['status'];
  value: number | null;
  detail: string;
}

export interface MetricResolver {
  resolve(binding: MetricBinding): Promise<BindingResolution>;
}

/** Enough history for any one journey's metrics; beyond it the oldest journeys are not read. */
const MAX_EVENTS = 50_000;
const PAGE = 1_000;

/**
 * Resolves `journey` bindings from the journey and task events in the log (reported metrics and the
 * ones computed from task events, per journey; the most recently active journey with the metric wins).
 * The escalation runtime publishes no metrics in this build, so `escalation` bindings stay unresolved.
 */
export class EventLogMetricResolver implements MetricResolver {
  private events: Promise<LoggedEvent[]> | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly now: Date,
  ) {}

  async resolve(binding: MetricBinding): Promise<BindingResolution> {
    if (binding.source === 'escalation') {
      return {
        status: 'not yet resolvable',
        value: null,
        detail: `not yet resolvable: the escalation runtime publishes no live metrics in this build, so "${binding.metric}" has no value yet`,
      };
    }
    const events = await this.journeyEvents();
    if (events.length === 0) {
      return { status: 'not yet resolvable', value: null, detail: `not yet resolvable: the event log holds no journey events yet, so "${binding.metric}" has no value` };
    }
    const journeys = new Map<string, number>();
    for (const e of events) {
      const id = (e.payload as { journeyId?: unknown }).journeyId;
      if (typeof id === 'string') journeys.set(id, Date.parse(e.createdAt));
    }
    const byRecency = [...journeys.entries()].sort((a, b) => b[1] - a[1]);
    for (const [journeyId, lastAt] of byRecency) {
      const metrics = metricsFromEvents(events, { journeyId, until: this.now.getTime() });
      const value = metrics.values[binding.metric];
      if (value !== undefined) {
        return {
          status: 'resolved',
          value,
          detail: `${fmt(value)} from journey ${journeyId} (${metrics.sources[binding.metric]} in the event log, last activity ${new Date(lastAt).toISOString()})`,
        };
      }
    }
    return {
      status: 'not yet resolvable',
      value: null,
      detail: `not yet resolvable: none of the ${journeys.size} journeys in the event log reports or computes "${binding.metric}"`,
    };
  }

  private journeyEvents(): Promise<LoggedEvent[]> {
    this.events ??= (async () => {
      const all: LoggedEvent[] = [];
      let after = 0;
      while (all.length < MAX_EVENTS) {
        const page = await readEvents(this.db, { after, topicPrefixes: ['journey.', 'task.'], limit: PAGE });
        all.push(...page.map((e) => ({ topic: e.topic, key: e.key, payload: e.payload, createdAt: e.createdAt })));
        if (page.length < PAGE) break;
        after = page.at(-1)!.id;
      }
      return all;
    })();
    return this.events;
  }
}

interface Bound {
  pointer: string;
  item: string;
  binding: MetricBinding;
}

async function resolveAll(bound: Bound[], resolver: MetricResolver): Promise<Array<BindingReport & { resolution: BindingResolution }>> {
  const out = [];
  for (const b of bound) {
    const resolution = await resolver.resolve(b.binding);
    out.push({ pointer: b.pointer, item: b.item, source: b.binding.source, metric: b.binding.metric, status: resolution.status, value: resolution.value, detail: resolution.detail, resolution });
  }
  return out;
}

const strip = ({ resolution: _r, ...report }: BindingReport & { resolution: BindingResolution }): BindingReport => report;

/** Resolves the set's bindings; a resolved value becomes the item's current value, an unresolved one changes nothing. */
export async function bindKpiSet(set: KpiSet, resolver: MetricResolver): Promise<{ set: KpiSet; bindings: BindingReport[] }> {
  const kpiBound: Bound[] = (set.kpis ?? []).flatMap((k, i) => (k.binding ? [{ pointer: `/kpis/${i}/binding`, item: k.name, binding: k.binding }] : []));
  const objectives = set.okrs?.objectives ?? [];
  const krBound: Bound[] = objectives.flatMap((o, i) =>
    o.keyResults.flatMap((kr, j) => (kr.binding ? [{ pointer: `/objectives/${i}/keyResults/${j}/binding`, item: kr.title, binding: kr.binding }] : [])),
  );
  const kpiReports = await resolveAll(kpiBound, resolver);
  const krReports = await resolveAll(krBound, resolver);
  const live = (reports: typeof kpiReports, pointer: string): number | undefined => reports.find((r) => r.pointer === pointer && r.value !== null)?.value ?? undefined;
  const bound: KpiSet = {};
  if (set.kpis) bound.kpis = set.kpis.map((k, i) => ({ ...k, current: live(kpiReports, `/kpis/${i}/binding`) ?? k.current }));
  if (set.okrs) {
    const okrs: OkrSetInput = {
      objectives: objectives.map((o, i) => ({
        ...o,
        keyResults: o.keyResults.map((kr, j) => ({ ...kr, current: live(krReports, `/objectives/${i}/keyResults/${j}/binding`) ?? kr.current })),
      })),
    };
    bound.okrs = okrs;
  }
  return { set: bound, bindings: [...kpiReports, ...krReports].map(strip) };
}

export async function bindRiskRegister(register: RiskRegister, resolver: MetricResolver): Promise<{ register: RiskRegister; bindings: BindingReport[] }> {
  const bound: Bound[] = register.risks.flatMap((r, i) =>
    r.kris.flatMap((k, j) => (k.binding ? [{ pointer: `/risks/${i}/kris/${j}/binding`, item: `${r.id} ${k.name}`, binding: k.binding }] : [])),
  );
  const reports = await resolveAll(bound, resolver);
  const risks = register.risks.map((r, i) => ({
    ...r,
    kris: r.kris.map((k, j) => {
      const value = reports.find((x) => x.pointer === `/risks/${i}/kris/${j}/binding`)?.value;
      return value === null || value === undefined ? k : { ...k, current: value };
    }),
  }));
  return { register: { ...register, risks }, bindings: reports.map(strip) };
}

export function explainBindings(bindings: ReadonlyArray<BindingReport>): string[] {
  return bindings.map((b) =>
    b.status === 'resolved'
      ? `Live metric for ${b.item} (${b.source}: ${b.metric}): ${b.detail}; used as the current value.`
      : `Live metric for ${b.item} (${b.source}: ${b.metric}) ${b.detail}; the stated current value, if any, is used.`,
  );
}
