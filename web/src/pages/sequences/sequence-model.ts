// What the sequence page derives from a stored document: anchors and labels of beats, the events
// index (event → the beats that emit it), and which beat an issue's JSON pointer lands in.
import type { Beat, Criterion, Handler, Movement, SequenceDocument } from '../../api/sequences';

export const movementAnchor = (m: number): string => `movement-${m + 1}`;
export const beatAnchor = (m: number, b: number): string => `beat-${m + 1}-${b + 1}`;

export function movementLabel(movement: Movement, m: number): string {
  return `Movement ${movement.number ?? m + 1}: ${movement.name}`;
}

export function beatLabel(beat: Beat, b: number): string {
  return `Beat ${beat.beat ?? beat.number ?? b + 1}: ${beat.name ?? beat.title ?? beat.event}`;
}

export function handlerName(handler: Handler | undefined): string | undefined {
  if (handler === undefined) return undefined;
  return typeof handler === 'string' ? handler : handler.name;
}

export interface EventUse {
  anchor: string;
  label: string;
  movement: string;
}

export interface EventEntry {
  event: string;
  declared: boolean;
  beats: EventUse[];
}

/** Every event, declared or emitted, in declaration order then first emission, with its beats. */
export function eventsIndex(doc: SequenceDocument): EventEntry[] {
  const entries = new Map<string, EventEntry>();
  for (const event of doc.events ?? []) if (!entries.has(event)) entries.set(event, { event, declared: true, beats: [] });
  doc.movements.forEach((movement, m) =>
    movement.beats.forEach((beat, b) => {
      let entry = entries.get(beat.event);
      if (entry === undefined) {
        entry = { event: beat.event, declared: doc.events === undefined, beats: [] };
        entries.set(beat.event, entry);
      }
      entry.beats.push({ anchor: beatAnchor(m, b), label: beatLabel(beat, b), movement: movementLabel(movement, m) });
    }),
  );
  return [...entries.values()];
}

/** The beat or movement an issue's pointer is inside, to link the issue to its card. */
export function anchorForPointer(pointer: string): string | undefined {
  const beat = /^\/movements\/(\d+)\/beats\/(\d+)(?:\/|$)/.exec(pointer);
  if (beat) return beatAnchor(Number(beat[1]), Number(beat[2]));
  const movement = /^\/movements\/(\d+)(?:\/|$)/.exec(pointer);
  if (movement) return movementAnchor(Number(movement[1]));
  return undefined;
}

export interface CriterionLine {
  clause: 'Given' | 'When' | 'Then' | 'And';
  text: string;
}

/** Acceptance criteria as clause lines, for both the schema's list form and the older single object. */
export function criteriaOf(criteria: Beat['acceptanceCriteria']): CriterionLine[][] {
  const list: Criterion[] = Array.isArray(criteria) ? criteria : [criteria];
  const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return list
    .map((c) => [
      ...asList(c.given).map((text) => ({ clause: 'Given' as const, text })),
      ...asList(c.when).map((text) => ({ clause: 'When' as const, text })),
      ...asList(c.then).map((text) => ({ clause: 'Then' as const, text })),
      ...asList(c.and).map((text) => ({ clause: 'And' as const, text })),
    ])
    .filter((lines) => lines.some((l) => l.text.trim() !== ''));
}
