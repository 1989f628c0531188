// The facts of a sequence diagram that the diagram budget judges (actors, messages, notes, alt
// blocks, branch sizes, display lengths) and the budget report built from them. The lint reads the
// facts off a parsed diagram; the generator records them as it writes each line, skipping the parse.
import type { BudgetCounts, BudgetViolation, DiagramBudget, LintResult } from './diagram-budget';
import type { SectionKeyword } from './mermaid-ast';

export interface DiagramFacts {
  /** Line of the `sequenceDiagram` header. */
  headerLine: number;
  /** Every actor Mermaid draws, in drawing order, with its label and first line. */
  participants: Array<{ label: string; firstLine: number }>;
  /** Messages in document order; `length` is the `displayLength` of the text. */
  messages: Array<{ line: number; text: string; length: number; from: string; to: string }>;
  notes: Array<{ line: number; text: string; length: number; placement: string; actors: string[] }>;
  /** Lines of the `alt` blocks, in document order. */
  altLines: number[];
  /** `alt` blocks inside another `alt`, in document order, with the outer block's line. */
  nestedAlts: Array<{ line: number; outerLine: number }>;
  /** Branching sections holding at least one message, in the order of their first message. */
  branches: Array<{ keyword: SectionKeyword; line: number; steps: number }>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function quote(text: string): string {
  const short = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return `"${short}"`;
}

/** Counts and every violation of the limits, ordered by line (ties keep the rule order below). */
export function budgetReport(facts: DiagramFacts, limits: DiagramBudget): LintResult {
  const { participants, messages, notes, altLines } = facts;
  const violations: BudgetViolation[] = [];
  const counts: BudgetCounts = { actors: participants.length, steps: messages.length, altBlocks: altLines.length, notes: notes.length, maxMessageChars: 0, maxNoteChars: 0 };
  if (participants.length > limits.maxActors) {
    const extra = participants.slice(limits.maxActors);
    violations.push({
      rule: 'max-actors',
      line: extra[0]?.firstLine ?? facts.headerLine,
      message: `${plural(participants.length, 'actor')}, over the limit of ${limits.maxActors}; over the limit from here: ${extra.map((p) => quote(p.label)).join(', ')}`,
    });
  }
  for (const nested of facts.nestedAlts) {
    violations.push({
      rule: 'no-nested-alt',
      line: nested.line,
      message: `\`alt\` nested inside the \`alt\` of line ${nested.outerLine}; make it a separate decision point`,
    });
  }
  if (messages.length > limits.maxTotalSteps) {
    violations.push({
      rule: 'max-steps',
      line: messages[limits.maxTotalSteps]?.line ?? 0,
      message: `${plural(messages.length, 'step')} (messages), over the limit of ${limits.maxTotalSteps}; the first one over is here`,
    });
  }
  for (const entry of facts.branches) {
    if (entry.steps > limits.maxStepsPerBranch) {
      violations.push({
        rule: 'max-steps-per-branch',
        line: entry.line,
        message: `The \`${entry.keyword}\` branch has ${plural(entry.steps, 'step')}, over the limit of ${limits.maxStepsPerBranch} per branch`,
      });
    }
  }
  if (altLines.length > limits.maxAltBlocks) {
    violations.push({
      rule: 'max-alt-blocks',
      line: altLines[limits.maxAltBlocks] ?? 0,
      message: `${plural(altLines.length, '`alt` block')}, over the limit of ${limits.maxAltBlocks}; the first one over is here`,
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
    counts.maxMessageChars = Math.max(counts.maxMessageChars, m.length);
    if (m.length > limits.maxMessageChars) {
      violations.push({
        rule: 'max-message-chars',
        line: m.line,
        message: `Message ${quote(m.text)} from ${m.from} to ${m.to} has ${m.length} characters, over the limit of ${limits.maxMessageChars}`,
      });
    }
  }
  for (const n of notes) {
    counts.maxNoteChars = Math.max(counts.maxNoteChars, n.length);
    if (n.length > limits.maxNoteChars) {
      violations.push({
        rule: 'max-note-chars',
        line: n.line,
        message: `Note ${quote(n.text)} ${n.placement} ${n.actors.join(',')} has ${n.length} characters, over the limit of ${limits.maxNoteChars}`,
      });
    }
  }
  violations.sort((a, b) => a.line - b.line);
  return { counts, violations };
}
