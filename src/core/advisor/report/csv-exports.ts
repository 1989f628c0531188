// CSV exports of the process, risk and KPI analyses (the schedule's lives with its import in
// schedule/csv.ts); empty cells for missing values, lists joined by "; ".
import { stringify } from 'csv-stringify/sync';
import type { ValueStreamAnalysis } from '../process/value-stream';
import type { RiskAnalysis } from '../risk/register';
import type { SmartCheck } from '../kpi/smart';
import type { OkrAnalysis } from '../kpi/okr';
import type { BalancedScorecard } from '../kpi/scorecard';
import type { RouteResult } from '../router';

type Value = string | number | boolean | null;

function csv(columns: string[], rows: Value[][]): string {
  return stringify(
    rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v))),
    { header: true, columns },
  );
}

export function valueStreamCsv(a: ValueStreamAnalysis): string {
  return csv(
    ['step', 'process_time', 'wait_time', 'lead_time', 'volume', 'people', 'workload_per_person', 'utilization', 'value_adding', 'defect_rate', 'handoff', 'bottleneck'],
    a.steps.map((s, i) => {
      const step = a.stream.steps[i]!;
      return [s.name, s.processTime, s.waitTime, s.leadTime, step.volume, step.people, s.workloadPerPerson, s.utilization, step.valueAdding, step.defectRate, step.handoff, i === a.bottleneck.index];
    }),
  );
}

export function riskRegisterCsv(a: RiskAnalysis): string {
  return csv(
    ['id', 'title', 'probability', 'impact', 'score', 'level', 'strategy', 'owner', 'triggers', 'mitigation', 'contingency', 'key_risk_indicators', 'attention'],
    a.risks.map((r) => [
      r.id,
      r.title,
      r.probability,
      r.impact,
      r.score,
      r.level,
      r.strategy,
      r.owner,
      r.triggers.join('; '),
      r.mitigation ?? null,
      r.contingency ?? null,
      r.kriStatus.map((k) => `${k.name}: ${k.state}`).join('; '),
      r.attention.join('; '),
    ]),
  );
}

export function smartCsv(checks: ReadonlyArray<SmartCheck>): string {
  const names = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'];
  return csv(
    ['kpi_id', 'name', ...names, 'smart', ...names.map((n) => `${n}_why`)],
    checks.map((c) => [c.kpiId, c.name, ...c.criteria.map((x) => x.passed), c.smart, ...c.criteria.map((x) => x.explanation)]),
  );
}

export function okrCsv(a: OkrAnalysis): string {
  return csv(
    ['objective_id', 'objective', 'objective_progress', 'status', 'key_result_id', 'key_result', 'baseline', 'target', 'current', 'weight', 'progress'],
    a.objectives.flatMap((o) => o.keyResults.map((k) => [o.id, o.title, o.progress, o.status, k.id, k.title, k.baseline, k.target, k.current, k.weight, k.progress])),
  );
}

export function scorecardCsv(card: BalancedScorecard): string {
  const rows = [...card.perspectives.flatMap((p) => p.kpis.map((k) => ({ perspective: p.perspective as string | null, k }))), ...card.unassigned.map((k) => ({ perspective: null, k }))];
  return csv(
    ['perspective', 'kpi_id', 'name', 'unit', 'baseline', 'target', 'current', 'attainment', 'status', 'binding'],
    rows.map(({ perspective, k }) => [perspective, k.id, k.name, k.unit, k.baseline, k.target, k.current, k.attainment, k.status, k.binding ? `${k.binding.source}:${k.binding.metric}` : null]),
  );
}

export function routeScoresCsv(r: RouteResult): string {
  return csv(['skill', 'score', 'share', 'matched'], r.scores.map((s) => [s.name, s.score, s.share, s.matches.map((m) => `${m.matched} (+${m.weight})`).join('; ')]));
}
