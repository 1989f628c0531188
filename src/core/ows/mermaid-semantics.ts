// The rules Mermaid checks after parsing: which actors exist and with which labels (declared or
// implied by a message or note), `create`/`destroy` needing the very next message, activations
// that must be open before they close, and one box per participant.
import type { BoxStatement, DiagramParticipant, MermaidStatement, ParticipantStatement } from './mermaid-ast';

export interface SemanticError {
  offset: number;
  message: string;
  expected: string;
}

export type ResolveResult = { ok: true; participants: DiagramParticipant[] } | { ok: false; error: SemanticError };

class SemanticFailure extends Error {
  constructor(readonly detail: SemanticError) {
    super(detail.message);
  }
}

interface Registered extends DiagramParticipant {
  boxRef?: BoxStatement;
}

class Resolver {
  readonly actors = new Map<string, Registered>();
  private readonly active = new Map<string, number>();
  private currentBox: BoxStatement | undefined;
  private pendingCreate: { id: string; line: number } | undefined;
  private pendingDestroy: { id: string; line: number } | undefined;

  visit(statements: readonly MermaidStatement[]): void {
    for (const s of statements) this.statement(s);
  }

  private fail(offset: number, message: string, expected: string): never {
    throw new SemanticFailure({ offset, message, expected });
  }

  private implied(id: string, line: number): void {
    const old = this.actors.get(id);
    if (old) return;
    this.actors.set(id, { id, label: id, type: 'participant', declared: false, firstLine: line });
  }

  private declare(p: ParticipantStatement): void {
    if (p.created && this.actors.has(p.id)) {
      this.fail(p.span.start, `Participant "${p.id}" already exists, so \`create\` cannot introduce it again`, 'a new participant id after `create` (reuse a label with `as` instead)');
    }
    const old = this.actors.get(p.id);
    const box = this.currentBox;
    if (old && box && old.boxRef && old.boxRef !== box) {
      this.fail(p.span.start, `Participant "${p.id}" is already in the box "${old.box ?? ''}" (line ${old.boxRef.line}); a participant can be in one box only`, 'each participant declared in a single box');
    }
    const boxRef = old?.boxRef ?? box;
    const boxed = boxRef ? { boxRef, ...(boxRef.title ? { box: boxRef.title.text } : {}) } : {};
    if (old && !p.alias) {
      // Mermaid keeps the earlier label and type when a declaration adds no alias.
      this.actors.set(p.id, { ...old, declared: true, ...boxed });
      return;
    }
    this.actors.set(p.id, {
      id: p.id,
      label: p.alias ? p.alias.text : p.id,
      type: p.config?.type ?? p.keyword,
      declared: true,
      firstLine: old?.firstLine ?? p.line,
      ...boxed,
    });
    if (p.created) this.pendingCreate = { id: p.id, line: p.line };
  }

  private statement(s: MermaidStatement): void {
    switch (s.kind) {
      case 'participant':
        this.declare(s);
        return;
      case 'destroy':
        this.pendingDestroy = { id: s.id, line: s.line };
        return;
      case 'message':
        this.implied(s.from, s.line);
        this.implied(s.to, s.line);
        this.checkLifecycle(s.span.start, s.from, s.to);
        if (s.activation === 'activate') this.active.set(s.to, (this.active.get(s.to) ?? 0) + 1);
        if (s.activation === 'deactivate') this.deactivate(s.from, s.span.start);
        return;
      case 'note':
        for (const a of s.actors) this.implied(a, s.line);
        return;
      case 'actorMenu':
        this.implied(s.actor, s.line);
        return;
      case 'activation':
        if (s.action === 'activate') this.active.set(s.id, (this.active.get(s.id) ?? 0) + 1);
        else this.deactivate(s.id, s.span.start);
        return;
      case 'block':
        for (const section of s.sections) this.visit(section.statements);
        return;
      case 'box':
        this.currentBox = s;
        this.visit(s.members);
        this.currentBox = undefined;
        return;
      default:
        return;
    }
  }

  private deactivate(id: string, offset: number): void {
    const count = this.active.get(id) ?? 0;
    if (count < 1) this.fail(offset, `"${id}" is not active here, so it cannot be deactivated`, `\`activate ${id}\` (or a message to \`+${id}\`) before deactivating it`);
    this.active.set(id, count - 1);
  }

  private checkLifecycle(offset: number, from: string, to: string): void {
    const created = this.pendingCreate;
    if (created) {
      if (to !== created.id) {
        this.fail(offset, `"${created.id}" is created on line ${created.line}, so the next message must be sent to it; this one goes from "${from}" to "${to}"`, `a message to ${created.id} right after \`create\``);
      }
      this.pendingCreate = undefined;
      return;
    }
    const destroyed = this.pendingDestroy;
    if (destroyed) {
      if (to !== destroyed.id && from !== destroyed.id) {
        this.fail(offset, `"${destroyed.id}" is destroyed on line ${destroyed.line}, so the next message must involve it; this one goes from "${from}" to "${to}"`, `a message from or to ${destroyed.id} right after \`destroy ${destroyed.id}\``);
      }
      this.pendingDestroy = undefined;
    }
  }
}

/** Actors in drawing order with their labels, or the first rule the diagram breaks. */
export function resolveParticipants(statements: readonly MermaidStatement[]): ResolveResult {
  const resolver = new Resolver();
  try {
    resolver.visit(statements);
  } catch (e) {
    if (e instanceof SemanticFailure) return { ok: false, error: e.detail };
    throw e;
  }
  const participants = [...resolver.actors.values()].map(({ boxRef: _boxRef, ...p }) => p);
  return { ok: true, participants };
}
