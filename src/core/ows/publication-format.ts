// Export to and import from the publication format (pattern.schema.json). Export renders the
// sections from the pattern; import recovers what the flat format carries and lists every gap,
// so an imported draft can be completed before it passes the gates.
import { articleSections } from './article';
import { lintPatternDiagrams } from './diagram-lint';
import type { ImportedActor } from './diagram-import';
import { importDiagram } from './diagram-import';
import { scorePattern } from './hqo-scorecard';
import { STANDARD_RUBRIC } from './hqo-rubric';
import type { PointerIssue } from './input-error';
import type { ProblemType } from './library-metadata';
import { BROKEN_SIGNALS, INDUSTRIES, SLUG_PATTERN } from './library-metadata';
import type { HqoDimensionId } from './ows-document';
import { OWS_SCHEMA_VERSION } from './ows-document';
import type { ParseResult } from './parse-pattern';
import { parsePattern, parseWithPointers } from './parse-pattern';
import type { PublicationDimension, PublicationPattern } from './publication-schema';
import { PUBLICATION_CATEGORIES, publicationSchema } from './publication-schema';
import type { Pattern } from './schema';

/**
 * The publication scorecard has its own eight names; each takes the HQO dimension closest in
 * meaning. Scores are clamped to 1–5 because the publication format has no 0.
 */
export const PUBLICATION_SCORE_SOURCES: Record<PublicationDimension, HqoDimensionId> = {
  Ownership: 'ownership_routing',
  TimeSLA: 'sla_time',
  Capacity: 'capacity_reality',
  Visibility: 'observability',
  CustomerLoop: 'customer_visibility',
  Escalation: 'alt_decisions',
  Handoffs: 'actor_clarity',
  Documentation: 'minimal_complexity',
};

const CATEGORY_OF: Record<ProblemType, (typeof PUBLICATION_CATEGORIES)[number]> = {
  Escalation: 'escalation',
  'SLA Failure': 'monitoring',
  Handoffs: 'communication',
  Backlog: 'orchestration',
  Capacity: 'orchestration',
};
const PROBLEM_TYPE_OF: Partial<Record<(typeof PUBLICATION_CATEGORIES)[number], ProblemType>> = {
  escalation: 'Escalation',
  monitoring: 'SLA Failure',
  communication: 'Handoffs',
};

const EFFORT_SUFFIX = / \((\d+(?:\.\d+)?) person-weeks?\)$/;

export function toPublication(pattern: Pattern): PublicationPattern {
  const { ows, library } = pattern;
  const diagrams = lintPatternDiagrams(pattern);
  const card = scorePattern(pattern, diagrams);
  const sections = articleSections(pattern, diagrams, card);
  const scorecard = Object.fromEntries(
    Object.entries(PUBLICATION_SCORE_SOURCES).map(([name, id]) => [name, Math.max(1, card.dimensionScores[id])]),
  ) as PublicationPattern['scorecard'];
  const firstType = library.problemTypes[0];
  return {
    id: library.slug,
    slug: library.slug,
    title: ows.meta.title,
    ...(firstType !== undefined ? { category: CATEGORY_OF[firstType] } : {}),
    hookMarkdown: sections.Hook,
    problemDetailMarkdown: sections['Problem in one minute'],
    asIsDiagramMermaid: diagrams[0].diagram.text,
    orchestratedDiagramMermaid: diagrams[1].diagram.text,
    decisionPointMarkdown: sections['Decision point that matters'],
    metricsMarkdown: sections['Metrics & SLAs'],
    implementationChecklist: library.checklist.map((i) => `${i.summary} (${i.effortPersonWeeks} person-week${i.effortPersonWeeks === 1 ? '' : 's'})`),
    commonPitfalls: [...library.narrative.antiPatterns],
    closingInsightMarkdown: library.narrative.closingInsight,
    scorecard,
    components: library.components.map((c) => c.name),
    industries: [...library.industries],
    brokenSignals: [...library.brokenSignals],
    clarityScore: library.clarityScore,
    referenceCount: library.referenceCount,
    createdAt: ows.meta.createdAt,
    updatedAt: `${library.publishedAt}T00:00:00Z`,
  };
}

/** Recursively optional: what an import could fill in. */
export type DeepPartial<T> = T extends ReadonlyArray<infer U> ? Array<DeepPartial<U>> : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type PatternDraft = DeepPartial<Pattern>;

export interface PublicationImport {
  draft: PatternDraft;
  /** What the publication document did not carry, or carried in a lossy form; then what validation still misses. */
  gaps: PointerIssue[];
  /** The draft as a full pattern, when nothing required is missing. */
  pattern?: Pattern;
}

const known = <T extends string>(values: ReadonlyArray<T>, input: ReadonlyArray<string> | undefined, field: string, gaps: PointerIssue[]): T[] => {
  const list = input ?? [];
  list.filter((v) => !values.includes(v as T)).forEach((v) => gaps.push({ pointer: `/library/${field}`, message: `"${v}" is not a library value (${values.join(', ')}); dropped` }));
  return list.filter((v): v is T => values.includes(v as T));
};

