// Cross-reference rules a JSON Schema cannot express: steps name declared actors, checklist items
// deliver declared checks, ids are unique. Each finding carries the pointer of the offending value.
import type { LibraryMetadata } from './library-metadata';
import type { OwsDocument } from './ows-document';
import type { Step } from './ows-flow';

/** Words Mermaid's sequence grammar reserves; an actor id equal to one would not parse. */
const MERMAID_KEYWORDS = new Set(
  [
    'participant', 'actor', 'as', 'alt', 'else', 'opt', 'loop', 'par', 'par_over', 'and', 'end',
    'note', 'over', 'rect', 'critical', 'option', 'break', 'box', 'create', 'destroy', 'activate',
    'deactivate', 'autonumber', 'off', 'title', 'left', 'right', 'of', 'link', 'links',
    'properties', 'details', 'sequencediagram', 'acctitle', 'accdescr',
  ],
);

export const TITLE_MIN_CHARS = 10;
export const TITLE_MAX_CHARS = 200;
export const PROBLEM_STATEMENT_MIN_CHARS = 40;

type Path = ReadonlyArray<string | number>;

/** A broken reference, located by its path in the pattern file. */
export interface ReferenceIssue {
  path: Path;
  message: string;
}

interface PatternShape {
  ows: OwsDocument;
  library: LibraryMetadata;
}

function duplicates<T>(
  items: ReadonlyArray<T>,
  key: (item: T) => string,
  where: (index: number) => Path,
  what: string,
): ReferenceIssue[] {
  const firstAt = new Map<string, number>();
  const issues: ReferenceIssue[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const first = firstAt.get(k);
    if (first === undefined) firstAt.set(k, index);
    else issues.push({ path: where(index), message: `duplicate ${what} "${k}" (first used at index ${first})` });
  });
  return issues;
}

function stepIssues(step: Step, path: Path, actors: ReadonlySet<string>): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const unknown = (field: Path, id: string) =>
    issues.push({ path: [...path, ...field], message: `unknown actor "${id}"; declare it in /ows/actors` });
  if (step.kind === 'note') {
    if (step.from !== 'Note' && !actors.has(step.from)) unknown(['from'], step.from);
    if (step.noteOver) step.noteOver.forEach((id, i) => actors.has(id) || unknown(['noteOver', i], id));
    else if (!actors.has(step.to)) {
      issues.push({
        path: [...path, 'to'],
        message: `a note needs noteOver with two actor ids, or "to" naming the actor it sits over (got "${step.to}")`,
      });
    }
    return issues;
  }
  if (!actors.has(step.from)) unknown(['from'], step.from);
  if (!actors.has(step.to)) unknown(['to'], step.to);
  if (step.kind === 'internal' && step.from !== step.to) {
    issues.push({
      path: [...path, 'to'],
      message: `an internal step stays within one actor: "to" must equal "from" ("${step.from}"), got "${step.to}"`,
    });
  }
  return issues;
}

function flowIssues(ows: OwsDocument): ReferenceIssue[] {
  const actors = new Set(ows.actors.map((a) => a.id));
  const issues: ReferenceIssue[] = [];
  for (const flow of ['asIs', 'toBe'] as const) {
    ows.flows[flow].steps.forEach((step, i) => issues.push(...stepIssues(step, ['ows', 'flows', flow, 'steps', i], actors)));
  }
  ows.flows.altDecisionPoints.forEach((dp, d) =>
    dp.branches.forEach((branch, b) =>
      branch.steps.forEach((step, i) =>
        issues.push(...stepIssues(step, ['ows', 'flows', 'altDecisionPoints', d, 'branches', b, 'steps', i], actors)),
      ),
    ),
  );
  return issues;
}

