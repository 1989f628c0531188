// Tokenizer for Mermaid sequence diagrams. It reproduces the lexical states of Mermaid's own
// grammar (ids, aliases, rest-of-line text, participant config, accessibility text) so that
// text Mermaid rejects is rejected here too, quirks included.

export type ArrowToken =
  | 'SOLID_ARROW'
  | 'BIDIRECTIONAL_SOLID_ARROW'
  | 'DOTTED_ARROW'
  | 'BIDIRECTIONAL_DOTTED_ARROW'
  | 'SOLID_OPEN_ARROW'
  | 'DOTTED_OPEN_ARROW'
  | 'SOLID_CROSS'
  | 'DOTTED_CROSS'
  | 'SOLID_POINT'
  | 'DOTTED_POINT';

export type KeywordToken =
  | 'box'
  | 'participant'
  | 'actor'
  | 'create'
  | 'destroy'
  | 'loop'
  | 'rect'
  | 'opt'
  | 'alt'
  | 'else'
  | 'par'
  | 'par_over'
  | 'and'
  | 'critical'
  | 'option'
  | 'break'
  | 'end'
  | 'left_of'
  | 'right_of'
  | 'links'
  | 'link'
  | 'properties'
  | 'details'
  | 'over'
  | 'note'
  | 'activate'
  | 'deactivate'
  | 'autonumber'
  | 'off';

export type TokenType =
  | KeywordToken
  | ArrowToken
  | 'NEWLINE'
  | 'SD'
  | 'NUM'
  | 'ACTOR'
  | 'AS'
  | 'REST_OF_LINE'
  | 'CONFIG_START'
  | 'CONFIG_CONTENT'
  | 'CONFIG_END'
  | 'TXT'
  | 'PLUS'
  | 'MINUS'
  | 'COMMA'
  | 'TITLE'
  | 'LEGACY_TITLE'
  | 'ACC_TITLE'
  | 'ACC_TITLE_VALUE'
  | 'ACC_DESCR'
  | 'ACC_DESCR_VALUE'
  | 'ACC_DESCR_MULTILINE'
  | 'INVALID'
  | 'EOF';

