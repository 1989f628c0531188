// Escaping for the generated report: HTML/SVG text and attributes, and Markdown table cells.

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML[c] ?? c);
}

/** User text inside Markdown: no HTML, no emphasis or links that the author did not mean, one line per cell. */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .trim();
}
