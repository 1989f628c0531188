// Escaping for text and attribute values placed in generated HTML.

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => replacements[c] ?? c);
}

/**
 * Script text safe to inline in a <script> element: "</script" and "<!--" would end or
 * derail the element, so their "<" is written as the equivalent JavaScript escape.
 */
export function inlineScriptText(script: string): string {
  // Callers pass the same multi-megabyte bundle for every page; escape it once.
  if (script !== lastScript) {
    lastScript = script;
    lastEscaped = script.replace(/<(\/script|!--)/gi, '\\x3C$1');
  }
  return lastEscaped;
}

let lastScript = '';
let lastEscaped = '';

const entityPattern = /&(#x[0-9a-f]+|#\d+|colon|tab|newline);?/gi;

function decodeForCheck(url: string): string {
  return url.replace(entityPattern, (_whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'colon') return ':';
    if (lower === 'tab' || lower === 'newline') return '';
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** True for http(s), mailto, in-page and relative URLs; false for javascript:, data: and the like. */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const plain = decodeForCheck(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(plain);
  if (!scheme) return true;
  return ['http', 'https', 'mailto'].includes((scheme[1] as string).toLowerCase());
}
