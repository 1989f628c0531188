// The results report and the case study: figures and ROI computed, bytes deterministic, user text
// escaped, and the client's name never in the anonymized export.
import { describe, expect, it } from 'vitest';
import { anonymize, caseStudyMarkdown, leaksClient, type CaseStudySource } from '../../../src/core/workspace/case-study';
import { resultsReport } from '../../../src/core/workspace/report';
import { compareFigures, hoursSaved, improvement } from '../../../src/core/workspace/results';
import { clientSchema, type Workspace } from '../../../src/core/workspace/workspace-schema';
import { AFTER, BEFORE, DAY, newWorkspace, snapshot, T0 } from './fixtures';

function measured(client: Workspace['client'] = null, extra: Partial<Workspace> = {}): Workspace {
  return {
    ...newWorkspace(client),
    stage: 'reported',
    baseline: snapshot(BEFORE, T0, 'snap_b'),
    measured: snapshot(AFTER, T0 + 20 * DAY, 'snap_m'),
    productionAt: new Date(T0 + 5 * DAY).toISOString(),
    stabilizationEndsAt: new Date(T0 + 19 * DAY).toISOString(),
    costs: { implementationCost: 240_000, costPerHour: 60, currency: 'USD' },
    reportedAt: new Date(T0 + 21 * DAY).toISOString(),
    ...extra,
  };
}

describe('results', () => {
  it('computes the seed-000 improvements per metric', () => {
    const rows = compareFigures(BEFORE, AFTER).filter((r) => r.segment === 'overall');
    expect(rows.map((r) => [r.metric, r.improvementPercent])).toEqual([
      ['mttrHours', 41.67],
      ['firstResponseHours', 41.67],
      ['slaBreachRate', 48.57],
      ['reEscalationRate', 63.64],
    ]);
    expect(improvement(0, 3)).toBeNull();
    expect(improvement(10, 12)).toBe(-20);
  });

  it('counts hours saved per priority from the MTTR reduction times tickets after', () => {
    // urgent: (72-42)*40 = 1200; high: (48-28)*160 = 3200; normal: (48-28)*200 = 4000
    expect(hoursSaved(BEFORE, AFTER)).toBe(8400);
  });

  it('renders Markdown and HTML with the table, ROI and one chart per metric', () => {
    const report = resultsReport(measured())!;
    expect(report.results.roi).toEqual({ hoursSaved: 8400, savings: 504_000, implementationCost: 240_000, multiple: 2.1, net: 264_000, currency: 'USD' });
    expect(report.markdown).toContain('| MTTR | All tickets | 48.0 h | 28.0 h | 41.7 % better |');
    expect(report.markdown).toContain('| SLA breach rate | All tickets | 35.0 % | 18.0 % | 48.6 % better |');
    expect(report.markdown).toContain('- ROI: 2.10×');
    expect(report.charts.map((c) => c.metric)).toEqual(['mttrHours', 'firstResponseHours', 'slaBreachRate', 'reEscalationRate']);
    expect(report.html).toMatch(/^<!doctype html>/);
    expect(report.html).toContain('@media print');
    expect((report.html.match(/<svg /g) ?? []).length).toBe(4);
  });

  it('produces identical bytes for identical input', () => {
    const a = resultsReport(measured())!;
    const b = resultsReport(structuredClone(measured()))!;
    expect(b.markdown).toBe(a.markdown);
    expect(b.html).toBe(a.html);
    expect(a.charts[0]!.svg).toContain('width="');
  });

  it('escapes user text in HTML and Markdown', () => {
    const w = measured(null, { team: '<img src=x onerror=alert(1)>', lessons: ['*bold* <script>x</script>'] });
    const r = resultsReport(w)!;
    expect(r.html).not.toContain('<img src=x');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).not.toContain('<script>');
    expect(r.markdown).toContain('\\<script\\>');
  });

  it('is null until both a baseline and a measurement exist', () => {
    expect(resultsReport(newWorkspace())).toBeNull();
  });
});

const SOURCE: CaseStudySource = {
  problem: 'Escalated tickets pile up in a shared L2 queue with no owner.',
  orchestrationShift: 'A Smart Router assigns each escalation by skill and load.',
  hook: 'A third of your escalations breach their SLA.',
  closingInsight: 'The backlog was never a people problem.',
  components: [{ name: 'Smart Router', explanation: 'Assigns the least-loaded L2 engineer.' }],
  diagrams: [
    { kind: 'as-is', text: 'sequenceDiagram\n  participant L1 as L1 Agent\n  participant Q as Queue\n  L1->>Q: Escalate to L2 queue\n' },
    { kind: 'orchestrated', text: 'sequenceDiagram\n  participant L1 as L1 Agent\n  participant R as Smart Router\n  L1->>R: Escalate\n' },
  ],
  budget: {},
};

describe('case study', () => {
  const client = clientSchema.parse({
    name: 'Globex Corporation',
    aliases: ['Globex'],
    label: 'a regional insurer',
    terms: [
      { from: 'L1', to: 'Globex Tier 1 Zendesk' },
      { from: 'Queue', to: 'Salesforce Case Queue' },
    ],
  });

  it('applies the white-label terms and never names the client', () => {
    const w = measured(client, { team: 'Globex support L2', lessons: ['GLOBEX wants PagerDuty for P1', "Globex's duty managers liked the capacity gap alert"] });
    const md = caseStudyMarkdown(w, SOURCE);
    expect(leaksClient(md, client)).toBe(false);
    expect(md.toLowerCase()).not.toContain('globex');
    expect(md).toContain('# Case study: Support Ticket Escalation Backlog at a regional insurer');
    expect(md).toContain('participant L1 as a regional insurer Tier 1 Zendesk Agent');
    expect(md).toContain('Salesforce Case Queue');
    expect(md).toContain('| MTTR | 48.0 h | 28.0 h | 41.7 % better |');
    expect(md).toMatch(/## Challenge[\s\S]*## Solution[\s\S]*## Results[\s\S]*## Before and after[\s\S]*```mermaid/);
    expect(md).toContain("a regional insurer's duty managers");
  });

  it('replaces the longest name first and any capitalisation', () => {
    const c = { name: 'Acme', aliases: ['Acme Corp'], label: 'Client A' };
    expect(anonymize('ACME CORP and acme and AcmeCorp', c)).toBe('Client A and Client A and Client ACorp');
  });

  it('refuses a label that contains the client name', () => {
    expect(clientSchema.safeParse({ name: 'Acme', label: 'Acme-like firm' }).success).toBe(false);
  });
});
