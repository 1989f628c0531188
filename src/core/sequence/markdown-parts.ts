// Small pieces shared by the sequence, movement and beat sections.
import type { UserStory } from './schema';
import { inline } from './markdown-text';
import type { MarkdownWriter } from './markdown-writer';

/** "- item" lines (each with its newline); blank items are left out, as Markdown would drop them. */
export function writeBulletList(w: MarkdownWriter, items: ReadonlyArray<string> | undefined): void {
  const lines = (items ?? []).map((item) => inline(item)).filter((item) => item.trim() !== '');
  if (lines.length === 0) return;
  w.userBlock(lines.map((item) => `- ${item}\n`).join(''));
}

/** The "As a / I want to / So that" sentence of a sequence or movement user story. */
export function writeStorySentence(w: MarkdownWriter, story: UserStory | undefined): void {
  w.raw(
    `**As a** ${inline(story?.persona)},\n` +
      `**I want to** ${inline(story?.goal)},\n` +
      `**So that** ${inline(story?.benefit)}.\n\n`,
  );
}

/** The persona / goal / benefit list of a beat's user story. */
export function writeStoryFields(w: MarkdownWriter, story: UserStory | undefined): void {
  w.raw(
    `- **Persona**: ${inline(story?.persona)}\n` +
      `- **Goal**: ${inline(story?.goal)}\n` +
      `- **Benefit**: ${inline(story?.benefit)}\n\n`,
  );
}
