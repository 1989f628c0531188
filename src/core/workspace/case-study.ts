// The anonymized case study of an MSP engagement (seed 001, "Create Case Study"): challenge,
// solution, results, before/after diagrams with the client's tool names, and never the client's name.
import { requireTermMap, whiteLabelMermaid, whiteLabelPlain } from '../ows/white-label';
import type { DiagramBudget } from '../ows/diagram-budget';
import { mdText } from './escape';
import { formatImprovement, formatValue, METRICS, results } from './results';
import type { Client, Workspace } from './workspace-schema';

export interface CaseStudySource {
  problem: string;
  orchestrationShift: string;
  hook: string;
  closingInsight: string;
  components: Array<{ name: string; explanation: string }>;
  diagrams: Array<{ kind: 'as-is' | 'orchestrated'; text: string }>;
  budget: Partial<DiagramBudget>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every spelling of the client's names (any case, also inside longer words such as
 * "AcmeCorp's") with the label, longest name first so "Acme Corp" is not left as "<label> Corp".
 */
export function anonymize(text: string, client: Pick<Client, 'name' | 'aliases' | 'label'>): string {
  const names = [client.name, ...client.aliases].map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length === 0) return text;
  names.sort((a, b) => b.length - a.length);
  const re = new RegExp(names.map(escapeRegExp).join('|'), 'giu');
  return text.replace(re, client.label);
}

/** True when any of the client's names still appears (case-insensitive): the export refuses to leave then. */
export function leaksClient(text: string, client: Pick<Client, 'name' | 'aliases'>): boolean {
  const lower = text.toLowerCase();
  return [client.name, ...client.aliases].some((n) => n.trim() !== '' && lower.includes(n.trim().toLowerCase()));
}

const SUBJECT = 'the client';

/** The case study in Markdown; the client's names are replaced everywhere, diagrams included. */
export function caseStudyMarkdown(w: Workspace, source: CaseStudySource): string {
  const client: Client = w.client ?? { name: '', aliases: [], label: SUBJECT, terms: [] };
  const label = client.label;
  const map = client.terms.length > 0 ? requireTermMap(client.terms) : null;
  const plain = (t: string) => (map ? whiteLabelPlain(t, map).text : t);
  const r = results(w);
  const lines = [`# Case study: ${mdText(w.pattern.title)} at ${mdText(label)}`, ''];
  lines.push('## Challenge', '', mdText(plain(source.problem)), '', mdText(plain(source.hook)), '');
  if (w.baseline) {
    const o = w.baseline.figures.overall;
    lines.push(`Before the change, across ${o.tickets} tickets: MTTR ${formatValue('mttrHours', o.mttrHours)}, SLA breach rate ${formatValue('slaBreachRate', o.slaBreachRate)}, re-escalation rate ${formatValue('reEscalationRate', o.reEscalationRate)}.`, '');
  }
  lines.push('## Solution', '', mdText(plain(source.orchestrationShift)), '');
  for (const c of source.components) lines.push(`- **${mdText(plain(c.name))}**: ${mdText(plain(c.explanation))}`);
  lines.push('', `Built on the Orchestration Wisdom pattern *${mdText(w.pattern.title)}* (version ${w.pattern.version}), in production after a shadow period, measured after a ${w.stabilizationDays}-day stabilization window.`, '');
  lines.push('## Results', '');
  if (r) {
    lines.push('| Metric | Before | After | Change |', '|---|---|---|---|');
    for (const row of r.rows.filter((x) => x.segment === 'overall')) {
      const def = METRICS.find((m) => m.key === row.metric)!;
      lines.push(`| ${def.label} | ${formatValue(row.metric, row.before)} | ${formatValue(row.metric, row.after)} | ${formatImprovement(row.improvementPercent)} |`);
    }
    lines.push('');
  } else {
    lines.push('Not measured yet.', '');
  }
  lines.push('## Before and after', '');
  for (const d of source.diagrams) {
    const text = map ? whiteLabelMermaid(d.text, map, source.budget).text : d.text;
    lines.push(`### ${d.kind === 'as-is' ? 'Before (As-Is)' : 'After (Orchestrated)'}`, '', '```mermaid', text.trimEnd(), '```', '');
  }
  if (w.lessons.length > 0) lines.push('## Lessons learned', '', ...w.lessons.map((l) => `- ${mdText(plain(l))}`), '');
  lines.push(`_The client is anonymized as "${mdText(label)}"._`, '');
  // Names can arrive from anywhere (team, lessons, white-label terms); one pass over the whole text catches them all.
  return anonymize(lines.join('\n'), client);
}
