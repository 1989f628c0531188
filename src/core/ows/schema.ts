// The pattern file: one JSON document per catalog pattern, `{ "ows": <OWS 1.1>, "library": {...} }`.
//
// Design note for catalog authors (content/patterns/<slug>.json):
// - `ows` is a complete OWS 1.1 document (orchestration-wisdom.schema.json). It is kept verbatim:
//   exporting a pattern yields exactly this object, so it must validate on its own. OWS forbids
//   extra properties, which is why library data lives beside it, never inside it.
// - Prose goes where OWS has a field for it: the problem in `ows.pattern.problemStatement`, causes in
//   `rootCause`, principles in `designPrinciples`, observable outcomes in `successCriteria`,
//   volumes/capacities in `ows.caseDefinition.assumptions`, the model's limits in `boundaries`.
//   The operating checks (≥ 8, OWS `outputs.checklist`) are the controls the running system keeps.
// - `ows.flows.asIs` / `toBe` become the two Mermaid diagrams: `message` → `->>`, `return` → `-->>`,
//   `internal` → a self-arrow (to = from), `note` → `Note over` the two `noteOver` actors. Each
//   `altDecisionPoints` entry becomes an `alt`/`else` block in the orchestrated diagram, drawn after
//   the step index given in `library.diagram.decisionPlacement` (default: after the last step).
//   Put signals in `emits` (case_created, ownership_assigned, sla_started, sla_breach_risk,
//   escalation_triggered, …): the HQO scorecard is computed from them, from the decision points
//   and from the generated diagrams; `outputs.scorecard` is never read as a score.
// - `library` carries what OWS has no field for: catalog facets (industries, problemTypes,
//   brokenSignals, maturity), `summary` (one-line problem and orchestration shift for cards),
//   `narrative` (hook, the decision point the article dwells on and why, closing insight, what the
//   pattern does not solve, anti-patterns), `metrics` (baseline → target), `slaTargets` (minutes,
//   warning percentage), `failureScenarios` (detection and rollback), `components` (the "build a
//   solution" panel) and `checklist`: 3–10 implementation items with effort in person-weeks, each
//   naming the OWS checks it delivers; every OWS check must be delivered by some item. The
//   checklist feeds the Jira CSV and the statement of work.
import { z } from 'zod';
import { libraryMetadataSchema } from './library-metadata';
import { owsDocumentSchema } from './ows-document';
import { findReferenceIssues } from './pattern-references';

/** The file's structure only; the JSON Schema we publish is exported from this. */
export const patternStructureSchema = z
  .strictObject({
    ows: owsDocumentSchema,
    library: libraryMetadataSchema,
  })
  .meta({
    title: 'Orchestration Wisdom pattern',
    description: 'An OWS 1.1 document plus the library metadata of the Orchestration Wisdom catalog.',
  });

/** Structure plus cross-references (actors, checks, components, decision points). */
export const patternSchema = patternStructureSchema.superRefine((pattern, ctx) => {
  for (const issue of findReferenceIssues(pattern)) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: [...issue.path],
    });
  }
});

export type Pattern = z.infer<typeof patternSchema>;
