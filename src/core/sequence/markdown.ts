// Renders a musical sequence to the Markdown of the reference documentation generator,
// byte for byte, with a table of contents whose anchors match GitHub's.
import type { MusicalSequence } from './schema';
import { assignSlugs, headingTextContent } from './anchors';
import { block, fencedBlock, inline, linkText } from './markdown-text';
import { MarkdownWriter } from './markdown-writer';
import { writeBulletList, writeStorySentence } from './markdown-parts';
import { writeMovement } from './markdown-movement';
import { sourceLinkFor, type SourceLinkOptions } from './source-link';

export type MarkdownOptions = SourceLinkOptions;

export type TocEntry = { level: 0 | 1 | 2; label: string; anchor: string };

/** The generated document in its three parts, with the anchors of its table of contents. */
export type SequenceMarkdown = {
  /** Title and source line. */
  front: string;
  /** The "Table of Contents" section. */
  tocSection: string;
  /** Everything after the table of contents. */
  body: string;
  toc: TocEntry[];
  /** Anchor of every heading in document order (the HTML ids). */
  anchors: string[];
};

function writeBody(w: MarkdownWriter, seq: MusicalSequence, sourceLine: string): void {
  w.heading(2, 'Overview', 0).raw('\n');
  w.userBlock(block(seq.description));
  w.raw(`\n\n**Purpose**: ${inline(seq.purpose)}\n\n**Trigger**: ${inline(seq.trigger)}\n\n`);

  w.heading(2, 'User Story', 0).raw('\n');
  writeStorySentence(w, seq.userStory);
  w.heading(3, 'User Story Diagram').raw('\n');
  w.raw(seq.userStory.diagram?.trim() ? fencedBlock('mermaid', seq.userStory.diagram) : '');
  w.raw('\n\n');

  w.heading(2, 'Business Value', 0).raw('\n');
  w.userBlock(block(seq.businessValue));
  w.raw('\n\n');

  w.heading(2, 'Governance', 0).raw('\n');
  w.heading(3, 'Policies');
  writeBulletList(w, seq.governance?.policies);
  w.raw('\n');
  w.heading(3, 'Metrics');
  writeBulletList(w, seq.governance?.metrics);
  w.raw('\n');

  w.heading(2, 'Workflow Movements', 0).raw('\n');
  for (const movement of seq.movements) writeMovement(w, movement);

  const meta = seq.metadata;
  w.heading(2, 'Metadata', 0).raw('\n');
  w.raw(
    `- **Version**: ${inline(meta?.version)}\n` +
      `- **Author**: ${inline(meta?.author)}\n` +
      `- **Created**: ${inline(meta?.created)}\n` +
      `- **Tags**: ${(meta?.tags ?? []).map((t) => inline(t)).join(', ')}\n\n`,
  );
  w.raw('---\n\n_This documentation was auto-generated from the canonical sequence definition._\n');
  w.raw(`_**Canonical Reference**: ${sourceLine}_\n`);
}

/** Builds the document and its anchors; renderSequenceMarkdown joins the two parts. */
export function buildSequenceMarkdown(seq: MusicalSequence, options: MarkdownOptions = {}): SequenceMarkdown {
  const link = sourceLinkFor(seq.id, options);
  const sourceLine = `[${linkText(link.fileName)}](${link.href})`;
  const title = inline(seq.name);
  const body = new MarkdownWriter();
  writeBody(body, seq, sourceLine);

  const anchors = assignSlugs([headingTextContent(title), 'Table of Contents', ...body.headings.map((h) => h.text)]);
  const toc: TocEntry[] = [];
  body.headings.forEach((h, i) => {
    if (h.toc !== undefined) toc.push({ level: h.toc, label: h.source, anchor: anchors[i + 2] ?? '' });
  });
  const tocLines = toc.map((e) => `${'  '.repeat(e.level)}- [${linkText(e.label)}](#${e.anchor})`).join('\n');
  const front =
    `# ${title}\n\n` +
    `> **Domain**: ${inline(seq.domainId)} | **Status**: ${inline(seq.status)} | **Auto-generated from**: ${sourceLine}\n\n`;
  const tocSection = `## Table of Contents\n\n${tocLines}\n\n`;
  return { front, tocSection, body: body.toString(), toc, anchors };
}

/** The Markdown documentation of a sequence; `sourceLink` is the base URL of the source JSON files. */
export function renderSequenceMarkdown(seq: MusicalSequence, options: MarkdownOptions = {}): string {
  const doc = buildSequenceMarkdown(seq, options);
  return doc.front + doc.tocSection + doc.body;
}
