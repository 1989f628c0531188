// ARTICLE.md: the pattern told in nine sections (Hook → Closing insight), built only from the pattern
// and the artifacts generated from it, so the same pattern always yields the same bytes.
import { bulletList, fenced, formatSlaTarget, slaWarning } from './article-format';
import { checklistTaskList, patternUrl } from './checklist';
import type { LintedDiagram } from './diagram-lint';
import { lintPatternDiagrams } from './diagram-lint';
import type { HqoScorecard } from './hqo-scorecard';
import { scorePattern } from './hqo-scorecard';
import { mdCell, mdInline, mdParagraphs, mdTable, personWeeks } from './markdown-text';
import type { Step } from './ows-flow';
import type { Pattern } from './schema';

export const ARTICLE_HEADINGS = [
  'Hook',
  'Problem in one minute',
  'As-Is diagram',
  'Orchestrated diagram',
  'Decision point that matters',
  'Metrics & SLAs',
  'Checklist',
  'Orchestration scorecard',
  'Closing insight',
] as const;

export interface ArticleOptions {
  /** When given, the article links to the pattern page under this base URL. */
  baseUrl?: string;
}

interface Context {
  pattern: Pattern;
  diagrams: ReadonlyArray<LintedDiagram>;
  scorecard: HqoScorecard;
  /** The checklist as a Markdown task list (`checklistTaskList`). */
  taskList: string;
}

function actorName(pattern: Pattern, id: string): string {
  return pattern.ows.actors.find((a) => a.id === id)?.label ?? id;
}

function describeStep(pattern: Pattern, step: Step): string {
  if (step.kind === 'note') return `note: ${step.action}`;
  const from = actorName(pattern, step.from);
  if (step.kind === 'internal') return `${from}: ${step.action}`;
  return `${from} → ${actorName(pattern, step.to)}: ${step.action}`;
}

function header({ pattern, scorecard }: Context, options: ArticleOptions): string {
  const { ows, library } = pattern;
  const facts = [
    `**Industries:** ${library.industries.join(', ')}`,
    `**Problem types:** ${library.problemTypes.join(', ')}`,
    `**Broken signals:** ${library.brokenSignals.join(', ')}`,
    `**Maturity:** ${library.maturity}`,
    `**HQO:** ${scorecard.totalScore}/${scorecard.maxScore}`,
  ];
  const byline = [`By ${mdInline(ows.meta.author)}`, `version ${library.version}`, `published ${library.publishedAt}`];
  if (options.baseUrl !== undefined) byline.push(`<${patternUrl(options.baseUrl, library.slug)}>`);
  return [`# ${mdInline(ows.meta.title)}`, '', `> ${mdInline(library.summary.problem)}`, '', facts.join(' · '), '', byline.join(' · ')].join('\n');
}

function problem({ pattern }: Context): string {
  const { ows, library } = pattern;
  return [
    mdParagraphs(ows.pattern.problemStatement),
    '',
    `- **Trigger:** ${mdInline(ows.caseDefinition.trigger)}`,
    `- **Customer impact:** ${mdInline(ows.caseDefinition.customerImpact)}`,
    `- **Broken signals:** ${library.brokenSignals.join(', ')}`,
    '',
    '**Why it happens** (causes in the system, not in people):',
    '',
    bulletList(ows.pattern.rootCause),
  ].join('\n');
}

function diagramSection(ctx: Context, kind: 'as-is' | 'orchestrated'): string {
  const { pattern } = ctx;
  const linted = ctx.diagrams.find((d) => d.diagram.kind === kind);
  const flow = kind === 'as-is' ? pattern.ows.flows.asIs : pattern.ows.flows.toBe;
  const parts = [`*${mdInline(flow.name)}*`, '', fenced('mermaid', linted?.diagram.text ?? '')];
  if (kind === 'orchestrated') {
    parts.push('', `**The shift:** ${mdInline(pattern.library.summary.orchestrationShift)}`, '', '**Design principles**', '', bulletList(pattern.ows.pattern.designPrinciples));
    parts.push('', '**Components**', '');
    parts.push(
      pattern.library.components
        .map((c) => `- **${mdInline(c.name)}** (${personWeeks(c.effortPersonWeeks)}, ${mdInline(c.expectedTimeline)}): ${mdInline(c.explanation)}`)
        .join('\n'),
    );
  }
  return parts.join('\n');
}

function decision({ pattern }: Context): string {
  const focus = pattern.library.narrative.decisionPoint;
  const point = pattern.ows.flows.altDecisionPoints.find((d) => d.id === focus.decisionId);
  if (!point) return mdParagraphs(focus.whyItMatters);
  const rows = point.branches.map((b) => [mdCell(b.label), mdCell(b.criteria), mdCell(b.steps.map((s) => describeStep(pattern, s)).join('; '))]);
  return [`### ${mdInline(point.title)}`, '', mdParagraphs(focus.whyItMatters), '', mdTable(['Branch', 'When', 'What happens'], rows)].join('\n');
}

