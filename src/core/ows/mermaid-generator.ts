// Renders a pattern's As-Is and Orchestrated flows as Mermaid sequence diagrams, deterministically,
// and remembers which pattern field produced each line so budget violations can point back at it.
// It also records the budget facts of what it writes (see diagram-facts.ts), so its own output
// need not be parsed again to be linted.
import type { DiagramFacts } from './diagram-facts';
import type { FlowItem, LocatedStep } from './flow-order';
import { asIsItems, flattenItems, orchestratedItems } from './flow-order';
import { cleanText, displayLength } from './mermaid-text';
import type { Pattern } from './schema';

export type DiagramKind = 'as-is' | 'orchestrated';

export interface GeneratedDiagram {
  kind: DiagramKind;
  text: string;
  /** 1-based line number → JSON pointer of the pattern value that produced the line. */
  lineSources: Record<number, string>;
}

type DiagramSource = Pick<Pattern, 'ows'> & { library?: Pick<Pattern['library'], 'diagram'> };

/**
 * Mermaid ends a statement at `;` and starts a comment at `#`, so both become entity codes;
 * line breaks would end the statement too, so they become spaces; and a leading `wrap:` or
 * `nowrap:` would be read as a directive, so its colon is encoded.
 */
export function escapeMermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;'))
    .trim()
    .replace(/^((?:no)?wrap):/i, '$1#58;');
}

class LineWriter {
  readonly lines: string[] = [];
  readonly sources: Record<number, string> = {};
  add(text: string, pointer?: string): void {
    this.lines.push(text);
    if (pointer !== undefined) this.sources[this.lines.length] = pointer;
  }
}

function stepLine({ step }: LocatedStep, text: string): string {
  switch (step.kind) {
    case 'message':
      return `${step.from}->>${step.to}: ${text}`;
    case 'return':
      return `${step.from}-->>${step.to}: ${text}`;
    case 'internal':
      return `${step.from}->>${step.from}: ${text}`;
    case 'note':
      return `Note over ${(step.noteOver ?? [step.to]).join(',')}: ${text}`;
  }
}

function participantsOf(steps: ReadonlyArray<LocatedStep>): Set<string> {
  const used = new Set<string>();
  for (const { step } of steps) {
    if (step.kind === 'note') (step.noteOver ?? [step.to]).forEach((id) => used.add(id));
    else {
      used.add(step.from);
      used.add(step.to);
    }
  }
  return used;
}

/** A generated diagram with the budget facts of its text, when the generator can vouch for them. */
export interface DiagramWithFacts {
  diagram: GeneratedDiagram;
  /**
   * Absent when the text may read differently to Mermaid than it was written: an actor id that is
   * not a plain identifier or is a Mermaid keyword, an empty message or note, a note over no actor,
   * a decision without branches, or `%%` (comments and directives) anywhere. Lint the text then.
   */
  facts?: DiagramFacts;
}

// Words Mermaid's lexer reads as keywords (case-insensitive) wherever an actor id may stand.
const RESERVED = new Set([
  'box', 'participant', 'actor', 'create', 'destroy', 'loop', 'rect', 'opt', 'alt', 'else', 'par', 'par_over', 'and',
  'critical', 'option', 'break', 'end', 'left', 'right', 'links', 'link', 'properties', 'details', 'over', 'note',
  'activate', 'deactivate', 'title', 'acctitle', 'accdescr', 'sequencediagram', 'autonumber', 'off', 'as',
]);
const PLAIN_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The facts Mermaid would read off the lines as they are written, with the same measures as the lint. */
class FactRecorder {
  readonly facts: DiagramFacts = { headerLine: 1, participants: [], messages: [], notes: [], altLines: [], nestedAlts: [], branches: [] };
  private readonly actors = new Map<string, { label: string; firstLine: number }>();
  private branch: { keyword: 'alt' | 'else'; line: number; steps: number } | undefined;
  trusted = true;

  private id(id: string): void {
    if (!PLAIN_ID.test(id) || RESERVED.has(id.toLowerCase())) this.trusted = false;
  }

  private implied(id: string, line: number): void {
    this.id(id);
    if (!this.actors.has(id)) this.actors.set(id, { label: id, firstLine: line });
  }

  /** Display text as the lint reads it after `:` or `as`: trimmed, without a `wrap:` prefix. */
  private text(escaped: string): { text: string; length: number } {
    const { text } = cleanText(escaped, 0);
    if (text === '') this.trusted = false;
    return { text, length: displayLength(text) };
  }

