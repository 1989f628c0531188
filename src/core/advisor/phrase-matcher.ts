// Finds lexicon phrases in free text on word boundaries: text is lower-cased and split on
// anything that is not a letter or digit ("hand-off" → "hand off"); a token ending in "*" matches as a prefix.

export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The words of `tokens` that match `phrase`, joined by spaces, at the first place it occurs; null when absent. */
export function findPhrase(tokens: ReadonlyArray<string>, phrase: string): string | null {
  const parts = tokenizePattern(phrase);
  if (parts.length === 0) return null;
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (parts.every((p, k) => matchesToken(tokens[i + k]!, p))) return tokens.slice(i, i + parts.length).join(' ');
  }
  return null;
}

function tokenizePattern(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean);
}

function matchesToken(token: string, pattern: string): boolean {
  return pattern.endsWith('*') ? token.startsWith(pattern.slice(0, -1)) : token === pattern;
}
