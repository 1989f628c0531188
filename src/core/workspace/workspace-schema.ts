// The operator workspace of seed 000 as data: the stages of the journey, the metric figures a
// baseline or a measurement holds, the workspace state and the input of every step.
import { z } from 'zod';

/** The journey of seed 000 in order; a workspace only ever moves one stage forward. */
export const STAGES = ['assigned', 'kickoff', 'implementation', 'baselined', 'shadow', 'production', 'measured', 'reported', 'lessons'] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

/** Commands after creation (creation is `assign`). `owners` edits item owners without moving. */
export const STEPS = ['kickoff', 'owners', 'export', 'baseline', 'shadow', 'production', 'measure', 'report', 'lessons'] as const;
export const stepSchema = z.enum(STEPS);
export type Step = z.infer<typeof stepSchema>;

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

const hours = z.number().finite().min(0).nullable();
const rate = z.number().finite().min(0).max(1).nullable();

/** One priority's figures over a window; null = no ticket completed the cycle the metric needs. */
export const priorityFiguresSchema = z.strictObject({
  tickets: z.int().min(0),
  mttrHours: hours,
  firstResponseHours: hours,
  slaBreachRate: rate,
  reEscalationRate: rate,
});
export type PriorityFigures = z.infer<typeof priorityFiguresSchema>;

export const figuresSchema = z.strictObject({
  overall: priorityFiguresSchema,
  byPriority: z.partialRecord(z.enum(PRIORITIES), priorityFiguresSchema),
});
export type Figures = z.infer<typeof figuresSchema>;

export const SNAPSHOT_SOURCES = ['import', 'live', 'simulation', 'manual'] as const;

/** A baseline or a measurement as the workspace keeps it: C's snapshot id when it came from the metrics service. */
export const snapshotSchema = z.strictObject({
  snapshotId: z.string().nullable(),
  source: z.enum(SNAPSHOT_SOURCES),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  figures: figuresSchema,
  capturedAt: z.string(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

const name = (what: string, max = 120) => z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} is at most ${max} characters`);
export const personSchema = name('a name', 100);

export const termSchema = z.strictObject({ from: name('a term', 100), to: name('a replacement', 200) });

/** The client of an MSP engagement: who must never appear in the case study, and what stands in for them. */
export const clientSchema = z
  .strictObject({
    name: name('the client name', 120),
    aliases: z.array(name('an alias', 120)).max(20).default([]),
    label: name('the anonymized label', 120).default('the client'),
    terms: z.array(termSchema).max(200).default([]),
  })
  .superRefine((c, ctx) => {
    for (const n of [c.name, ...c.aliases]) {
      if (c.label.toLowerCase().includes(n.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['label'], message: `the anonymized label must not contain the client's name "${n}"` });
    }
  });
export type Client = z.infer<typeof clientSchema>;

export const checklistItemSchema = z.strictObject({
  id: z.string(),
  summary: z.string(),
  /** The owner the pattern suggests (a role); the team names a person at kickoff. */
  suggestedOwner: z.string(),
  owner: z.string().nullable(),
  effortPersonWeeks: z.number(),
});
export type WorkspaceItem = z.infer<typeof checklistItemSchema>;

export const historyEntrySchema = z.strictObject({
  step: z.union([z.literal('assign'), stepSchema, z.literal('stabilized')]),
  stage: stageSchema,
  at: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const workspaceSchema = z.strictObject({
  id: z.string(),
  team: z.string(),
  owner: z.string(),
  pattern: z.strictObject({ slug: z.string(), version: z.int().min(1), title: z.string() }),
  client: clientSchema.nullable(),
  stage: stageSchema,
  items: z.array(checklistItemSchema),
  exportedAt: z.string().nullable(),
  baseline: snapshotSchema.nullable(),
  /** The escalation mode asked for at shadow/production, and whether the runtime could apply it. */
  escalationMode: z.strictObject({ mode: z.enum(['shadow', 'production']), applied: z.boolean() }).nullable(),
  stabilizationDays: z.number().min(0).max(365),
  productionAt: z.string().nullable(),
  stabilizationEndsAt: z.string().nullable(),
  measured: snapshotSchema.nullable(),
  /** Set when the measurement came before the window ended: the reason given. */
  forcedMeasureReason: z.string().nullable(),
  costs: z.strictObject({ implementationCost: z.number().min(0), costPerHour: z.number().min(0), currency: z.string() }).nullable(),
  reportedAt: z.string().nullable(),
  lessons: z.array(z.string()),
  createdAt: z.string(),
  version: z.int().min(1),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const DEFAULT_STABILIZATION_DAYS = 14;

/** `POST /api/workspaces`: assign a pattern to a team. */
export const assignInputSchema = z.strictObject({
  team: name('the team', 120),
  owner: personSchema,
  patternSlug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a pattern slug is lowercase words joined by hyphens'),
  patternVersion: z.int().min(1).optional(),
  client: clientSchema.optional(),
  stabilizationDays: z.number().min(0).max(365).optional(),
});
export type AssignInput = z.infer<typeof assignInputSchema>;

const ownersSchema = z.record(z.string(), personSchema.nullable());

/** The body of each step, as the operator sends it. */
export const stepInputSchemas = {
  kickoff: z.strictObject({ owners: ownersSchema.optional() }),
  owners: z.strictObject({ owners: ownersSchema }),
  export: z.strictObject({}),
  baseline: z.strictObject({
    source: z.enum(['import', 'live', 'manual']).default('live'),
    importId: z.string().optional(),
    windowStart: z.iso.datetime({ offset: true }).optional(),
    windowEnd: z.iso.datetime({ offset: true }).optional(),
    figures: figuresSchema.optional(),
  }),
  shadow: z.strictObject({}),
  production: z.strictObject({ stabilizationDays: z.number().min(0).max(365).optional() }),
  measure: z.strictObject({
    windowStart: z.iso.datetime({ offset: true }).optional(),
    windowEnd: z.iso.datetime({ offset: true }).optional(),
    figures: figuresSchema.optional(),
    force: z.boolean().default(false),
    reason: z.string().trim().min(1).max(500).optional(),
  }),
  report: z.strictObject({
    implementationCost: z.number().finite().min(0).default(0),
    costPerHour: z.number().finite().min(0).default(0),
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as USD').default('USD'),
  }),
  lessons: z.strictObject({ lessons: z.array(z.string().trim().min(1, 'a lesson must not be empty').max(2000)).min(1, 'record at least one lesson').max(50) }),
} as const;
export type StepInput<S extends Step> = z.output<(typeof stepInputSchemas)[S]>;
