// The statements of Mermaid's sequence diagram grammar, parsed by recursive descent over the
// lexer's tokens: participants, messages, notes, blocks with their sections, boxes and the rest.
import type {
  BlockSection,
  BlockStatement,
  BlockType,
  BoxStatement,
  DestroyStatement,
  MermaidArrow,
  MermaidStatement,
  ParticipantStatement,
  SectionKeyword,
  SourceText,
} from './mermaid-ast';
import { isCssColor } from './mermaid-css-colors';
import { EXPECTED, describeToken } from './mermaid-expected';
import type { Token, TokenType } from './mermaid-lexer';
import { cleanText } from './mermaid-text';
import { TokenStream } from './mermaid-token-stream';

const ARROWS: Partial<Record<TokenType, MermaidArrow>> = {
  SOLID_ARROW: '->>',
  DOTTED_ARROW: '-->>',
  SOLID_OPEN_ARROW: '->',
  DOTTED_OPEN_ARROW: '-->',
  SOLID_CROSS: '-x',
  DOTTED_CROSS: '--x',
  SOLID_POINT: '-)',
  DOTTED_POINT: '--)',
  BIDIRECTIONAL_SOLID_ARROW: '<<->>',
  BIDIRECTIONAL_DOTTED_ARROW: '<<-->>',
};

// The keyword that splits a block into sections, per block type.
const SECTION_SPLITTER: Record<BlockType, 'else' | 'and' | 'option' | undefined> = {
  alt: 'else',
  par: 'and',
  par_over: 'and',
  critical: 'option',
  loop: undefined,
  rect: undefined,
  opt: undefined,
  break: undefined,
};

const BLOCK_TYPES = new Set<TokenType>(['loop', 'rect', 'opt', 'alt', 'par', 'par_over', 'critical', 'break']);

/** An open block, for saying which `end` is missing. */
interface OpenBlock {
  keyword: string;
  line: number;
  splitter?: 'else' | 'and' | 'option';
}

export class SequenceGrammar extends TokenStream {
  parse(): { headerLine: number; statements: MermaidStatement[] } {
    while (this.peek().type === 'NEWLINE') this.pos++;
    const header = this.expect('SD', EXPECTED.header);
    const statements = this.document([]);
    return { headerLine: this.line(header), statements };
  }

  /** Statements until one of the closing keywords of the enclosing blocks. */
  private document(open: OpenBlock[]): MermaidStatement[] {
    const statements: MermaidStatement[] = [];
    const inner = open[open.length - 1];
    for (;;) {
      const token = this.peek();
      if (token.type === 'NEWLINE') {
        this.next();
        continue;
      }
      if (inner && (token.type === 'end' || token.type === inner.splitter)) return statements;
      if (token.type === 'EOF') {
        if (!inner) return statements;
        this.fail(token, `\`end\` to close the \`${inner.keyword}\` opened on line ${inner.line}`, `The \`${inner.keyword}\` block opened on line ${inner.line} is never closed`);
      }
      statements.push(...this.statement(open));
    }
  }

  private statement(open: OpenBlock[]): MermaidStatement[] {
    const token = this.peek();
    switch (token.type) {
      case 'participant':
      case 'actor':
      case 'destroy':
        return [this.participant(false)];
      case 'create': {
        this.next();
        const keyword = this.peek();
        if (keyword.type !== 'participant' && keyword.type !== 'actor') this.fail(keyword, EXPECTED.created);
        return [this.participant(true)];
      }
      case 'box':
        return [this.box()];
      case 'autonumber':
        return [this.autonumber()];
      case 'activate':
      case 'deactivate': {
        this.next();
        const id = this.name(this.expect('ACTOR', EXPECTED.id));
        this.endOfStatement();
        return [{ kind: 'activation', action: token.type, id: id.name, line: this.line(token), span: this.statementSpan(token) }];
      }
      case 'note':
        return [this.note()];
      case 'links':
      case 'link':
      case 'properties':
      case 'details': {
        this.next();
        const actor = this.name(this.expect('ACTOR', EXPECTED.actor));
        const text = this.text();
        this.endOfStatement();
        return [{ kind: 'actorMenu', keyword: token.type, actor: actor.name, text, line: this.line(token), span: this.statementSpan(token) }];
      }
      case 'TITLE':
      case 'LEGACY_TITLE': {
        this.next();
        const skip = token.type === 'TITLE' ? 'title '.length : 'title: '.length;
        const text = this.plainText(this.slice(token).slice(skip), token.start + skip);
        return [{ kind: 'title', text, line: this.line(token), span: this.statementSpan(token) }];
      }
      case 'ACC_TITLE':
      case 'ACC_DESCR': {
        this.next();
        const value = this.expect(token.type === 'ACC_TITLE' ? 'ACC_TITLE_VALUE' : 'ACC_DESCR_VALUE', EXPECTED.accText);
        const text = this.plainText(this.slice(value), value.start);
        return [{ kind: token.type === 'ACC_TITLE' ? 'accTitle' : 'accDescr', text, line: this.line(token), span: this.statementSpan(token) }];
      }
      case 'ACC_DESCR_MULTILINE': {
        this.next();
        const raw = this.slice(token);
        const open = raw.indexOf('{') + 1;
        const close = raw.endsWith('}') ? raw.length - 1 : raw.length;
        const text = this.plainText(raw.slice(open, close), token.start + open);
        return [{ kind: 'accDescr', text, line: this.line(token), span: this.statementSpan(token) }];
      }
      case 'ACTOR':
        return [this.message()];
      default:
        if (BLOCK_TYPES.has(token.type)) return [this.block(open)];
        return this.fail(token, this.statementExpectation(open), this.misplacedMessage(token, open));
    }
  }

