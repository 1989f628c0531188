// Markdown reports of the performance-metrics analyses: SMART checks, OKR progress and the
// balanced scorecard.
import { pct } from '../format-number';
import type { SmartCheck } from '../kpi/smart';
import type { OkrAnalysis } from '../kpi/okr';
import type { BalancedScorecard } from '../kpi/scorecard';
import { bullets, document, markdownTable } from './markdown-table';

export function smartMarkdown(checks: ReadonlyArray<SmartCheck>): string {
  const mark = (passed: boolean): string => (passed ? '✓' : '✗');
  return document(
    '# SMART check',
    markdownTable(
      ['KPI', 'S', 'M', 'A', 'R', 'T', 'SMART'],
      checks.map((c) => [c.name, ...c.criteria.map((x) => mark(x.passed)), c.smart ? 'yes' : `${c.passed}/5`]),
      ['left', 'center', 'center', 'center', 'center', 'center', 'center'],
    ),
    ...checks.map((c) => `## ${c.name}\n\n${bullets(c.criteria.map((x) => `**${x.name}** ${x.passed ? 'passed' : 'failed'}: ${x.explanation}`))}`),
  );
}

export function okrMarkdown(analysis: OkrAnalysis): string {
  return document(
    '# OKR progress',
    bullets([analysis.explanation[0]!]),
    ...analysis.objectives.map((o) =>
      [
        `## ${o.id} ${o.title}: ${o.progress === null ? 'not measured' : pct(o.progress)} (${o.status})`,
        markdownTable(
          ['key result', 'baseline', 'target', 'current', 'weight', 'progress'],
          o.keyResults.map((k) => [`${k.id} ${k.title}`, k.baseline, k.target, k.current, k.weight, k.progress === null ? null : pct(k.progress)]),
          ['left', 'right', 'right', 'right', 'right', 'right'],
        ),
      ].join('\n\n'),
    ),
  );
}

export function scorecardMarkdown(card: BalancedScorecard): string {
  return document(
    '# Balanced scorecard',
    ...card.perspectives.map((p) =>
      [
        `## ${p.perspective}${p.score === null ? '' : `: ${pct(p.score)}`}`,
        p.kpis.length === 0
          ? 'No KPI covers this perspective.'
          : markdownTable(
              ['KPI', 'baseline', 'target', 'current', 'attainment', 'status', 'live metric'],
              p.kpis.map((k) => [k.name, k.baseline, k.target, k.current, k.attainment === null ? null : pct(k.attainment), k.status, k.binding ? `${k.binding.source}: ${k.binding.metric}` : null]),
              ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
            ),
      ].join('\n\n'),
    ),
    card.unassigned.length > 0 ? `## Not in any perspective\n\n${bullets(card.unassigned.map((k) => k.name))}` : null,
  );
}
