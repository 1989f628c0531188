// The two passes of the critical path method over any precedence network: forward for the
// earliest times, backward for the latest. Shared by the plain network and the levelled one.
import { roundTime } from '../format-number';

export interface PrecedenceEdge {
  from: string;
  to: string;
  type: 'FS' | 'SS';
  lag: number;
}

export interface EarlyTimes {
  start: number;
  finish: number;
  /** Predecessors whose constraint sets the earliest start (the links a delay travels along). */
  drivenBy: string[];
}

export interface LateTimes {
  start: number;
  finish: number;
}

function edgesInto(edges: ReadonlyArray<PrecedenceEdge>): Map<string, PrecedenceEdge[]> {
  const into = new Map<string, PrecedenceEdge[]>();
  for (const e of edges) {
    const list = into.get(e.to);
    if (list) list.push(e);
    else into.set(e.to, [e]);
  }
  return into;
}

function edgesOutOf(edges: ReadonlyArray<PrecedenceEdge>): Map<string, PrecedenceEdge[]> {
  const out = new Map<string, PrecedenceEdge[]>();
  for (const e of edges) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  return out;
}

/** `order` must be topological for `edges`. */
export function forwardPass(
  order: ReadonlyArray<string>,
  duration: ReadonlyMap<string, number>,
  edges: ReadonlyArray<PrecedenceEdge>,
): Map<string, EarlyTimes> {
  const into = edgesInto(edges);
  const early = new Map<string, EarlyTimes>();
  for (const id of order) {
    const constraints = (into.get(id) ?? []).map((e) => {
      const pred = early.get(e.from)!;
      return { from: e.from, at: roundTime((e.type === 'FS' ? pred.finish : pred.start) + e.lag) };
    });
    const start = Math.max(0, ...constraints.map((c) => c.at));
    const drivenBy = start > 0 ? constraints.filter((c) => c.at === start).map((c) => c.from) : [];
    early.set(id, { start, finish: roundTime(start + duration.get(id)!), drivenBy: [...new Set(drivenBy)] });
  }
  return early;
}

/** Latest start and finish that still let every task finish by `end`. */
export function backwardPass(
  order: ReadonlyArray<string>,
  duration: ReadonlyMap<string, number>,
  edges: ReadonlyArray<PrecedenceEdge>,
  end: number,
): Map<string, LateTimes> {
  const out = edgesOutOf(edges);
  const late = new Map<string, LateTimes>();
  for (const id of [...order].reverse()) {
    const d = duration.get(id)!;
    const limits = (out.get(id) ?? []).map((e) => {
      const succ = late.get(e.to)!;
      return roundTime(e.type === 'FS' ? succ.start - e.lag : succ.start - e.lag + d);
    });
    const finish = Math.min(end, ...limits);
    late.set(id, { start: roundTime(finish - d), finish });
  }
  return late;
}
