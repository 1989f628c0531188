// Keeps a block of user Markdown inside its own section: an unclosed code fence, or an HTML
// block that only ends at a closing tag (<script>, <pre>, <!-- …), would otherwise swallow
// the rest of the generated document.

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const rawHtmlStarts: Array<{ start: RegExp; end: RegExp }> = [
  { start: /^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, end: /<\/(script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];

/** The block, with an unclosed fence closed and an unterminated raw-HTML opener escaped. */
export function containUserBlock(markdown: string): string {
  if (!/`{3}|~{3}|</.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (close.test(line)) fence = undefined;
      continue;
    }
    const open = fenceOpen.exec(line);
    if (open && !(open[1]?.startsWith('`') && open[2]?.includes('`'))) {
      fence = { char: open[1]?.[0] ?? '`', length: open[1]?.length ?? 3 };
      continue;
    }
    for (const kind of rawHtmlStarts) {
      if (!kind.start.test(line)) continue;
      const rest = lines.slice(i).join('\n');
      if (!kind.end.test(rest)) lines[i] = line.replace('<', '\\<');
      break;
    }
  }
  if (fence) lines.push(fence.char.repeat(fence.length));
  return lines.join('\n');
}
