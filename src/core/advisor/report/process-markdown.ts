// Markdown report of a value-stream analysis, with the DMAIC report when one is given.
import { pct } from '../format-number';
import type { ValueStreamAnalysis } from '../process/value-stream';
import type { DmaicReport } from '../process/dmaic';
import { bullets, document, markdownTable } from './markdown-table';

export function processMarkdown(analysis: ValueStreamAnalysis, dmaic?: DmaicReport): string {
  const { stream } = analysis;
  const u = stream.timeUnit;
  return document(
    `# Value stream: ${stream.name}`,
    bullets(analysis.explanation.slice(0, 4)),
    '## Steps',
    markdownTable(
      ['step', `process (${u})`, `wait (${u})`, `lead (${u})`, `volume per ${stream.period}`, 'people', 'utilization', 'value-adding', 'bottleneck'],
      analysis.steps.map((s, i) => {
        const step = stream.steps[i]!;
        return [s.name, s.processTime, s.waitTime, s.leadTime, step.volume, step.people, s.utilization === null ? null : pct(s.utilization), step.valueAdding, i === analysis.bottleneck.index];
      }),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'center', 'center'],
    ),
    '## Wastes',
    markdownTable(
      ['waste', 'evidence'],
      [...analysis.wastes.map((w) => [w.category, w.evidence.join('; ')]), ...analysis.notAssessed.map((w) => [w.category, `${w.status}: ${w.reason}`])],
    ),
    dmaic ? dmaicMarkdown(dmaic) : null,
  );
}

function dmaicMarkdown(report: DmaicReport): string {
  return [
    '## DMAIC',
    ...report.phases.map((p) => `### ${p.phase}\n\n${bullets(p.findings)}`),
    '### Targets',
    markdownTable(
      ['measure', 'baseline', 'target', 'unit', 'direction', 'by'],
      report.targets.map((t) => [t.metric, t.unit === 'ratio' ? pct(t.baseline) : t.baseline, t.unit === 'ratio' ? pct(t.target) : t.target, t.unit === 'ratio' ? '%' : t.unit, t.direction, t.by]),
      ['left', 'right', 'right', 'left', 'left', 'left'],
    ),
  ].join('\n\n');
}
