// Reads a Mermaid sequence diagram back into OWS actors, steps and alt decision points: the way in
// for patterns that exist only as publication documents. What Mermaid cannot say (roles, signals,
// criteria) is reported as a gap rather than invented.
import type { PointerIssue } from './input-error';
import type { MermaidStatement } from './mermaid-ast';
import { parseMermaidSequence } from './mermaid-parser';
import type { AltDecisionPoint, Step } from './ows-flow';

const RETURN_ARROWS = new Set(['-->>', '-->', '--x', '--)']);
const ACTOR_ID = /^[A-Za-z][A-Za-z0-9_]{1,30}$/;

export interface ImportedActor {
  id: string;
  label: string;
}

export interface ImportedDiagram {
  title?: string;
  autonumber: boolean;
  actors: ImportedActor[];
  steps: Step[];
  decisions: AltDecisionPoint[];
  /** Decision id → index of the step after which its alt block stood. */
  placement: Record<string, number>;
  gaps: PointerIssue[];
}

/** Mermaid entity codes (`#59;`, `#quot;`) back to the characters they stand for. */
export function decodeMermaidEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
  return text.replace(/#(\d+|[a-z]+);/gi, (whole, code: string) => {
    if (/^\d+$/.test(code)) return String.fromCodePoint(Number(code));
    return named[code.toLowerCase()] ?? whole;
  });
}

function slugId(label: string, taken: ReadonlySet<string>): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36) || 'decision';
  let id = base.length >= 3 ? base : `${base}_dp`;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 36)}_${n}`;
  return id;
}

function toStep(statement: MermaidStatement): Step | undefined {
  if (statement.kind === 'message') {
    const action = decodeMermaidEntities(statement.text.text);
    const kind = statement.from === statement.to ? 'internal' : RETURN_ARROWS.has(statement.arrow) ? 'return' : 'message';
    return { from: statement.from, to: statement.to, action, kind };
  }
  if (statement.kind === 'note') {
    const [first, second] = statement.actors;
    const step: Step = { from: 'Note', to: first ?? '', action: decodeMermaidEntities(statement.text.text), kind: 'note' };
    if (first !== undefined && second !== undefined) step.noteOver = [first, second];
    return step;
  }
  return undefined;
}

/**
 * Converts diagram text; `where` is the pointer of the diagram in the source document, used in gaps.
 * Blocks other than `alt` (loop, opt, par, …) are flattened into the main flow, with a gap noting it.
 */
export function importDiagram(
  text: string,
  where: string,
  allowDecisions: boolean,
): { ok: true; diagram: ImportedDiagram } | { ok: false; errors: PointerIssue[] } {
  const parsed = parseMermaidSequence(text);
  if (!parsed.ok) {
    const { line, column, message, expected } = parsed.error;
    return { ok: false, errors: [{ pointer: where, message: `line ${line}, column ${column}: ${message} (expected ${expected})` }] };
  }
  const gaps: PointerIssue[] = [];
  const steps: Step[] = [];
  const decisions: AltDecisionPoint[] = [];
  const placement: Record<string, number> = {};
  let title: string | undefined;
  let autonumber = false;
  const flatten = (statements: MermaidStatement[]): Step[] => statements.flatMap((s) => {
    if (s.kind === 'block') {
      gaps.push({ pointer: where, message: `line ${s.line}: \`${s.type}\` block flattened into plain steps; OWS models only alt decision points` });
      return s.sections.flatMap((section) => flatten(section.statements));
    }
    const step = toStep(s);
    return step ? [step] : [];
  });
  for (const statement of parsed.diagram.statements) {
    if (statement.kind === 'title') title = decodeMermaidEntities(statement.text.text);
    else if (statement.kind === 'autonumber') autonumber = statement.visible;
    else if (statement.kind === 'block' && statement.type === 'alt' && allowDecisions) {
      const id = slugId(statement.sections[0]?.label.text ?? '', new Set(decisions.map((d) => d.id)));
      decisions.push({
        id,
        title: decodeMermaidEntities(statement.sections[0]?.label.text ?? id),
        branches: statement.sections.map((section) => ({
          label: decodeMermaidEntities(section.label.text),
          criteria: decodeMermaidEntities(section.label.text),
          steps: flatten(section.statements),
        })),
      });
      placement[id] = Math.max(0, steps.length - 1);
      gaps.push({
        pointer: where,
        message:
          `line ${statement.line}: alt block imported as decision "${id}"; its criteria repeat the branch labels ` +
          'and the id should become an OWS decision point (e.g. capacity_available)',
      });
    } else steps.push(...flatten([statement]));
  }
  const actors = parsed.diagram.participants.map((p) => ({ id: p.id, label: decodeMermaidEntities(p.label) }));
  for (const actor of actors) {
    if (ACTOR_ID.test(actor.id)) continue;
    gaps.push({ pointer: where, message: `participant "${actor.id}" is not a valid OWS actor id (a letter, then 1–30 letters, digits or _)` });
  }
  return { ok: true, diagram: { ...(title !== undefined ? { title } : {}), autonumber, actors, steps, decisions, placement, gaps } };
}
