// The text form of a dependency used in CSV cells and JSON shorthand: `ID` (finish-to-start),
// `ID:SS` (start-to-start, for work that overlaps), optionally with a lag: `ID:FS+2`, `ID:SS+1`.

export type DependencyType = 'FS' | 'SS';

export interface DependencyRef {
  id: string;
  type: DependencyType;
  lag: number;
}

const REF = /^([^\s;:]+)(?::([A-Za-z]+)(?:\+(\d+(?:\.\d+)?))?)?$/;

export type ParsedRef = { ok: true; ref: DependencyRef } | { ok: false; message: string };

export function parseDependencyRef(text: string): ParsedRef {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'empty dependency (two ";" in a row or a trailing ";")' };
  const match = REF.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      message: `"${trimmed}" is not a dependency: write a task id, optionally followed by ":FS" or ":SS" and a lag such as ":SS+2"`,
    };
  }
  const [, id = '', rawType, rawLag] = match;
  const type = (rawType ?? 'FS').toUpperCase();
  if (type !== 'FS' && type !== 'SS') {
    return { ok: false, message: `"${trimmed}": dependency type "${rawType}" is unknown; use FS (finish-to-start) or SS (start-to-start)` };
  }
  return { ok: true, ref: { id, type, lag: rawLag === undefined ? 0 : Number(rawLag) } };
}

/** The shortest text that parses back to the same dependency. */
export function formatDependencyRef(ref: DependencyRef): string {
  if (ref.type === 'FS' && ref.lag === 0) return ref.id;
  return ref.lag === 0 ? `${ref.id}:${ref.type}` : `${ref.id}:${ref.type}+${ref.lag}`;
}

export function describeDependency(ref: DependencyRef): string {
  const kind = ref.type === 'FS' ? `after ${ref.id} finishes` : `once ${ref.id} has started`;
  return ref.lag === 0 ? kind : `${kind} + ${ref.lag}`;
}