  private statementExpectation(open: OpenBlock[]): string {
    const inner = open[open.length - 1];
    if (!inner) return EXPECTED.statement;
    const closers = inner.splitter ? `\`${inner.splitter}\` or \`end\`` : '`end`';
    return `${EXPECTED.statement}, or ${closers} for the \`${inner.keyword}\` opened on line ${inner.line}`;
  }

  private misplacedMessage(token: Token, open: OpenBlock[]): string | undefined {
    const found = describeToken(token, this.source);
    if (token.type === 'end' && open.length === 0) return `Unexpected ${found}: there is no open block to close`;
    if (token.type === 'else' || token.type === 'and' || token.type === 'option') {
      const owner = token.type === 'else' ? '`alt`' : token.type === 'and' ? '`par`' : '`critical`';
      return `Unexpected ${found}: it only belongs directly inside ${owner}`;
    }
    return undefined;
  }

  private participant(created: boolean): ParticipantStatement | DestroyStatement {
    const first = created ? (this.tokens[this.pos - 1] as Token) : this.peek();
    const keyword = this.next();
    const idToken = this.expect('ACTOR', EXPECTED.id);
    const id = this.name(idToken);
    if (keyword.type === 'destroy') {
      this.endOfStatement();
      return { kind: 'destroy', id: id.name, line: this.line(first), span: this.statementSpan(first) };
    }
    const declared = keyword.type === 'actor' ? 'actor' : 'participant';
    let alias: SourceText | undefined;
    let config: ParticipantStatement['config'];
    const after = this.peek();
    if (after.type === 'AS') {
      this.next();
      const rest = this.expect('REST_OF_LINE', EXPECTED.alias);
      alias = cleanText(this.slice(rest), rest.start);
    } else if (after.type === 'CONFIG_START' && declared === 'participant') {
      this.next();
      const content = this.expect('CONFIG_CONTENT', EXPECTED.config);
      this.expect('CONFIG_END', EXPECTED.configEnd);
      const raw = this.slice(content).trim();
      const type = /["']?type["']?\s*:\s*["']?([\w-]+)/.exec(raw)?.[1];
      config = type === undefined ? { raw } : { raw, type };
    }
    this.endOfStatement();
    return {
      kind: 'participant',
      keyword: declared,
      id: id.name,
      idSpan: id.span,
      ...(alias ? { alias } : {}),
      ...(config ? { config } : {}),
      created,
      line: this.line(first),
      span: this.statementSpan(first),
    };
  }