function owsIssues(ows: OwsDocument): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [
    ...duplicates(ows.actors, (a) => a.id, (i) => ['ows', 'actors', i, 'id'], 'actor id'),
    ...duplicates(ows.actors, (a) => a.label, (i) => ['ows', 'actors', i, 'label'], 'actor label'),
    ...duplicates(ows.flows.altDecisionPoints, (d) => d.id, (i) => ['ows', 'flows', 'altDecisionPoints', i, 'id'], 'decision point id'),
    ...duplicates(
      ows.orchestrationQuality.rubric.dimensions,
      (d) => d.id,
      (i) => ['ows', 'orchestrationQuality', 'rubric', 'dimensions', i, 'id'],
      'rubric dimension',
    ),
    ...duplicates(ows.outputs.checklist.items, (c) => c.id, (i) => ['ows', 'outputs', 'checklist', 'items', i, 'id'], 'check id'),
  ];
  ows.actors.forEach((actor, i) => {
    if (MERMAID_KEYWORDS.has(actor.id.toLowerCase())) {
      issues.push({ path: ['ows', 'actors', i, 'id'], message: `"${actor.id}" is a Mermaid keyword; choose another actor id` });
    }
  });
  const title = ows.meta.title;
  if (title.length < TITLE_MIN_CHARS || title.length > TITLE_MAX_CHARS) {
    issues.push({
      path: ['ows', 'meta', 'title'],
      message: `must be ${TITLE_MIN_CHARS}–${TITLE_MAX_CHARS} characters (has ${title.length})`,
    });
  }
  if (ows.pattern.problemStatement.trim().length < PROBLEM_STATEMENT_MIN_CHARS) {
    issues.push({ path: ['ows', 'pattern', 'problemStatement'], message: `must be at least ${PROBLEM_STATEMENT_MIN_CHARS} characters` });
  }
  return [...issues, ...flowIssues(ows)];
}

function libraryIssues({ ows, library }: PatternShape): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [
    ...duplicates(library.checklist, (c) => c.id, (i) => ['library', 'checklist', i, 'id'], 'checklist item id'),
    ...duplicates(library.components, (c) => c.name, (i) => ['library', 'components', i, 'name'], 'component name'),
  ];
  const checkIds = new Set(ows.outputs.checklist.items.map((c) => c.id));
  const componentNames = new Set(library.components.map((c) => c.name));
  const delivered = new Set(library.checklist.flatMap((item) => item.checks));
  ows.outputs.checklist.items.forEach((check, i) => {
    if (!delivered.has(check.id)) {
      issues.push({
        path: ['ows', 'outputs', 'checklist', 'items', i],
        message: `no implementation item delivers check "${check.id}"; list it in some /library/checklist/*/checks`,
      });
    }
  });
  library.checklist.forEach((item, i) => {
    if (item.component !== undefined && !componentNames.has(item.component)) {
      issues.push({ path: ['library', 'checklist', i, 'component'], message: `unknown component "${item.component}"; declare it in /library/components` });
    }
    item.checks.forEach((id, c) => {
      if (!checkIds.has(id)) {
        issues.push({ path: ['library', 'checklist', i, 'checks', c], message: `unknown check "${id}"; declare it in /ows/outputs/checklist/items` });
      }
    });
  });
  const decisionIds = new Set(ows.flows.altDecisionPoints.map((d) => d.id));
  const focus = library.narrative.decisionPoint.decisionId;
  if (!decisionIds.has(focus)) {
    issues.push({ path: ['library', 'narrative', 'decisionPoint', 'decisionId'], message: `unknown decision point "${focus}"; use an id from /ows/flows/altDecisionPoints` });
  }
  const steps = ows.flows.toBe.steps.length;
  for (const [id, after] of Object.entries(library.diagram?.decisionPlacement ?? {})) {
    const path = ['library', 'diagram', 'decisionPlacement', id];
    if (!decisionIds.has(id)) issues.push({ path, message: `unknown decision point "${id}"` });
    if (after >= steps) issues.push({ path, message: `step index ${after} is past the last orchestrated step (${steps - 1})` });
  }
  return issues;
}

/** Every cross-reference problem in a structurally valid pattern, in document order. */
export function findReferenceIssues(pattern: PatternShape): ReferenceIssue[] {
  return [...owsIssues(pattern.ows), ...libraryIssues(pattern)];
}
