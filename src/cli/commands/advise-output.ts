// Human reports of `ow advise`: aligned tables, a text Gantt chart, the heat map, and the
// analysis' own explanation lines, so a reader sees both the result and why.
import { pct } from '../../core/advisor/format-number';
import type { KpiAnalysis, ProcessAnalysis, RiskResult, RouteAnalysis, ScheduleAnalysis } from '../../engine/advisor-analyses';
import type { BindingReport } from '../../engine/advisor-bindings';
import type { Out } from '../output';

const n = (v: number | null | undefined, digits = 2): string => (v === null || v === undefined ? '-' : String(Math.round(v * 10 ** digits) / 10 ** digits));

function heading(out: Out, title: string): void {
  out.line('');
  out.line(title);
}

function why(out: Out, lines: ReadonlyArray<string>): void {
  heading(out, 'Why:');
  for (const l of lines) out.line(`  ${l}`);
}

function bindings(out: Out, list: ReadonlyArray<BindingReport>): void {
  if (list.length === 0) return;
  heading(out, 'Live metric bindings:');
  out.table(list.map((b) => ({ item: b.item, metric: `${b.source}: ${b.metric}`, status: b.status, value: b.value === null ? null : n(b.value) })), ['item', 'metric', 'status', 'value']);
}

export function printRoute(out: Out, r: RouteAnalysis): void {
  out.line(r.chosen === null ? 'No skill matched.' : `Route to ${r.scores[0]!.name}.`);
  heading(out, 'Skill scores:');
  out.table(
    r.scores.map((s) => ({ skill: s.name, score: s.score, share: pct(s.share), matched: s.matches.map((m) => `"${m.matched}" +${m.weight}`).join(', ') })),
    ['skill', 'score', 'share', 'matched'],
  );
  if (r.questions.length > 0) {
    heading(out, 'Questions to answer:');
    for (const q of r.questions) out.line(`  - ${q.question}`);
  }
  if (r.plan) {
    heading(out, `Plan: ${r.plan.name} (${r.plan.reason})`);
    for (const s of r.plan.steps) out.line(`  ${s.order}. ${s.step}${s.analysis ? ` [ow advise ${s.analysis}]` : ''} → ${s.output}`);
  }
  heading(out, 'Library problem types:');
  out.line(r.problemTypes.length === 0 ? '  none recognised' : `  ${r.problemTypes.map((p) => p.type).join(', ')}`);
  if (r.patterns && r.patterns.length > 0) for (const p of r.patterns) out.line(`  pattern: ${p.title} (${p.slug})`);
  why(out, r.explanation);
}

export function printProcess(out: Out, a: ProcessAnalysis): void {
  const v = a.valueStream;
  const u = v.stream.timeUnit;
  out.line(`Value stream: ${v.stream.name}`);
  out.line(`Lead time ${n(v.leadTime)} ${u} (${n(v.processTime)} working, ${n(v.waitTime)} waiting); process cycle efficiency ${pct(v.processCycleEfficiency)}.`);
  out.line(`Bottleneck: ${v.bottleneck.step}.`);
  heading(out, 'Steps:');
  out.table(
    v.steps.map((s, i) => ({
      step: s.name,
      process: n(s.processTime),
      wait: n(s.waitTime),
      utilization: s.utilization === null ? null : pct(s.utilization),
      bottleneck: i === v.bottleneck.index ? 'yes' : '',
    })),
    ['step', 'process', 'wait', 'utilization', 'bottleneck'],
  );
  heading(out, 'DMAIC targets:');
  for (const t of a.dmaic.targets) out.line(`  - ${t.statement}`);
  why(out, a.explanation);
}

/** One line per task: its bar on a common time scale; "#" marks critical work, "=" the rest. */
export function textGantt(a: ScheduleAnalysis, width = 48): string[] {
  const scale = a.duration > 0 ? width / a.duration : 0;
  const idWidth = Math.max(...a.gantt.bars.map((b) => b.id.length));
  return a.gantt.bars.map((b) => {
    const from = Math.round(b.start * scale);
    const to = Math.max(from + (b.milestone ? 0 : 1), Math.round(b.finish * scale));
    const bar = b.milestone ? '◆' : (b.critical ? '#' : '=').repeat(to - from);
    return `  ${b.id.padEnd(idWidth)} |${' '.repeat(from)}${bar}${' '.repeat(Math.max(0, width - from - bar.length))}| ${b.assignee ?? 'milestone'}`;
  });
}

