// Markdown → HTML with marked, where user content stays inert: raw HTML is shown as text,
// unsafe link schemes lose their link, Mermaid blocks become <pre class="mermaid"> with
// escaped source, and headings get GitHub's anchors as ids.
import { Marked, type Tokens } from 'marked';
import { createSlugger, inlineTextContent } from './anchors';
import { escapeHtml, isSafeUrl } from './html-escape';
import { commonMarkFixes } from './marked-commonmark';

/** A converter for one document: heading ids stay unique across all calls on it. */
export function createSafeMarkdown(): (markdown: string) => string {
  const slug = createSlugger();
  const marked = new Marked({ gfm: true, async: false }, commonMarkFixes);
  marked.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(token.text);
      },
      code(token: Tokens.Code): string {
        const text = token.text.replace(/\n$/, '');
        const lang = (token.lang ?? '').trim().split(/\s+/)[0] ?? '';
        if (lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
        const cls = lang === '' ? '' : ` class="language-${escapeHtml(lang)}"`;
        return `<pre><code${cls}>${escapeHtml(text)}</code></pre>\n`;
      },
      heading(token: Tokens.Heading): string {
        const id = slug(inlineTextContent(token.tokens));
        return `<h${token.depth} id="${escapeHtml(id)}">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      link(token: Tokens.Link): string {
        const text = this.parser.parseInline(token.tokens);
        if (!isSafeUrl(token.href)) return text;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<a href="${escapeHtml(token.href)}"${title}>${text}</a>`;
      },
      image(token: Tokens.Image): string {
        if (!isSafeUrl(token.href) || /^mailto:/i.test(token.href)) return escapeHtml(token.text);
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
      },
    },
  });
  return (markdown) => marked.parse(markdown, { async: false });
}