export interface Token {
  type: TokenType;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export interface LexError {
  offset: number;
  state: LexState;
}

type LexState = 'INITIAL' | 'ID' | 'ALIAS' | 'LINE' | 'CONFIG' | 'ACC_TITLE' | 'ACC_DESCR';

type Effect = { push?: LexState; pop?: number };

interface Rule {
  re: RegExp;
  token: TokenType | null;
  effect?: Effect;
}

const rule = (source: string, token: TokenType | null, effect?: Effect): Rule => ({
  re: new RegExp(source, 'iy'),
  token,
  ...(effect ? { effect } : {}),
});

// A name in a message or note: no arrow characters, colon, comma or semicolon; inner
// dashes are allowed unless they start a cross or async arrow (`-x`, `-)`).
const NAME_CHAR = '[^+<>:,;\\n-]';
const MESSAGE_ACTOR = `${NAME_CHAR}+(?:(?!-x|--x|-\\)|--\\))-*${NAME_CHAR}+)*`;
// A declared id runs up to ` as `, a comment, a line end or a semicolon.
const ID_CHAR = '[^<>:,;\\n-]';
const ID_END = '(?=[^\\S\\n]+as[^\\S\\n]|[#\\n;]|$)';
const DECLARED_ID = `${ID_CHAR}(?:-*${ID_CHAR})*?${ID_END}`;
const CONFIG_ID = '[^<=>:,;@\\s-]+(?=@\\{)';
const KW = (word: string): string => `${word}\\b`;

const SAME_LINE_SPACE = rule('[^\\S\\n]+', null);
const HASH_COMMENT = rule('#[^\\n]*', null);

const INITIAL_RULES: Rule[] = [
  rule('\\n+', 'NEWLINE'),
  rule('\\s+', null),
  HASH_COMMENT,
  rule('%(?!\\{)[^\\n]*', null),
  rule('[^}]%%[^\\n]*', null),
  rule('[0-9]+(?=[ \\n]+)', 'NUM'),
  rule(KW('box'), 'box', { push: 'LINE' }),
  rule(KW('participant'), 'participant', { push: 'ID' }),
  rule(KW('actor'), 'actor', { push: 'ID' }),
  rule(KW('create'), 'create'),
  rule(KW('destroy'), 'destroy', { push: 'ID' }),
  ...(['loop', 'rect', 'opt', 'alt', 'else', 'par', 'par_over', 'and', 'critical', 'option', 'break'] as const).map((word) =>
    rule(KW(word), word, { push: 'LINE' }),
  ),
  rule(KW('end'), 'end'),
  rule(KW('left of'), 'left_of'),
  rule(KW('right of'), 'right_of'),
  rule(KW('links'), 'links'),
  rule(KW('link'), 'link'),
  rule(KW('properties'), 'properties'),
  rule(KW('details'), 'details'),
  rule(KW('over'), 'over'),
  rule(KW('note'), 'note'),
  rule(KW('activate'), 'activate', { push: 'ID' }),
  rule(KW('deactivate'), 'deactivate', { push: 'ID' }),
  rule('title\\s[^#\\n;]+', 'TITLE'),
  rule('title:\\s[^#\\n;]+', 'LEGACY_TITLE'),
  rule('accTitle\\s*:\\s*', 'ACC_TITLE', { push: 'ACC_TITLE' }),
  rule('accDescr\\s*:\\s*', 'ACC_DESCR', { push: 'ACC_DESCR' }),
  // The multi-line description is one token here: `accDescr {`, its text, and the closing `}`.
  rule('accDescr\\s*\\{\\s*[^}]*\\}?', 'ACC_DESCR_MULTILINE'),
  rule(KW('sequenceDiagram'), 'SD'),
  rule(KW('autonumber'), 'autonumber'),
  rule(KW('off'), 'off'),
  rule(',', 'COMMA'),
  rule(';', 'NEWLINE'),
  rule(MESSAGE_ACTOR, 'ACTOR'),
  rule('->>', 'SOLID_ARROW'),
  rule('<<->>', 'BIDIRECTIONAL_SOLID_ARROW'),
  rule('-->>', 'DOTTED_ARROW'),
  rule('<<-->>', 'BIDIRECTIONAL_DOTTED_ARROW'),
  rule('->', 'SOLID_OPEN_ARROW'),
  rule('-->', 'DOTTED_OPEN_ARROW'),
  rule('-x', 'SOLID_CROSS'),
  rule('--x', 'DOTTED_CROSS'),
  rule('-\\)', 'SOLID_POINT'),
  rule('--\\)', 'DOTTED_POINT'),
  rule(':[^#\\n;]*', 'TXT'),
  rule('\\+', 'PLUS'),
  rule('-', 'MINUS'),
  rule('$', 'NEWLINE'),
  rule('[\\s\\S]', 'INVALID'),
];

const RULES: Record<LexState, Rule[]> = {
  INITIAL: INITIAL_RULES,
  ID: [
    SAME_LINE_SPACE,
    HASH_COMMENT,
    rule('@\\{', 'CONFIG_START', { push: 'CONFIG' }),
    rule(CONFIG_ID, 'ACTOR'),
    rule(DECLARED_ID, 'ACTOR', { push: 'ALIAS' }),
  ],
  ALIAS: [
    SAME_LINE_SPACE,
    HASH_COMMENT,
    rule(KW('as'), 'AS', { pop: 2, push: 'LINE' }),
    // Without `as` the declaration ends here: Mermaid emits the line end itself.
    rule('', 'NEWLINE', { pop: 2 }),
  ],
  LINE: [SAME_LINE_SPACE, HASH_COMMENT, rule('[^#\\n;]*', 'REST_OF_LINE', { pop: 1 })],
  CONFIG: [rule('[^}]+', 'CONFIG_CONTENT'), rule('\\}', 'CONFIG_END', { pop: 2 })],
  ACC_TITLE: [rule('[^\\n]*', 'ACC_TITLE_VALUE', { pop: 1 })],
  ACC_DESCR: [rule('[^\\n]*', 'ACC_DESCR_VALUE', { pop: 1 })],
};

/**
 * The rules of a state as one sticky alternation, one capturing group per rule in rule order:
 * the first alternative that matches is the first rule that matches, found in one regex run
 * instead of one run per rule (the lexer's hot loop). No rule source has a capturing group of
 * its own, so group k + 1 is rule k.
 */
const COMBINED: Record<LexState, RegExp> = Object.fromEntries(
  Object.entries(RULES).map(([state, rules]) => [state, new RegExp(rules.map((r) => `(${r.re.source})`).join('|'), 'iy')]),
) as Record<LexState, RegExp>;

type Match = { rule: Rule; length: number };

/** The rule loop as Mermaid's lexer runs it: rules in order, an empty match only counts at the end or with an effect. */
function firstRule(rules: readonly Rule[], from: number, prepared: string, pos: number, finished: boolean): Match | undefined {
  for (let i = from; i < rules.length; i++) {
    const r = rules[i] as Rule;
    r.re.lastIndex = pos;
    const m = r.re.exec(prepared);
    if (m && (finished || m[0].length > 0 || r.effect)) return { rule: r, length: m[0].length };
  }
  return undefined;
}

function matchAt(state: LexState, prepared: string, pos: number, finished: boolean): Match | undefined {
  const rules = RULES[state];
  const combined = COMBINED[state];
  combined.lastIndex = pos;
  const m = combined.exec(prepared);
  if (!m) return undefined;
  let k = 1;
  while (m[k] === undefined) k++;
  const r = rules[k - 1] as Rule;
  const length = m[0].length;
  // An empty match the loop would skip: carry on with the rules after it, as the loop does.
  if (!(finished || length > 0 || r.effect)) return firstRule(rules, k, prepared, pos, finished);
  return { rule: r, length };
}

type Matcher = (state: LexState, prepared: string, pos: number, finished: boolean) => { rule: Rule; length: number } | undefined;

function runLexer(prepared: string, from: number, match: Matcher): { tokens: Token[]; error?: LexError } {
  const tokens: Token[] = [];
  const stack: LexState[] = ['INITIAL'];
  let pos = from;
  let finished = false;
  // Like Mermaid's lexer, one more rule is tried once the input is used up, then EOF.
  while (!finished) {
    if (pos >= prepared.length) finished = true;
    const state = stack[stack.length - 1] ?? 'INITIAL';
    const matched = match(state, prepared, pos, finished);
    if (!matched) return { tokens, error: { offset: pos, state } };
    const { rule: r, length } = matched;
    if (r.effect?.pop) stack.splice(stack.length - r.effect.pop, r.effect.pop);
    if (r.effect?.push) stack.push(r.effect.push);
    if (r.token) tokens.push({ type: r.token, start: pos, end: pos + length });
    pos += length;
  }
  tokens.push({ type: 'EOF', start: prepared.length, end: prepared.length });
  return { tokens };
}

/** Tokens with offsets into `prepared`, ending with EOF, or the offset where no rule matched. */
export function tokenize(prepared: string, from: number): { tokens: Token[]; error?: LexError } {
  return runLexer(prepared, from, matchAt);
}

/** The rule-by-rule lexer loop, exported for the test that checks the combined regexes against it. */
export function tokenizeRuleByRule(prepared: string, from: number): { tokens: Token[]; error?: LexError } {
  return runLexer(prepared, from, (state, text, pos, finished) => firstRule(RULES[state], 0, text, pos, finished));
}
