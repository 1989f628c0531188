// The report's before/after charts as inline SVG: one grouped bar chart per metric, bars per
// priority, drawn from numbers only (fixed decimals), so the same results give the same bytes.
import { escapeXml } from './escape';
import { formatValue, METRICS, round2, type MetricKey, type ResultRow, type Segment } from './results';

const W = 520;
const ROW_H = 34;
const LABEL_W = 90;
const VALUE_W = 70;
const TOP = 30;
const BAR_H = 12;

const SEGMENT_LABEL: Record<Segment, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low', overall: 'All tickets' };

function n(x: number): string {
  return round2(x).toFixed(2).replace(/\.?0+$/, '') || '0';
}

/** One metric's chart; null when neither side has a value to draw. */
export function metricChartSvg(metric: MetricKey, rows: readonly ResultRow[]): string | null {
  const mine = rows.filter((r) => r.metric === metric);
  const values = mine.flatMap((r) => [r.before, r.after]).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const def = METRICS.find((m) => m.key === metric)!;
  const max = Math.max(...values) || 1;
  const plot = W - LABEL_W - VALUE_W;
  const height = TOP + mine.length * ROW_H + 10;
  const title = `${def.label}: before and after`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ow-chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="0" y="14" font-size="13" font-weight="bold">${escapeXml(def.label)}</text>`,
    `<rect x="${W - 150}" y="5" width="10" height="10" fill="#9aa5b1"/><text x="${W - 136}" y="14">before</text>`,
    `<rect x="${W - 85}" y="5" width="10" height="10" fill="#2f6fb3"/><text x="${W - 71}" y="14">after</text>`,
  ];
  mine.forEach((r, i) => {
    const y = TOP + i * ROW_H;
    parts.push(`<text x="0" y="${y + BAR_H + 4}">${escapeXml(SEGMENT_LABEL[r.segment])}</text>`);
    const bar = (v: number | null, dy: number, fill: string, label: string) => {
      const w = v === null ? 0 : (v / max) * plot;
      parts.push(`<rect x="${LABEL_W}" y="${y + dy}" width="${n(w)}" height="${BAR_H}" fill="${fill}"><title>${escapeXml(`${label}: ${formatValue(metric, v)}`)}</title></rect>`);
      parts.push(`<text x="${n(LABEL_W + w + 4)}" y="${y + dy + BAR_H - 2}">${escapeXml(formatValue(metric, v))}</text>`);
    };
    bar(r.before, 0, '#9aa5b1', 'before');
    bar(r.after, BAR_H + 2, '#2f6fb3', 'after');
  });
  parts.push('</svg>');
  return parts.join('');
}

export function reportChartsSvg(rows: readonly ResultRow[]): Array<{ metric: MetricKey; svg: string }> {
  return METRICS.flatMap(({ key }) => {
    const svg = metricChartSvg(key, rows);
    return svg === null ? [] : [{ metric: key, svg }];
  });
}
