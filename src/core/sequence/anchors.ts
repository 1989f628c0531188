// GitHub-compatible heading anchors: a heading's slug comes from its rendered text, and
// repeated slugs get -1, -2 in document order (github-slugger), so the TOC and the HTML
// ids must see the same headings in the same order, including any a user's text adds.
import GithubSlugger from 'github-slugger';
import { Lexer, Marked, type Token } from 'marked';
import { commonMarkFixes } from './marked-commonmark';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The visible text of inline tokens, as a browser would show it (markup and raw HTML dropped). */
export function inlineTextContent(tokens: ReadonlyArray<Token>): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'html':
      case 'tag':
      case 'br':
        break;
      case 'codespan':
        out += token.text;
        break;
      case 'image':
        out += token.text;
        break;
      case 'escape':
        out += token.text;
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          out += inlineTextContent(token.tokens);
        } else if ('text' in token && typeof token.text === 'string') {
          out += decodeEntities(token.text);
        }
    }
  }
  return out;
}

const inlineMarkup = /[\\`*_[\]<>!~&#]/;

/** The visible text of a heading whose source is `markdown` (one line of inline Markdown). */
export function headingTextContent(markdown: string): string {
  const trimmed = markdown.trim();
  if (!inlineMarkup.test(trimmed)) return trimmed;
  const tokens = Lexer.lex(`# ${trimmed}`);
  const first = tokens[0];
  if (first && first.type === 'heading' && 'tokens' in first && Array.isArray(first.tokens)) {
    return inlineTextContent(first.tokens);
  }
  return trimmed;
}

function collectHeadings(tokens: ReadonlyArray<Token>, out: string[]): void {
  for (const token of tokens) {
    if (token.type === 'heading' && 'tokens' in token && Array.isArray(token.tokens)) {
      out.push(inlineTextContent(token.tokens));
      continue;
    }
    if (token.type === 'list' && 'items' in token && Array.isArray(token.items)) {
      for (const item of token.items as Token[]) {
        if ('tokens' in item && Array.isArray(item.tokens)) collectHeadings(item.tokens, out);
      }
      continue;
    }
    if (token.type === 'blockquote' && 'tokens' in token && Array.isArray(token.tokens)) collectHeadings(token.tokens, out);
  }
}

// Lexing keeps no state between calls, so one configured instance serves every document.
const blockLexer = new Marked(commonMarkFixes);

// Only a '#' line start or a setext underline can turn user text into a heading.
const mayHoldHeading = /#|^ {0,3}(=+|-+) *$/m;

/** Headings (visible text, in order) that a block of user Markdown would add to the page. */
export function headingsInBlock(markdown: string): string[] {
  if (!mayHoldHeading.test(markdown)) return [];
  const out: string[] = [];
  collectHeadings(blockLexer.lexer(markdown), out);
  return out;
}

/** Assigns GitHub anchors to heading texts given in document order. */
export function assignSlugs(headingTexts: ReadonlyArray<string>): string[] {
  const slugger = new GithubSlugger();
  return headingTexts.map((text) => slugger.slug(text));
}

/** A slugger shared across several render passes of one document. */
export function createSlugger(): (headingText: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}