  private box(): BoxStatement {
    const first = this.next();
    const rest = this.expect('REST_OF_LINE', EXPECTED.boxTitle);
    const raw = this.slice(rest);
    const members: BoxStatement['members'] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'NEWLINE') this.next();
      else if (token.type === 'participant' || token.type === 'actor' || token.type === 'destroy') members.push(this.participant(false));
      else if (token.type === 'end') break;
      else this.fail(token, `${EXPECTED.boxMember} (the \`box\` opened on line ${this.line(first)})`);
    }
    const end = this.next();
    const match = /^((?:rgba?|hsla?)\s*\(.*\)|\w*)(.*)$/i.exec(raw);
    const colour = match?.[1]?.trim() ?? '';
    const base = { kind: 'box' as const, members, line: this.line(first), endLine: this.line(end) };
    if (colour && isCssColor(colour)) {
      const rest2 = match?.[2] ?? '';
      const title = cleanText(rest2, rest.start + raw.length - rest2.length);
      return { ...base, color: colour, ...(title.text ? { title } : {}), span: this.statementSpan(first) };
    }
    const title = cleanText(raw, rest.start);
    return { ...base, ...(title.text ? { title } : {}), span: this.statementSpan(first) };
  }

  private autonumber(): MermaidStatement {
    const first = this.next();
    const numbers: number[] = [];
    let visible = true;
    if (this.peek().type === 'off') {
      this.next();
      visible = false;
    } else {
      while (numbers.length < 2 && this.peek().type === 'NUM') numbers.push(Number(this.slice(this.next())));
    }
    const after = this.peek();
    if (after.type !== 'NEWLINE') {
      // Mermaid lets trailing spaces after `autonumber` swallow the line break.
      const gap = this.source.slice(this.tokens[this.pos - 1]?.end ?? after.start, after.start);
      if (/^[^\S\n]+\n/.test(gap)) this.fail(first, EXPECTED.autonumberEnd, 'Trailing spaces after `autonumber` make Mermaid read the next line as part of it');
      this.fail(after, numbers.length === 0 && visible ? EXPECTED.autonumber : EXPECTED.lineEnd);
    }
    this.next();
    const [start, step] = numbers;
    return {
      kind: 'autonumber',
      visible,
      ...(start === undefined ? {} : { start, step: step ?? 1 }),
      line: this.line(first),
      span: this.statementSpan(first),
    };
  }

  private note(): MermaidStatement {
    const first = this.next();
    const placementToken = this.peek();
    let placement: 'left of' | 'right of' | 'over';
    if (placementToken.type === 'over') placement = 'over';
    else if (placementToken.type === 'left_of') placement = 'left of';
    else if (placementToken.type === 'right_of') placement = 'right of';
    else return this.fail(placementToken, EXPECTED.placement);
    this.next();
    const actors = [this.name(this.expect('ACTOR', EXPECTED.actor))];
    if (placement === 'over' && this.peek().type === 'COMMA') {
      this.next();
      actors.push(this.name(this.expect('ACTOR', EXPECTED.actor)));
    }
    if (this.peek().type !== 'TXT') this.fail(this.peek(), placement === 'over' && actors.length === 1 ? EXPECTED.noteTextOrComma : EXPECTED.noteText);
    const text = this.text();
    this.endOfStatement();
    return {
      kind: 'note',
      placement,
      actors: actors.map((a) => a.name),
      actorSpans: actors.map((a) => a.span),
      text,
      line: this.line(first),
      span: this.statementSpan(first),
    };
  }

  private message(): MermaidStatement {
    const first = this.next();
    const from = this.name(first);
    const arrowToken = this.peek();
    const arrow = ARROWS[arrowToken.type];
    if (!arrow) return this.fail(arrowToken, EXPECTED.arrow);
    this.next();
    let activation: 'activate' | 'deactivate' | undefined;
    if (this.peek().type === 'PLUS' || this.peek().type === 'MINUS') activation = this.next().type === 'PLUS' ? 'activate' : 'deactivate';
    const to = this.name(this.expect('ACTOR', EXPECTED.receiver));
    if (this.peek().type !== 'TXT') this.fail(this.peek(), EXPECTED.messageText);
    const text = this.text();
    this.endOfStatement();
    return {
      kind: 'message',
      from: from.name,
      to: to.name,
      fromSpan: from.span,
      toSpan: to.span,
      arrow,
      ...(activation ? { activation } : {}),
      text,
      line: this.line(first),
      span: this.statementSpan(first),
    };
  }

  private block(open: OpenBlock[]): BlockStatement {
    const first = this.next();
    const type = first.type as BlockType;
    const splitter = SECTION_SPLITTER[type];
    const context: OpenBlock = { keyword: type, line: this.line(first), ...(splitter ? { splitter } : {}) };
    const sections: BlockSection[] = [];
    let keyword: SectionKeyword = type;
    let keywordToken = first;
    for (;;) {
      const rest = this.expect('REST_OF_LINE', EXPECTED.blockLabel);
      const label = cleanText(this.slice(rest), rest.start);
      const statements = this.document([...open, context]);
      sections.push({ keyword, line: this.line(keywordToken), label, statements });
      const closing = this.next();
      if (closing.type === 'end') {
        return { kind: 'block', type, sections, line: this.line(first), endLine: this.line(closing), span: this.statementSpan(first) };
      }
      keyword = closing.type as SectionKeyword;
      keywordToken = closing;
    }
  }
}
