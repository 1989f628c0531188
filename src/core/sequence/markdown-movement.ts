// One movement in the reference layout: description, tempo and status, user story with its
// diagram, beat count, then every beat, closed by a horizontal rule.
import type { Movement } from './schema';
import { writeBeat } from './markdown-beat';
import { block, fencedBlock, inline } from './markdown-text';
import type { MarkdownWriter } from './markdown-writer';
import { writeStorySentence } from './markdown-parts';

/** The heading text of a movement: "Movement <n>: <name>", the number left empty when absent. */
export function movementHeading(movement: Movement): string {
  const number = movement.number === undefined ? '' : String(movement.number);
  return `Movement ${number}: ${inline(movement.name)}`;
}

export function writeMovement(w: MarkdownWriter, movement: Movement): void {
  w.heading(3, movementHeading(movement), 1);
  w.raw('\n');
  w.userBlock(block(movement.description));
  w.raw(`\n\n**Tempo**: ${inline(movement.tempo)} | **Status**: ${inline(movement.status)}\n\n`);
  // The reference layout leaves one line here; a movement's business value fills it.
  if (movement.businessValue !== undefined && movement.businessValue.trim() !== '') {
    w.raw(`**Business Value**: ${inline(movement.businessValue)}\n`);
  }
  w.raw('\n');
  w.heading(4, 'User Story');
  w.raw('\n');
  writeStorySentence(w, movement.userStory);
  w.raw(movement.userStory.diagram?.trim() ? fencedBlock('mermaid', movement.userStory.diagram) : '');
  w.raw(`\n\n**Beats**: ${movement.beats.length}\n\n`);
  for (const beat of movement.beats) writeBeat(w, beat);
  w.raw('---\n\n');
}
