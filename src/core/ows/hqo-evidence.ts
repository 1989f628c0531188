// Facts the HQO scorecard reads off a pattern's orchestrated flow: who emits which signal, where,
// and in what order. Scoring rules stay small because the lookups live here.
import type { FlowItem, LocatedStep } from './flow-order';
import { flattenItems, orchestratedItems } from './flow-order';
import type { Pattern } from './schema';

/** A criterion of a dimension: met or not, with the evidence a reviewer (or the UI) can check. */
export interface Criterion {
  id: string;
  met: boolean;
  evidence: string;
  /** Where in the pattern the evidence is (or where the missing thing belongs). */
  pointers: string[];
}

export function criterion(id: string, met: boolean, evidence: string, pointers: string[] = []): Criterion {
  return { id, met, evidence, pointers };
}

/** A criterion whose evidence reads one way when met and another when not. */
export function check(id: string, met: boolean, whenMet: string, whenNot: string, pointers: string[] = []): Criterion {
  return criterion(id, met, met ? whenMet : whenNot, pointers);
}

export class FlowEvidence {
  readonly items: FlowItem[];
  /** Orchestrated steps in reading order, branches flattened. */
  readonly steps: LocatedStep[];

  constructor(readonly pattern: Pattern) {
    this.items = orchestratedItems(pattern);
    this.steps = flattenItems(this.items);
  }

  emitters(signal: string): LocatedStep[] {
    return this.steps.filter(({ step }) => step.emits?.includes(signal) ?? false);
  }

  emits(signal: string): boolean {
    return this.emitters(signal).length > 0;
  }

  /** Reading-order index of the first step emitting the signal, or -1. */
  firstIndex(signal: string): number {
    return this.steps.findIndex(({ step }) => step.emits?.includes(signal) ?? false);
  }

  emittedSignals(): Set<string> {
    return new Set(this.steps.flatMap(({ step }) => step.emits ?? []));
  }

  decisions(): Array<Extract<FlowItem, { type: 'decision' }>> {
    return this.items.flatMap((item) => (item.type === 'decision' ? [item] : []));
  }
}

export function emitsAny({ step }: LocatedStep, signals: ReadonlyArray<string>): boolean {
  return signals.some((s) => step.emits?.includes(s) ?? false);
}

/** The step leaves a trace: it emits a signal or records a state change. */
export function hasTrace({ step }: LocatedStep): boolean {
  return (step.emits?.length ?? 0) > 0 || Object.keys(step.updates ?? {}).length > 0;
}

export function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** A step that moves something from one actor to another (not a note, not self-work). */
export function isRoute({ step }: LocatedStep): boolean {
  return (step.kind === 'message' || step.kind === 'return') && step.from !== step.to;
}

export function pointersOf(steps: ReadonlyArray<LocatedStep>): string[] {
  return steps.map((s) => s.pointer);
}

export function quoteList(values: Iterable<string>): string {
  const list = [...values];
  return list.length === 0 ? 'none' : list.map((v) => `"${v}"`).join(', ');
}
