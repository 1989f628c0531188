// Every Mermaid diagram of a sequence with its JSON pointer, in document order.
import type { MusicalSequence } from './schema';

export type LocatedDiagram = { pointer: string; text: string };

export function sequenceDiagrams(seq: MusicalSequence): LocatedDiagram[] {
  const out: LocatedDiagram[] = [];
  const add = (pointer: string, text: string | undefined) => {
    if (text !== undefined && text.trim() !== '') out.push({ pointer, text });
  };
  add('/userStory/diagram', seq.userStory.diagram);
  add('/diagram', seq.diagram);
  seq.movements.forEach((movement, m) => {
    add(`/movements/${m}/userStory/diagram`, movement.userStory.diagram);
    add(`/movements/${m}/diagram`, movement.diagram);
    movement.beats.forEach((beat, b) => {
      add(`/movements/${m}/beats/${b}/userStory/diagram`, beat.userStory.diagram);
      add(`/movements/${m}/beats/${b}/diagram`, beat.diagram);
    });
  });
  return out;
}
