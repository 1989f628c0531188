// How pattern text becomes search terms: split on spaces and punctuation, lower-case, accents
// folded, and the commonest English words dropped so they neither match nor have to match.

const SEPARATOR = /[\s\p{Z}\p{P}\p{S}]+/u;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have in into is it its of on or that the their then there these this to was were what when which who will with'.split(' '),
);

export function tokenize(text: string): string[] {
  return text.split(SEPARATOR).filter(Boolean);
}

/** The indexed form of one token, or null for a stop word. */
export function processTerm(token: string): string | null {
  const term = token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return term && !STOP_WORDS.has(term) ? term : null;
}

/** The terms a query searches for; empty when it holds only stop words and punctuation. */
export function queryTerms(q: string): string[] {
  return tokenize(q)
    .map(processTerm)
    .filter((t): t is string => t !== null);
}
