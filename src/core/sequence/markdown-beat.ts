// One beat of a movement in the reference layout: handler, external system, event, user
// story, diagrams, acceptance criteria and notes.
import type { AcceptanceCriterion, Beat, HandlerRef } from './schema';
import { codeSpan, fencedBlock, inline } from './markdown-text';
import type { MarkdownWriter } from './markdown-writer';
import { writeBulletList, writeStoryFields } from './markdown-parts';

/** The heading text of a beat: "Beat <n>: <name>", the number left empty when absent. */
export function beatHeading(beat: Beat): string {
  const number = beat.beat ?? beat.number;
  const label = beat.name ?? beat.title ?? beat.event;
  return `Beat ${number === undefined ? '' : String(number)}: ${inline(label)}`;
}

function handlerName(handler: Beat['handler']): string {
  if (handler === undefined) return '';
  return typeof handler === 'string' ? handler : handler.name;
}

function externalSystemLine(handler: HandlerRef): string {
  const ext = handler.externalSystem ?? {};
  return `- **External System**: ${inline(ext.vendor)} - ${inline(ext.system)} (${inline(ext.type)})\n`;
}

function criterionLine(criterion: AcceptanceCriterion): string | undefined {
  const clauses: string[] = [];
  const add = (label: string, items: string[] | undefined) => {
    const texts = (items ?? []).map((t) => inline(t)).filter((t) => t.trim() !== '');
    if (texts.length > 0) clauses.push(`**${label}** ${texts.join(' and ')}`);
  };
  add('Given', criterion.given);
  add(clauses.length === 0 ? 'When' : 'when', criterion.when);
  add(clauses.length === 0 ? 'Then' : 'then', criterion.then);
  add(clauses.length === 0 ? 'And' : 'and', criterion.and);
  return clauses.length > 0 ? `- ${clauses.join(', ')}` : undefined;
}

// Only the schema's array form is rendered: the reference generator ignored the single-object
// form its own documents use, and the reference Markdown has no criteria section.
function writeAcceptanceCriteria(w: MarkdownWriter, criteria: Beat['acceptanceCriteria']): void {
  if (!Array.isArray(criteria)) return;
  const lines = criteria.map(criterionLine).filter((l): l is string => l !== undefined);
  if (lines.length === 0) return;
  w.raw(`**Acceptance Criteria**:\n\n${lines.join('\n')}\n\n`);
}

export function writeBeat(w: MarkdownWriter, beat: Beat): void {
  w.heading(4, beatHeading(beat), 2);
  const name = handlerName(beat.handler);
  w.raw(`- **Handler**: ${name === '' ? '' : codeSpan(name)}\n`);
  if (typeof beat.handler === 'object' && beat.handler.externalSystem !== undefined) {
    w.raw(externalSystemLine(beat.handler));
  }
  w.raw(`- **Event**: ${inline(beat.event)}\n\n`);
  w.raw('**User Story**:\n\n');
  writeStoryFields(w, beat.userStory);
  w.raw('**User Story Diagram**:\n\n');
  w.raw(beat.userStory.diagram?.trim() ? fencedBlock('mermaid', beat.userStory.diagram) : '');
  w.raw('\n\n**Visual Diagram**:\n\n');
  w.raw(beat.diagram.trim() ? fencedBlock('mermaid', beat.diagram) : '');
  w.raw('\n\n');
  writeAcceptanceCriteria(w, beat.acceptanceCriteria);
  w.raw('**Notes**:\n');
  writeBulletList(w, beat.notes);
  w.raw('\n');
}
