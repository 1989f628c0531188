// The diagram budget: limits that keep a sequence diagram readable on one screen, checked on any
// Mermaid sequence diagram text (generated, hand-edited or white-labelled).
import { z } from 'zod';
import { AppError } from '../shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';
import type { MermaidStatement, SectionKeyword } from './mermaid-ast';
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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function quote(text: string): string {
  const short = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return `"${short}"`;
}

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
  const counts: BudgetCounts = { actors: 0, steps: 0, altBlocks: 0, notes: 0, maxMessageChars: 0, maxNoteChars: 0 };
  if (!parsed.ok) {
    const { line, message, expected } = parsed.error;
    return { parseError: { line, message, expected }, counts, violations: [] };
  }
  const { participants, statements } = parsed.diagram;
  const violations: BudgetViolation[] = [];
  counts.actors = participants.length;
  if (participants.length > limits.maxActors) {
    const extra = participants.slice(limits.maxActors);
    const first = extra[0];
    violations.push({
      rule: 'max-actors',
      line: first?.firstLine ?? parsed.diagram.headerLine,
      message: `${plural(participants.length, 'actor')}, over the limit of ${limits.maxActors}; over the limit from here: ${extra.map((p) => quote(p.label)).join(', ')}`,
    });
  }
  const messages: Extract<MermaidStatement, { kind: 'message' }>[] = [];
  const notes: Extract<MermaidStatement, { kind: 'note' }>[] = [];
  const alts: Extract<MermaidStatement, { kind: 'block' }>[] = [];
  const branchSteps = new Map<object, { keyword: SectionKeyword; line: number; steps: number }>();
  walkStatements(statements, (s, enclosing) => {
    if (s.kind === 'message') {
      messages.push(s);
      for (const { section } of enclosing) {
        if (!BRANCHING.has(section.keyword)) continue;
        const entry = branchSteps.get(section) ?? { keyword: section.keyword, line: section.line, steps: 0 };
        entry.steps++;
        branchSteps.set(section, entry);
      }
    } else if (s.kind === 'note') {
      notes.push(s);
    } else if (s.kind === 'block' && s.type === 'alt') {
      alts.push(s);
      const outer = enclosing.find((e) => e.block.type === 'alt');
      if (outer) {
        violations.push({
          rule: 'no-nested-alt',
          line: s.line,
          message: `\`alt\` nested inside the \`alt\` of line ${outer.block.line}; make it a separate decision point`,
        });
      }
    }
  });
  counts.steps = messages.length;
  counts.notes = notes.length;
  counts.altBlocks = alts.length;
  if (messages.length > limits.maxTotalSteps) {
    violations.push({
      rule: 'max-steps',
      line: messages[limits.maxTotalSteps]?.line ?? 0,
      message: `${plural(messages.length, 'step')} (messages), over the limit of ${limits.maxTotalSteps}; the first one over is here`,
    });
  }
  for (const entry of branchSteps.values()) {
    if (entry.steps > limits.maxStepsPerBranch) {
      violations.push({
        rule: 'max-steps-per-branch',
        line: entry.line,
        message: `The \`${entry.keyword}\` branch has ${plural(entry.steps, 'step')}, over the limit of ${limits.maxStepsPerBranch} per branch`,
      });
    }
  }
  if (alts.length > limits.maxAltBlocks) {
    violations.push({
      rule: 'max-alt-blocks',
      line: alts[limits.maxAltBlocks]?.line ?? 0,
      message: `${plural(alts.length, '`alt` block')}, over the limit of ${limits.maxAltBlocks}; the first one over is here`,
    });
  }
  if (notes.length > limits.maxNotes) {
    violations.push({
      rule: 'max-notes',
      line: notes[limits.maxNotes]?.line ?? 0,
      message: `${plural(notes.length, 'note')}, over the limit of ${limits.maxNotes}; the first one over is here`,
    });
  }
  for (const m of messages) {
    const length = displayLength(m.text.text);
    counts.maxMessageChars = Math.max(counts.maxMessageChars, length);
    if (length > limits.maxMessageChars) {
      violations.push({
        rule: 'max-message-chars',
        line: m.line,
        message: `Message ${quote(m.text.text)} from ${m.from} to ${m.to} has ${length} characters, over the limit of ${limits.maxMessageChars}`,
      });
    }
  }
  for (const n of notes) {
    const length = displayLength(n.text.text);
    counts.maxNoteChars = Math.max(counts.maxNoteChars, length);
    if (length > limits.maxNoteChars) {
      violations.push({
        rule: 'max-note-chars',
        line: n.line,
        message: `Note ${quote(n.text.text)} ${n.placement} ${n.actors.join(',')} has ${length} characters, over the limit of ${limits.maxNoteChars}`,
      });
    }
  }
  violations.sort((a, b) => a.line - b.line);
  return { counts, violations };
}

/** True when the text parses and breaks no budget rule. */
export function withinBudget(result: LintResult): boolean {
  return result.parseError === undefined && result.violations.length === 0;
}
