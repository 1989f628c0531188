// Renders a pattern's As-Is and Orchestrated flows as Mermaid sequence diagrams, deterministically,
// and remembers which pattern field produced each line so budget violations can point back at it.
import type { FlowItem, LocatedStep } from './flow-order';
import { asIsItems, flattenItems, orchestratedItems } from './flow-order';
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

function stepLine({ step }: LocatedStep): string {
  const text = escapeMermaidText(step.action);
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

function render(pattern: DiagramSource, kind: DiagramKind, items: FlowItem[]): GeneratedDiagram {
  const { ows } = pattern;
  const { includeNotes, autonumber, title } = ows.outputs.mermaid;
  const keep = (located: LocatedStep) => includeNotes || located.step.kind !== 'note';
  const flow = kind === 'as-is' ? ows.flows.asIs : ows.flows.toBe;
  const out = new LineWriter();
  out.add('sequenceDiagram');
  out.add(`  title ${escapeMermaidText(`${title} — ${flow.name}`)}`, kind === 'as-is' ? '/ows/flows/asIs/name' : '/ows/flows/toBe/name');
  if (autonumber) out.add('  autonumber', '/ows/outputs/mermaid/autonumber');
  const used = participantsOf(flattenItems(items).filter(keep));
  ows.actors.forEach((actor, i) => {
    if (used.has(actor.id)) out.add(`  participant ${actor.id} as ${escapeMermaidText(actor.label)}`, `/ows/actors/${i}`);
  });
  for (const item of items) {
    if (item.type === 'step') {
      if (keep(item.located)) out.add(`  ${stepLine(item.located)}`, item.located.pointer);
      continue;
    }
    item.branches.forEach((branch, b) => {
      out.add(`  ${b === 0 ? 'alt' : 'else'} ${escapeMermaidText(branch.label)}`, `${item.pointer}/branches/${b}`);
      for (const located of branch.steps) if (keep(located)) out.add(`    ${stepLine(located)}`, located.pointer);
    });
    out.add('  end', item.pointer);
  }
  return { kind, text: out.lines.join('\n') + '\n', lineSources: out.sources };
}

export function generateAsIsDiagram(pattern: DiagramSource): GeneratedDiagram {
  return render(pattern, 'as-is', asIsItems(pattern));
}

export function generateOrchestratedDiagram(pattern: DiagramSource): GeneratedDiagram {
  return render(pattern, 'orchestrated', orchestratedItems(pattern));
}

/** Both diagrams, As-Is first. */
export function generateDiagrams(pattern: DiagramSource): [GeneratedDiagram, GeneratedDiagram] {
  return [generateAsIsDiagram(pattern), generateOrchestratedDiagram(pattern)];
}
