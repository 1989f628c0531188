// Accumulates the generated Markdown together with every heading it contains, in order,
// so that anchors can be assigned exactly as GitHub will (see anchors.ts).
import { headingTextContent, headingsInBlock } from './anchors';
import { containUserBlock } from './user-markdown';

export type TocLevel = 0 | 1 | 2;

export type WrittenHeading = {
  /** Visible text, the input of the slug. */
  text: string;
  /** Markdown source of the heading text, used as the TOC label. */
  source: string;
  toc?: TocLevel;
};

export class MarkdownWriter {
  private readonly chunks: string[] = [];
  readonly headings: WrittenHeading[] = [];

  /** Literal generated text with no user-controlled block structure. */
  raw(text: string): this {
    this.chunks.push(text);
    return this;
  }

  /** An ATX heading line (with its newline); `source` must be a single line. */
  heading(depth: number, source: string, toc?: TocLevel): this {
    this.chunks.push(`${'#'.repeat(depth)} ${source}\n`);
    const entry: WrittenHeading = { text: headingTextContent(source), source };
    if (toc !== undefined) entry.toc = toc;
    this.headings.push(entry);
    return this;
  }

  /** User-authored Markdown placed as a block: any heading it forms is recorded too. */
  userBlock(markdown: string): this {
    const contained = containUserBlock(markdown);
    this.chunks.push(contained);
    for (const text of headingsInBlock(contained)) this.headings.push({ text, source: text });
    return this;
  }

  toString(): string {
    return this.chunks.join('');
  }
}