function checklistFrom(items: ReadonlyArray<string>): NonNullable<PatternDraft['library']>['checklist'] {
  return items.map((text, i) => {
    const effort = EFFORT_SUFFIX.exec(text);
    const summary = effort ? text.slice(0, effort.index) : text;
    return {
      id: `IMP-${String(i + 1).padStart(3, '0')}`,
      summary,
      ...(effort ? { effortPersonWeeks: Number(effort[1]) } : {}),
      checks: [],
    };
  });
}

/** Both diagrams list actors in declaration order; merging keeps that order for the union. */
function mergeActors(first: ReadonlyArray<ImportedActor>, second: ReadonlyArray<ImportedActor>): ImportedActor[] {
  const merged = [...first];
  second.forEach((actor, i) => {
    if (merged.some((a) => a.id === actor.id)) return;
    const next = second.slice(i + 1).find((later) => merged.some((a) => a.id === later.id));
    const at = next === undefined ? merged.length : merged.findIndex((a) => a.id === next.id);
    merged.splice(at, 0, actor);
  });
  return merged;
}

export function fromPublication(input: unknown): ParseResult<PublicationImport> {
  const parsed = parseWithPointers(publicationSchema, input);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const gaps: PointerIssue[] = [];
  const asIs = importDiagram(doc.asIsDiagramMermaid, '/asIsDiagramMermaid', false);
  const toBe = importDiagram(doc.orchestratedDiagramMermaid, '/orchestratedDiagramMermaid', true);
  if (!asIs.ok || !toBe.ok) return { ok: false, errors: [...(asIs.ok ? [] : asIs.errors), ...(toBe.ok ? [] : toBe.errors)] };
  gaps.push(...asIs.diagram.gaps, ...toBe.diagram.gaps);
  const actors = mergeActors(asIs.diagram.actors, toBe.diagram.actors);
  const flowName = (title: string | undefined, fallback: string) => title?.split(' — ').pop() ?? fallback;
  const mermaidTitle = toBe.diagram.title?.split(' — ')[0] ?? doc.title;
  const problemType = doc.category !== undefined ? PROBLEM_TYPE_OF[doc.category] : undefined;
  const firstDecision = toBe.diagram.decisions[0];
  const draft: PatternDraft = {
    ows: {
      schemaVersion: OWS_SCHEMA_VERSION,
      meta: { id: doc.id, title: doc.title, ...(doc.createdAt !== undefined ? { createdAt: doc.createdAt } : {}) },
      pattern: { problemStatement: doc.problemDetailMarkdown },
      actors: actors.map((a) => ({ id: a.id, label: a.label })),
      orchestrationQuality: { rubric: { minTotalScore: 30, minDimensionScore: 3, dimensions: STANDARD_RUBRIC.map((d) => ({ ...d, signals: [...d.signals] })) } },
      flows: {
        asIs: { name: flowName(asIs.diagram.title, 'As-Is'), steps: asIs.diagram.steps },
        toBe: { name: flowName(toBe.diagram.title, 'Orchestrated'), steps: toBe.diagram.steps },
        altDecisionPoints: toBe.diagram.decisions,
      },
      outputs: { mermaid: { title: mermaidTitle, autonumber: toBe.diagram.autonumber, includeNotes: true } },
    },
    library: {
      ...(SLUG_PATTERN.test(doc.slug) ? { slug: doc.slug } : {}),
      version: 1,
      ...(doc.updatedAt ?? doc.createdAt ? { publishedAt: (doc.updatedAt ?? doc.createdAt ?? '').slice(0, 10) } : {}),
      referenceCount: doc.referenceCount ?? 0,
      ...(doc.clarityScore !== undefined ? { clarityScore: doc.clarityScore } : {}),
      industries: known(INDUSTRIES, doc.industries, 'industries', gaps),
      brokenSignals: known(BROKEN_SIGNALS, doc.brokenSignals, 'brokenSignals', gaps),
      ...(problemType !== undefined ? { problemTypes: [problemType] } : {}),
      narrative: {
        hook: doc.hookMarkdown,
        ...(doc.closingInsightMarkdown !== undefined ? { closingInsight: doc.closingInsightMarkdown } : {}),
        antiPatterns: doc.commonPitfalls ?? [],
        decisionPoint: {
          ...(firstDecision !== undefined ? { decisionId: firstDecision.id } : {}),
          ...(doc.decisionPointMarkdown !== undefined ? { whyItMatters: doc.decisionPointMarkdown } : {}),
        },
      },
      components: (doc.components ?? []).map((name) => ({ name })),
      checklist: checklistFrom(doc.implementationChecklist ?? []),
      diagram: { decisionPlacement: toBe.diagram.placement },
    },
  };
  gaps.push({ pointer: '/scorecard', message: 'publication scores are not imported: the HQO scorecard is computed from the pattern content' });
  if (doc.metricsMarkdown !== undefined) {
    gaps.push({ pointer: '/library/metrics', message: 'metricsMarkdown is prose; metrics and SLA targets must be entered as structured values' });
  }
  if (!SLUG_PATTERN.test(doc.slug)) gaps.push({ pointer: '/library/slug', message: `"${doc.slug}" is not a valid slug` });
  const validated = parsePattern(draft);
  if (validated.ok) return { ok: true, value: { draft, gaps, pattern: validated.value } };
  const seen = new Set(gaps.map((g) => `${g.pointer} ${g.message}`));
  for (const error of validated.errors) if (!seen.has(`${error.pointer} ${error.message}`)) gaps.push(error);
  return { ok: true, value: { draft, gaps } };
}
