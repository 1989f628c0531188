// A one-line, plain-text preview of an event payload for feeds and tables; the full payload stays
// available on demand.
export function summarizePayload(payload: unknown, maxChars = 140): string {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be an integer >= 1, got ${maxChars}`);
  if (payload === undefined || payload === null) return '';
  let text: string;
  if (typeof payload === 'string') text = payload;
  else {
    try {
      text = JSON.stringify(payload) ?? '';
    } catch {
      text = '(payload cannot be shown)';
    }
  }
  if (text === '{}' || text === '[]') return '';
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
