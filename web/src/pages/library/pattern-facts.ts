// The few fields of a stored pattern document the page header and the SOW builder read. The API
// sends the document untyped (its full schema is published as JSON Schema), so they are checked here
// and a document missing one still shows its article, just without that fact.
import { z } from 'zod/mini';

const facetsSchema = z.object({
  industries: z.array(z.string()),
  problemTypes: z.array(z.string()),
  brokenSignals: z.array(z.string()),
  maturity: z.string(),
  summary: z.object({ problem: z.string(), orchestrationShift: z.string() }),
});

const checklistSchema = z.object({
  checklist: z.array(z.object({ id: z.string(), summary: z.string(), effortPersonWeeks: z.number() })),
});

export type PatternFacets = z.infer<typeof facetsSchema>;
export type ChecklistSummary = z.infer<typeof checklistSchema>['checklist'];

export function readFacets(library: unknown): PatternFacets | null {
  const parsed = facetsSchema.safeParse(library);
  return parsed.success ? parsed.data : null;
}

export function readChecklist(library: unknown): ChecklistSummary {
  const parsed = checklistSchema.safeParse(library);
  return parsed.success ? parsed.data.checklist : [];
}

/** "Metrics & SLAs" → "metrics-slas": the anchor of an article section. */
export function sectionAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
