// The standalone HTML page of a sequence: works offline from disk (the caller passes
// Mermaid's browser bundle, inlined here), with a sidebar table of contents and print styles.
import type { MusicalSequence } from './schema';
import { buildSequenceMarkdown, type TocEntry } from './markdown';
import { headingTextContent } from './anchors';
import { escapeHtml, inlineScriptText } from './html-escape';
import { inline } from './markdown-text';
import { createSafeMarkdown } from './safe-markdown';
import { sequencePageCss } from './html-style';
import type { SourceLinkOptions } from './source-link';

export type HtmlOptions = SourceLinkOptions & {
  /** Text of Mermaid's browser bundle (mermaid.min.js), inlined so the page needs no network. */
  mermaidScript: string;
};

// Mermaid renders user diagrams: strict mode encodes their text and disables click handlers.
const mermaidInit = "mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' });";

// Inline scripts and styles only; nothing is fetched, so the page cannot leak its content.
const contentSecurityPolicy =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: https: http:; font-src data:";

function sidebar(title: string, toc: ReadonlyArray<TocEntry>): string {
  const items = toc
    .map(
      (e) =>
        `<li class="toc-l${e.level}"><a href="#${escapeHtml(e.anchor)}">${escapeHtml(headingTextContent(e.label))}</a></li>`,
    )
    .join('\n');
  return (
    `<nav class="sidebar" aria-label="Table of contents">\n` +
    `<p class="sidebar-title">${escapeHtml(title)}</p>\n<ul>\n${items}\n</ul>\n</nav>`
  );
}

/** A complete HTML document for the sequence. */
export function renderSequenceHtml(seq: MusicalSequence, options: HtmlOptions): string {
  const doc = buildSequenceMarkdown(seq, options);
  const toHtml = createSafeMarkdown();
  const title = inline(seq.name);
  const front = toHtml(doc.front);
  const tocSection = toHtml(doc.tocSection);
  const body = toHtml(doc.body);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="generator" content="Orchestration Wisdom sequence documents">
<title>${escapeHtml(title)}</title>
<style>${sequencePageCss}</style>
</head>
<body>
${sidebar(title, doc.toc)}
<main class="document">
${front}<section class="inline-toc">
${tocSection}</section>
${body}</main>
<script>${inlineScriptText(options.mermaidScript)}</script>
<script>${mermaidInit}</script>
</body>
</html>
`;
}