export function printSchedule(out: Out, a: ScheduleAnalysis): void {
  const who = a.people === 1 ? '1 person' : `${a.people} people`;
  out.line(`Schedule: ${a.tasks.length} tasks, ${n(a.totalEstimate)} ${a.unit} of work, ${n(a.duration)} ${a.unit} with ${who} (critical path alone: ${n(a.networkDuration)}).`);
  out.line(`Critical path: ${a.criticalPath.join(' → ')}`);
  if (a.feasibility.deadline !== null) out.line(`Deadline ${n(a.feasibility.deadline)}: ${a.feasibility.feasible ? 'met' : 'NOT met'}. ${a.feasibility.reasons.join(' ')}`);
  heading(out, 'Tasks:');
  out.table(
    a.tasks.map((t) => ({ id: t.id, name: t.name, estimate: n(t.estimate), start: n(t.start), finish: n(t.finish), slack: n(t.slack), assignee: t.assignee ?? 'milestone', critical: t.critical ? 'yes' : '' })),
    ['id', 'name', 'estimate', 'start', 'finish', 'slack', 'assignee', 'critical'],
  );
  heading(out, `Gantt (0 → ${n(a.duration)} ${a.unit}; # critical, = with slack):`);
  for (const l of textGantt(a)) out.line(l);
  if (a.milestones.length > 0) {
    heading(out, 'Milestones:');
    for (const m of a.milestones) out.line(`  ${n(m.at).padStart(6)}  ${m.name}`);
  }
  why(out, a.explanation);
}

export function printRisk(out: Out, a: RiskResult): void {
  out.line(a.explanation[0] ?? a.name);
  heading(out, 'Heat map (risks per cell; impact down, probability across):');
  out.line(`  impact  ${[1, 2, 3, 4, 5].map((p) => `P${p}`.padStart(4)).join('')}`);
  for (const row of a.heatMap.rows) out.line(`  ${String(row[0]!.impact).padStart(6)}  ${row.map((c) => (c.count === 0 ? '·' : String(c.count)).padStart(4)).join('')}`);
  heading(out, 'Register (highest score first):');
  out.table(
    a.risks.map((r) => ({
      id: r.id,
      risk: r.title,
      score: `${r.probability}×${r.impact}=${r.score}`,
      level: r.level,
      strategy: r.strategy,
      owner: r.owner,
      kris: r.kriStatus.map((k) => `${k.name}: ${k.state}`).join('; '),
    })),
    ['id', 'risk', 'score', 'level', 'strategy', 'owner', 'kris'],
  );
  if (a.breachedKris.length > 0) {
    heading(out, 'BREACHED key risk indicators:');
    for (const b of a.breachedKris) out.line(`  ! ${b.riskId}: ${b.kri}`);
  }
  bindings(out, a.bindings);
  why(out, a.explanation);
}

export function printKpi(out: Out, a: KpiAnalysis): void {
  if (a.smart) {
    out.line(a.smart.explanation[0] ?? '');
    out.table(
      a.smart.checks.map((c) => ({ kpi: c.name, ...Object.fromEntries(c.criteria.map((x) => [x.letter, x.passed ? 'ok' : 'x'])), smart: c.smart ? 'yes' : `${c.passed}/5` })),
      ['kpi', 'S', 'M', 'A', 'R', 'T', 'smart'],
    );
  }
  if (a.scorecard) {
    heading(out, 'Balanced scorecard:');
    for (const p of a.scorecard.perspectives) {
      out.line(`  ${p.perspective}: ${p.kpis.length === 0 ? 'no KPI (gap)' : p.score === null ? `${p.kpis.length} KPIs, none measured yet` : `${pct(p.score)} to target`}`);
      for (const k of p.kpis) out.line(`    - ${k.name}: ${k.status}${k.current === null ? '' : ` (now ${n(k.current)}${k.unit === null ? '' : ` ${k.unit}`})`}`);
    }
  }
  if (a.okrs) {
    heading(out, 'OKRs:');
    for (const o of a.okrs.objectives) {
      out.line(`  ${o.id} ${o.title}: ${o.progress === null ? 'not measured' : pct(o.progress)} (${o.status})`);
      for (const k of o.keyResults) out.line(`    ${k.id} ${k.title}: ${k.progress === null ? 'not measured' : pct(k.progress)}`);
    }
  }
  bindings(out, a.bindings);
  why(out, a.explanation);
}
