// The results report for leadership (seed 000, "Report Results to Leadership"): before/after table
// per metric and priority, ROI, charts; as Markdown and as a printable, escaped HTML page.
import { escapeXml, mdText } from './escape';
import { reportChartsSvg } from './report-charts';
import { formatImprovement, formatMoney, formatValue, METRICS, results, type ResultRow, type Results, type Roi, type Segment } from './results';
import type { Workspace } from './workspace-schema';

export interface ResultsReport {
  title: string;
  results: Results;
  charts: Array<{ metric: string; svg: string }>;
  markdown: string;
  html: string;
}

const SEGMENT: Record<Segment, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low', overall: 'All tickets' };

function day(iso: string | null): string {
  return iso === null ? '–' : iso.slice(0, 10);
}

function windowText(s: Workspace['baseline']): string {
  if (!s) return '–';
  const span = s.windowStart || s.windowEnd ? `${day(s.windowStart)} to ${day(s.windowEnd)}` : `captured ${day(s.capturedAt)}`;
  return `${span} (${s.source}${s.snapshotId ? `, snapshot ${s.snapshotId}` : ''})`;
}

function tableRows(rows: readonly ResultRow[]): string[][] {
  return rows.map((r) => {
    const def = METRICS.find((m) => m.key === r.metric)!;
    return [def.label, SEGMENT[r.segment], formatValue(r.metric, r.before), formatValue(r.metric, r.after), formatImprovement(r.improvementPercent)];
  });
}

const HEADER = ['Metric', 'Priority', 'Before', 'After', 'Change'];

function roiLines(roi: Roi): string[] {
  return [
    `Hours saved: ${roi.hoursSaved.toFixed(1)} h`,
    `Savings: ${formatMoney(roi.savings, roi.currency)}`,
    `Implementation cost: ${formatMoney(roi.implementationCost, roi.currency)}`,
    `Net: ${formatMoney(roi.net, roi.currency)}`,
    `ROI: ${roi.multiple === null ? 'not computed (no implementation cost given)' : `${roi.multiple.toFixed(2)}×`}`,
  ];
}

/** Null until the workspace has both a baseline and a measurement. */
export function resultsReport(w: Workspace): ResultsReport | null {
  const r = results(w);
  if (!r) return null;
  const title = `Results: ${w.pattern.title} for ${w.team}`;
  const charts = reportChartsSvg(r.rows);
  return { title, results: r, charts, markdown: reportMarkdown(w, title, r, charts), html: reportHtml(w, title, r, charts) };
}

function facts(w: Workspace): Array<[string, string]> {
  return [
    ['Team', w.team],
    ['Owner', w.owner],
    ['Pattern', `${w.pattern.title} (${w.pattern.slug}, version ${w.pattern.version})`],
    ['In production since', day(w.productionAt)],
    ['Stabilization window', `${w.stabilizationDays} day(s)${w.forcedMeasureReason ? `; measured early: ${w.forcedMeasureReason}` : ''}`],
    ['Baseline', windowText(w.baseline)],
    ['Measured', windowText(w.measured)],
  ];
}

function reportMarkdown(w: Workspace, title: string, r: Results, charts: ResultsReport['charts']): string {
  const lines = [`# ${mdText(title)}`, ''];
  for (const [k, v] of facts(w)) lines.push(`- **${k}**: ${mdText(v)}`);
  lines.push('', '## Before and after', '', `| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`);
  for (const row of tableRows(r.rows)) lines.push(`| ${row.map(mdText).join(' | ')} |`);
  lines.push('', 'Every metric is "lower is better"; the change is the reduction relative to the baseline.', '');
  if (r.roi) lines.push('## Return on investment', '', ...roiLines(r.roi).map((l) => `- ${l}`), '');
  lines.push('## Definitions', '', ...METRICS.map((m) => `- **${m.label}**: ${m.definition}`), '');
  if (charts.length > 0) lines.push('## Charts', '', ...charts.flatMap((c) => [c.svg, '']));
  if (w.lessons.length > 0) lines.push('## Lessons learned', '', ...w.lessons.map((l) => `- ${mdText(l)}`), '');
  return lines.join('\n');
}

const PRINT_CSS = [
  'body{font-family:system-ui,sans-serif;max-width:820px;margin:2rem auto;color:#1d2733;line-height:1.45}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #c9d1da;padding:4px 8px;text-align:left}',
  'td.num{text-align:right;font-variant-numeric:tabular-nums}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}',
  'dt{font-weight:600}figure{margin:1rem 0;break-inside:avoid}',
  '@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}table,figure{break-inside:avoid}a{color:inherit;text-decoration:none}}',
].join('\n');

function reportHtml(w: Workspace, title: string, r: Results, charts: ResultsReport['charts']): string {
  const e = escapeXml;
  const rows = tableRows(r.rows)
    .map((row) => `<tr>${row.map((c, i) => (i >= 2 ? `<td class="num">${e(c)}</td>` : `<td>${e(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${e(title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${PRINT_CSS}</style></head><body>`,
    `<h1>${e(title)}</h1>`,
    `<dl>${facts(w).map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
    '<h2>Before and after</h2>',
    `<table><thead><tr>${HEADER.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    '<p>Every metric is “lower is better”; the change is the reduction relative to the baseline.</p>',
  ];
  if (r.roi) parts.push('<h2>Return on investment</h2>', `<ul>${roiLines(r.roi).map((l) => `<li>${e(l)}</li>`).join('')}</ul>`);
  parts.push('<h2>Definitions</h2>', `<ul>${METRICS.map((m) => `<li><strong>${e(m.label)}</strong>: ${e(m.definition)}</li>`).join('')}</ul>`);
  if (charts.length > 0) parts.push('<h2>Charts</h2>', ...charts.map((c) => `<figure>${c.svg}</figure>`));
  if (w.lessons.length > 0) parts.push('<h2>Lessons learned</h2>', `<ul>${w.lessons.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`);
  parts.push('</body></html>', '');
  return parts.join('\n');
}
