// How user text is placed into the generated Markdown: single-line slots stay on one line,
// code spans and fences never let the text close them early, and absent values are empty.

/** Text for a one-line slot (heading, label value, list item): line breaks become spaces. */
export function inline(text: string | number | undefined): string {
  if (text === undefined) return '';
  const value = String(text);
  return /[\r\n]/.test(value) ? value.replace(/[ \t]*(?:\r\n|\r|\n)+[ \t]*/g, ' ') : value;
}

/** Text for a paragraph slot: line endings normalised, trailing line breaks dropped. */
export function block(text: string | undefined): string {
  if (text === undefined) return '';
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

function longestRun(text: string, char: string): number {
  if (!text.includes(char)) return 0;
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** An inline code span that holds `text` verbatim, whatever backticks it contains. */
export function codeSpan(text: string): string {
  const body = inline(text);
  const ticks = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function fencedBlock(lang: string, body: string): string {
  const text = block(body);
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Link text with brackets escaped so that a name cannot end the link early. */
export function linkText(text: string): string {
  return inline(text).replace(/([[\]\\])/g, '\\$1');
}
