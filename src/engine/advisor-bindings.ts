// Live metric bindings of KPIs, key results and key risk indicators: each binding is resolved
// against the event log or reported as not yet resolvable; a value is never invented.
import type { MetricBinding, OkrSetInput, RiskRegister } from '../core/advisor';
import { metricsFromEvents, type LoggedEvent } from '../core/journey/metrics-from-events';
import { fmt } from '../core/advisor/format-number';
import type { Queryable } from '../store/db';
import { readEvents } from '../store/events-repo';
import { computeFigures, type Figures } from '../core/metrics';
import type { KpiSet } from './advisor-inputs';
import { liveTicketFacts } from './metrics-service';

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
  /** `unit` is the bound item's unit (hours, minutes, %…); a value is converted to it where the metric allows. */
  resolve(binding: MetricBinding, unit?: string): Promise<BindingResolution>;
}

type EscalationMetric = 'mttr' | 'first_response' | 'sla_breach_rate' | 're_escalation_rate';

/** The names a binding may use for the escalation runtime's metrics (#6's definitions). */
const ESCALATION_METRIC_NAMES: Record<string, EscalationMetric> = {
  mttr: 'mttr',
  mttr_hours: 'mttr',
  first_response: 'first_response',
  first_response_hours: 'first_response',
  time_to_first_response: 'first_response',
  sla_breach_rate: 'sla_breach_rate',
  breach_rate: 'sla_breach_rate',
  re_escalation_rate: 're_escalation_rate',
};

const HOURS_PER: Record<string, number> = { minutes: 1 / 60, minute: 1 / 60, min: 1 / 60, hours: 1, hour: 1, h: 1, days: 24, day: 24, d: 24 };

/** A duration in hours or a ratio (0–1), expressed in the item's unit: minutes/hours/days, or % for rates. */
function inUnit(kind: 'duration' | 'rate', value: number, unit: string | undefined): { value: number; unit: string } {
  const u = unit?.trim().toLowerCase();
  if (kind === 'rate') return u === '%' || u === 'percent' ? { value: value * 100, unit: '%' } : { value, unit: 'ratio' };
  const per = u ? HOURS_PER[u] : undefined;
  return per ? { value: value / per, unit: u as string } : { value, unit: 'hours' };
}

/** Enough history for any one journey's metrics; beyond it the oldest journeys are not read. */
const MAX_EVENTS = 50_000;
const PAGE = 1_000;

/**
 * Resolves `journey` bindings from the journey and task events in the log (reported metrics and the
 * ones computed from task events, per journey; the most recently active journey with the metric wins).
 * `escalation` bindings (mttr, first_response, sla_breach_rate, re_escalation_rate) are computed from the
 * live tickets by the metrics service's own reading, in the bound item's unit.
 */
export class EventLogMetricResolver implements MetricResolver {
  private events: Promise<LoggedEvent[]> | undefined;
  private escalation: Promise<{ tickets: number; figures: Figures }> | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly now: Date,
  ) {}

  async resolve(binding: MetricBinding, unit?: string): Promise<BindingResolution> {
    if (binding.source === 'escalation') return this.resolveEscalation(binding, unit);
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

  /** The escalation runtime's figures over every live ticket now (the same computation as `GET /api/metrics/live`). */
  private async resolveEscalation(binding: MetricBinding, unit: string | undefined): Promise<BindingResolution> {
    const metric = ESCALATION_METRIC_NAMES[binding.metric.toLowerCase()];
    if (!metric) {
      return { status: 'not yet resolvable', value: null, detail: `not yet resolvable: the escalation runtime has no metric "${binding.metric}" (known: ${Object.keys(ESCALATION_METRIC_NAMES).join(', ')})` };
    }
    this.escalation ??= liveTicketFacts(this.db, null, null, this.now.getTime()).then((facts) => ({ tickets: facts.length, figures: computeFigures(facts) }));
    const { tickets, figures } = await this.escalation;
    if (tickets === 0) return { status: 'not yet resolvable', value: null, detail: `not yet resolvable: the escalation runtime holds no tickets yet, so "${binding.metric}" has no value` };
    const pick: Record<EscalationMetric, { raw: number | null; kind: 'duration' | 'rate'; over: string; none: string }> = {
      mttr: { raw: figures.mttrHours.mean, kind: 'duration', over: `mean of ${figures.resolved} resolved of ${tickets} live tickets`, none: `none of the ${tickets} live tickets is resolved` },
      first_response: { raw: figures.firstResponseHours.mean, kind: 'duration', over: `mean of ${figures.firstResponseHours.count} first responses over ${tickets} live tickets`, none: `none of the ${tickets} live tickets has a first response` },
      sla_breach_rate: { raw: figures.slaBreachRate, kind: 'rate', over: `${figures.slaCyclesBreached} breached of ${figures.slaCyclesCompleted} completed SLA cycles`, none: `no SLA cycle of the ${tickets} live tickets has completed` },
      re_escalation_rate: { raw: figures.reEscalationRate, kind: 'rate', over: `${figures.reEscalated} re-escalated of ${figures.escalated} escalated tickets`, none: `none of the ${tickets} live tickets was escalated` },
    };
    const p = pick[metric];
    if (p.raw === null) return { status: 'not yet resolvable', value: null, detail: `not yet resolvable: ${p.none}, so "${binding.metric}" has no value` };
    const v = inUnit(p.kind, p.raw, unit);
    const value = Math.round(v.value * 1000) / 1000;
    return { status: 'resolved', value, detail: `${fmt(value)} ${v.unit} from the escalation runtime's live tickets (${p.over}, at ${this.now.toISOString()})` };
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
  unit?: string;
}

async function resolveAll(bound: Bound[], resolver: MetricResolver): Promise<Array<BindingReport & { resolution: BindingResolution }>> {
  const out = [];
  for (const b of bound) {
    const resolution = await resolver.resolve(b.binding, b.unit);
    out.push({ pointer: b.pointer, item: b.item, source: b.binding.source, metric: b.binding.metric, status: resolution.status, value: resolution.value, detail: resolution.detail, resolution });
  }
  return out;
}

const strip = ({ resolution: _r, ...report }: BindingReport & { resolution: BindingResolution }): BindingReport => report;

/** Resolves the set's bindings; a resolved value becomes the item's current value, an unresolved one changes nothing. */
export async function bindKpiSet(set: KpiSet, resolver: MetricResolver): Promise<{ set: KpiSet; bindings: BindingReport[] }> {
  const kpiBound: Bound[] = (set.kpis ?? []).flatMap((k, i) => (k.binding ? [{ pointer: `/kpis/${i}/binding`, item: k.name, binding: k.binding, unit: k.unit }] : []));
  const objectives = set.okrs?.objectives ?? [];
  const krBound: Bound[] = objectives.flatMap((o, i) =>
    o.keyResults.flatMap((kr, j) => (kr.binding ? [{ pointer: `/objectives/${i}/keyResults/${j}/binding`, item: kr.title, binding: kr.binding, unit: kr.unit }] : [])),
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
    r.kris.flatMap((k, j) => (k.binding ? [{ pointer: `/risks/${i}/kris/${j}/binding`, item: `${r.id} ${k.name}`, binding: k.binding, unit: k.unit }] : [])),
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
