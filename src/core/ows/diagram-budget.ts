// The diagram budget: limits that keep a sequence diagram readable on one screen, checked on any
// Mermaid sequence diagram text (generated, hand-edited or white-labelled).
import { z } from 'zod';
import { AppError } from '../shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';
import { budgetReport, type DiagramFacts } from './diagram-facts';
import type { SectionKeyword, SequenceDiagram } from './mermaid-ast';
import { parseMermaidSequence } from './mermaid-parser';
import { displayLength } from './mermaid-text';
import { walkStatements } from './mermaid-walk';

/**
 * The limits, named as in the OWS `diagramBudget` so a pattern's own budget can be passed in.
 * - Actors: everyone Mermaid draws, declared or implied by a message or note.
 * - Steps: messages (arrows, self-messages included). Notes are not steps: they have their own
 *   cap (`maxNotes`), so a diagram holds at most 18 arrows plus 3 notes.
 * - Steps per branch: messages inside one section of an `alt`/`else`, `opt`, `loop`, `par`/`and`,
 *   `critical`/`option` or `break`, nested blocks included. `rect` and `box` only decorate.
 * - Lengths: characters as displayed (see `displayLength`): an emoji is one, `#59;` is one.
 */
export const DIAGRAM_BUDGET = {
  maxActors: 7,
  maxTotalSteps: 18,
  maxStepsPerBranch: 8,
  maxAltBlocks: 2,
  maxNotes: 3,
  maxMessageChars: 56,
  maxNoteChars: 90,
} as const;

const limit = z.number().int().nonnegative();
export const diagramBudgetSchema = z.strictObject({
  maxActors: limit,
  maxTotalSteps: limit,
  maxStepsPerBranch: limit,
  maxAltBlocks: limit,
  maxNotes: limit,
  maxMessageChars: limit,
  maxNoteChars: limit,
});

export type DiagramBudget = z.infer<typeof diagramBudgetSchema>;

export type BudgetRule =
  | 'max-actors'
  | 'max-steps'
  | 'max-steps-per-branch'
  | 'max-alt-blocks'
  | 'no-nested-alt'
  | 'max-notes'
  | 'max-message-chars'
  | 'max-note-chars';

export interface BudgetViolation {
  rule: BudgetRule;
  line: number;
  message: string;
}

export interface BudgetCounts {
  actors: number;
  steps: number;
  altBlocks: number;
  notes: number;
  maxMessageChars: number;
  maxNoteChars: number;
}

export interface LintResult {
  parseError?: { line: number; message: string; expected: string };
  counts: BudgetCounts;
  violations: BudgetViolation[];
}

const BRANCHING: ReadonlySet<SectionKeyword> = new Set(['alt', 'else', 'opt', 'loop', 'par', 'par_over', 'and', 'critical', 'option', 'break']);

// Built once: deriving the partial schema per call cost more than linting a diagram.
const partialBudgetSchema = diagramBudgetSchema.partial();

/** Counts and every budget violation of a diagram, or why it cannot be parsed. */
export function lintMermaid(text: string, budget: Partial<DiagramBudget> = {}): LintResult {
  const checked = partialBudgetSchema.safeParse(budget);
  if (!checked.success) {
    const errors = zodIssuesToLocations(checked.error.issues);
    throw new AppError('OW_VALIDATION', `Invalid diagram budget:\n${formatLocations(errors)}`, errors);
  }
  const limits: DiagramBudget = { ...DIAGRAM_BUDGET, ...checked.data };
  const parsed = parseMermaidSequence(text);
  if (!parsed.ok) {
    const { line, message, expected } = parsed.error;
    const counts: BudgetCounts = { actors: 0, steps: 0, altBlocks: 0, notes: 0, maxMessageChars: 0, maxNoteChars: 0 };
    return { parseError: { line, message, expected }, counts, violations: [] };
  }
  return budgetReport(factsOf(parsed.diagram), limits);
}

/** The budget facts of a parsed diagram. */
function factsOf(diagram: SequenceDiagram): DiagramFacts {
  const facts: DiagramFacts = {
    headerLine: diagram.headerLine,
    participants: diagram.participants,
    messages: [],
    notes: [],
    altLines: [],
    nestedAlts: [],
    branches: [],
  };
  const branchSteps = new Map<object, { keyword: SectionKeyword; line: number; steps: number }>();
  walkStatements(diagram.statements, (s, enclosing) => {
    if (s.kind === 'message') {
      facts.messages.push({ line: s.line, text: s.text.text, length: displayLength(s.text.text), from: s.from, to: s.to });
      for (const { section } of enclosing) {
        if (!BRANCHING.has(section.keyword)) continue;
        const entry = branchSteps.get(section) ?? { keyword: section.keyword, line: section.line, steps: 0 };
        entry.steps++;
        branchSteps.set(section, entry);
      }
    } else if (s.kind === 'note') {
      facts.notes.push({ line: s.line, text: s.text.text, length: displayLength(s.text.text), placement: s.placement, actors: s.actors });
    } else if (s.kind === 'block' && s.type === 'alt') {
      facts.altLines.push(s.line);
      const outer = enclosing.find((e) => e.block.type === 'alt');
      if (outer) facts.nestedAlts.push({ line: s.line, outerLine: outer.block.line });
    }
  });
  facts.branches = [...branchSteps.values()];
  return facts;
}

/** True when the text parses and breaks no budget rule. */
export function withinBudget(result: LintResult): boolean {
  return result.parseError === undefined && result.violations.length === 0;
}
