// A cursor over the tokens of a Mermaid sequence diagram: looking ahead, consuming, reading the
// text a token covers, and failing with the line, column and what was expected.
import type { MermaidParseError, SourceSpan, SourceText } from './mermaid-ast';
import { EXPECTED, describeToken } from './mermaid-expected';
import type { Token, TokenType } from './mermaid-lexer';
import { columnOf, lineOf, type LineIndex } from './mermaid-source';
import { cleanText } from './mermaid-text';

export class ParseFailure extends Error {
  constructor(readonly detail: MermaidParseError) {
    super(detail.message);
  }
}

export class TokenStream {
  protected pos = 0;

  constructor(
    protected readonly source: string,
    protected readonly tokens: Token[],
    protected readonly lines: LineIndex,
  ) {}

  protected peek(): Token {
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1] ?? { type: 'EOF', start: 0, end: 0 };
  }

  protected next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length) this.pos++;
    return token;
  }

  protected line(token: Token | SourceSpan): number {
    return lineOf(this.lines, Math.min(token.start, this.source.length));
  }

  protected fail(token: Token, expected: string, message?: string): never {
    const found = describeToken(token, this.source);
    // At the end of the text, point at its last character rather than past the final newline.
    const offset = token.type === 'EOF' ? Math.max(0, this.source.trimEnd().length - 1) : Math.min(token.start, this.source.length);
    throw new ParseFailure({
      line: lineOf(this.lines, offset),
      column: columnOf(this.lines, offset),
      message: message ?? `Unexpected ${found}`,
      expected,
    });
  }

  protected expect(type: TokenType, expected: string): Token {
    const token = this.peek();
    if (token.type !== type) this.fail(token, expected);
    return this.next();
  }

  protected endOfStatement(): void {
    this.expect('NEWLINE', EXPECTED.lineEnd);
  }

  protected slice(token: Token): string {
    return this.source.slice(token.start, Math.min(token.end, this.source.length));
  }

  protected name(token: Token): { name: string; span: SourceSpan } {
    const raw = this.slice(token);
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim();
    return { name, span: { start: token.start + lead, end: token.start + lead + name.length } };
  }

  /** From the first token to the last one consumed, leaving out the line end. */
  protected statementSpan(first: Token): SourceSpan {
    let i = this.pos - 1;
    while (i > 0 && this.tokens[i]?.type === 'NEWLINE') i--;
    const last = this.tokens[i] ?? first;
    return { start: first.start, end: Math.min(Math.max(last.end, first.end), this.source.length) };
  }

  protected text(): SourceText {
    const token = this.next();
    return cleanText(this.slice(token).slice(1), token.start + 1);
  }

  protected plainText(raw: string, offset: number): SourceText {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    return { text, span: { start: offset + lead, end: offset + lead + text.length } };
  }
}