  participant(id: string, escapedLabel: string, line: number): void {
    this.id(id);
    // A second declaration relabels the actor but keeps its place and first line, as Mermaid does.
    const firstLine = this.actors.get(id)?.firstLine ?? line;
    // The label is only quoted in a max-actors violation: no length is measured for it.
    this.actors.set(id, { label: cleanText(escapedLabel, 0).text, firstLine });
  }

  step(step: LocatedStep['step'], escaped: string, line: number): void {
    if (step.kind === 'note') {
      const actors = step.noteOver ?? [step.to];
      if (actors.length < 1 || actors.length > 2) this.trusted = false;
      for (const a of actors) this.implied(a, line);
      this.facts.notes.push({ line, ...this.text(escaped), placement: 'over', actors: [...actors] });
      return;
    }
    const to = step.kind === 'internal' ? step.from : step.to;
    this.implied(step.from, line);
    this.implied(to, line);
    this.facts.messages.push({ line, ...this.text(escaped), from: step.from, to });
    if (this.branch) this.branch.steps++;
  }

  section(keyword: 'alt' | 'else', line: number): void {
    this.closeSection();
    if (keyword === 'alt') this.facts.altLines.push(line);
    this.branch = { keyword, line, steps: 0 };
  }

  /** Sections without a message are not listed: the lint only meets a section through its messages. */
  closeSection(): void {
    if (this.branch && this.branch.steps > 0) this.facts.branches.push(this.branch);
    this.branch = undefined;
  }

  finish(text: string): DiagramFacts | undefined {
    this.facts.participants = [...this.actors.values()];
    return this.trusted && !text.includes('%%') ? this.facts : undefined;
  }
}

function render(pattern: DiagramSource, kind: DiagramKind, items: FlowItem[]): DiagramWithFacts {
  const { ows } = pattern;
  const { includeNotes, autonumber, title } = ows.outputs.mermaid;
  const keep = (located: LocatedStep) => includeNotes || located.step.kind !== 'note';
  const flow = kind === 'as-is' ? ows.flows.asIs : ows.flows.toBe;
  const out = new LineWriter();
  const facts = new FactRecorder();
  const addStep = (located: LocatedStep, indent: string) => {
    const escaped = escapeMermaidText(located.step.action);
    out.add(`${indent}${stepLine(located, escaped)}`, located.pointer);
    facts.step(located.step, escaped, out.lines.length);
  };
  out.add('sequenceDiagram');
  out.add(`  title ${escapeMermaidText(`${title} — ${flow.name}`)}`, kind === 'as-is' ? '/ows/flows/asIs/name' : '/ows/flows/toBe/name');
  if (autonumber) out.add('  autonumber', '/ows/outputs/mermaid/autonumber');
  const used = participantsOf(flattenItems(items).filter(keep));
  ows.actors.forEach((actor, i) => {
    if (!used.has(actor.id)) return;
    const label = escapeMermaidText(actor.label);
    out.add(`  participant ${actor.id} as ${label}`, `/ows/actors/${i}`);
    facts.participant(actor.id, label, out.lines.length);
  });
  for (const item of items) {
    if (item.type === 'step') {
      if (keep(item.located)) addStep(item.located, '  ');
      continue;
    }
    if (item.branches.length === 0) facts.trusted = false;
    item.branches.forEach((branch, b) => {
      out.add(`  ${b === 0 ? 'alt' : 'else'} ${escapeMermaidText(branch.label)}`, `${item.pointer}/branches/${b}`);
      facts.section(b === 0 ? 'alt' : 'else', out.lines.length);
      for (const located of branch.steps) if (keep(located)) addStep(located, '    ');
    });
    facts.closeSection();
    out.add('  end', item.pointer);
  }
  const text = out.lines.join('\n') + '\n';
  const recorded = facts.finish(text);
  return { diagram: { kind, text, lineSources: out.sources }, ...(recorded ? { facts: recorded } : {}) };
}

/** Both diagrams, As-Is first, each with the budget facts of its text where the generator can vouch for them. */
export function generateDiagramsWithFacts(pattern: DiagramSource): [DiagramWithFacts, DiagramWithFacts] {
  return [render(pattern, 'as-is', asIsItems(pattern)), render(pattern, 'orchestrated', orchestratedItems(pattern))];
}

export function generateAsIsDiagram(pattern: DiagramSource): GeneratedDiagram {
  return render(pattern, 'as-is', asIsItems(pattern)).diagram;
}

export function generateOrchestratedDiagram(pattern: DiagramSource): GeneratedDiagram {
  return render(pattern, 'orchestrated', orchestratedItems(pattern)).diagram;
}

/** Both diagrams, As-Is first. */
export function generateDiagrams(pattern: DiagramSource): [GeneratedDiagram, GeneratedDiagram] {
  return [generateAsIsDiagram(pattern), generateOrchestratedDiagram(pattern)];
}