function metrics({ pattern }: Context): string {
  const { ows, library } = pattern;
  const metricRows = library.metrics.map((m) => [mdCell(m.name), mdCell(m.baseline), mdCell(m.target), mdCell(m.howMeasured)]);
  const slaRows = library.slaTargets.map((s) => [mdCell(s.name), formatSlaTarget(s), slaWarning(s), mdCell(s.onBreach)]);
  return [
    '**Success criteria**',
    '',
    bulletList(ows.pattern.successCriteria),
    '',
    mdTable(['Metric', 'Baseline', 'Target', 'How it is measured'], metricRows),
    '',
    mdTable(['SLA', 'Target', 'Warning at', 'On breach'], slaRows),
    '',
    '**Assumptions behind the numbers**',
    '',
    bulletList(ows.caseDefinition.assumptions),
  ].join('\n');
}

function checklist({ pattern, taskList }: Context): string {
  const { ows, library } = pattern;
  const total = library.checklist.reduce((sum, i) => sum + i.effortPersonWeeks, 0);
  const checkRows = ows.outputs.checklist.items.map((c) => [c.id, c.category, mdCell(c.statement), mdCell(c.owner)]);
  const failures = library.failureScenarios.map(
    (f) => `- **${mdInline(f.scenario)}**  \n  Detect: ${mdInline(f.detection)}  \n  Respond: ${mdInline(f.response)}`,
  );
  const parts = [
    `${library.checklist.length} items, ${personWeeks(total)} in total.`,
    '',
    taskList,
    '',
    '### Operating checks',
    '',
    mdTable(['Check', 'Category', 'Statement', 'Owner'], checkRows),
    '',
    '### Failure and rollback',
    '',
    failures.join('\n'),
  ];
  if (library.narrative.antiPatterns.length > 0) parts.push('', '### Anti-patterns', '', bulletList(library.narrative.antiPatterns));
  return parts.join('\n');
}

function scorecardSection({ scorecard }: Context): string {
  const rows = scorecard.dimensions.map((d) => [
    mdCell(d.name),
    `${d.score}/${d.max}`,
    mdCell(d.criteria.map((c) => `${c.met ? '✓' : '✗'} ${c.evidence}`).join('; ')),
  ]);
  const verdict = scorecard.passed ? '**Passed.**' : '**Not passed.**';
  const parts = [
    mdTable(['Dimension', 'Score', 'Evidence'], rows),
    '',
    `Total: **${scorecard.totalScore}/${scorecard.maxScore}**. ${verdict} The pass rule: every dimension at least ${scorecard.minDimensionScore}, ` +
      `a total of at least ${scorecard.minTotalScore}, at least one SLA trigger and one escalation route, and every required decision point modeled as an alt block.`,
  ];
  if (!scorecard.passed) parts.push('', bulletList(scorecard.failures.map((f) => f.message)));
  return parts.join('\n');
}

function closing({ pattern }: Context): string {
  const { ows, library } = pattern;
  const parts = [
    mdParagraphs(library.narrative.closingInsight),
    '',
    '### What this does not solve',
    '',
    bulletList(library.narrative.doesNotSolve),
    '',
    '### Boundaries of this model',
    '',
    bulletList(ows.caseDefinition.boundaries),
  ];
  if (ows.meta.disclaimer !== undefined) parts.push('', `*${mdInline(ows.meta.disclaimer)}*`);
  return parts.join('\n');
}

/** Section bodies by heading; the publication export reuses them. */
export function articleSections(
  pattern: Pattern,
  diagrams = lintPatternDiagrams(pattern),
  scorecard = scorePattern(pattern, diagrams),
  taskList = checklistTaskList(pattern),
) {
  const ctx: Context = { pattern, diagrams, scorecard, taskList };
  return {
    Hook: mdParagraphs(pattern.library.narrative.hook),
    'Problem in one minute': problem(ctx),
    'As-Is diagram': diagramSection(ctx, 'as-is'),
    'Orchestrated diagram': diagramSection(ctx, 'orchestrated'),
    'Decision point that matters': decision(ctx),
    'Metrics & SLAs': metrics(ctx),
    Checklist: checklist(ctx),
    'Orchestration scorecard': scorecardSection(ctx),
    'Closing insight': closing(ctx),
  } satisfies Record<(typeof ARTICLE_HEADINGS)[number], string>;
}

/**
 * Pass `diagrams`, `scorecard` and the checklist `taskList` when the caller already has them (one
 * pass, not two: rendering shares the task list with checklist.md).
 */
export function generateArticle(
  pattern: Pattern,
  options: ArticleOptions = {},
  diagrams: [LintedDiagram, LintedDiagram] = lintPatternDiagrams(pattern),
  scorecard: HqoScorecard = scorePattern(pattern, diagrams),
  taskList: string = checklistTaskList(pattern),
): string {
  const sections = articleSections(pattern, diagrams, scorecard, taskList);
  const body = ARTICLE_HEADINGS.map((heading) => `## ${heading}\n\n${sections[heading]}`);
  return [header({ pattern, diagrams, scorecard, taskList }, options), ...body].join('\n\n') + '\n';
}
