// The publication format of pattern.schema.json (one flat record with Markdown sections and Mermaid
// text per pattern), in zod, so imported publication documents are validated the same way.
import { z } from 'zod';

export const PUBLICATION_CATEGORIES = ['orchestration', 'communication', 'decision', 'escalation', 'monitoring'] as const;
export const PUBLICATION_DIMENSIONS = ['Ownership', 'TimeSLA', 'Capacity', 'Visibility', 'CustomerLoop', 'Escalation', 'Handoffs', 'Documentation'] as const;
export type PublicationDimension = (typeof PUBLICATION_DIMENSIONS)[number];

const score = z.int().min(1).max(5);

export const publicationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
  slug: z.string(),
  title: z.string().min(10).max(200),
  category: z.enum(PUBLICATION_CATEGORIES).optional(),
  hookMarkdown: z.string().min(20),
  problemDetailMarkdown: z.string().min(100),
  asIsDiagramMermaid: z.string(),
  orchestratedDiagramMermaid: z.string(),
  decisionPointMarkdown: z.string().optional(),
  metricsMarkdown: z.string().optional(),
  implementationChecklist: z.array(z.string().min(10)).min(3).max(10).optional(),
  commonPitfalls: z.array(z.string()).optional(),
  closingInsightMarkdown: z.string().optional(),
  scorecard: z.strictObject({
    Ownership: score,
    TimeSLA: score,
    Capacity: score,
    Visibility: score,
    CustomerLoop: score,
    Escalation: score,
    Handoffs: score,
    Documentation: score,
  }),
  components: z.array(z.string()).optional(),
  industries: z.array(z.string()).optional(),
  brokenSignals: z.array(z.string()).optional(),
  clarityScore: z.number().min(0).max(10).optional(),
  referenceCount: z.int().optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
export type PublicationPattern = z.infer<typeof publicationSchema>;
