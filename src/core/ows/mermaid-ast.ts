// The syntax tree of a Mermaid sequence diagram: every statement with its line number and the
// source span of each piece of display text, so text can be measured and rewritten in place.

export type MermaidArrow = '->' | '-->' | '->>' | '-->>' | '-x' | '--x' | '-)' | '--)' | '<<->>' | '<<-->>';

export type BlockType = 'loop' | 'rect' | 'opt' | 'alt' | 'par' | 'par_over' | 'critical' | 'break';

/** The keyword that opens a section of a block: the block's own keyword, then `else`, `and` or `option`. */
export type SectionKeyword = BlockType | 'else' | 'and' | 'option';

/** `[start, end)` character offsets in the original text. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** Display text as written (trimmed, without a `wrap:`/`nowrap:` prefix) and where it is. */
export interface SourceText {
  text: string;
  span: SourceSpan;
  /** `wrap:` → true, `nowrap:` → false, absent → undefined. */
  wrap?: boolean;
}

interface Located {
  /** 1-based line of the statement's first token. */
  line: number;
  /** Span of the whole statement. */
  span: SourceSpan;
}

export interface ParticipantStatement extends Located {
  kind: 'participant';
  keyword: 'participant' | 'actor';
  id: string;
  idSpan: SourceSpan;
  /** Text after `as`; absent when the id is the label. */
  alias?: SourceText;
  /** `@{ … }` metadata (participant only), raw, and its `type` when it names one. */
  config?: { raw: string; type?: string };
  /** Declared with `create`. */
  created: boolean;
}

export interface DestroyStatement extends Located {
  kind: 'destroy';
  id: string;
}

export interface MessageStatement extends Located {
  kind: 'message';
  from: string;
  to: string;
  fromSpan: SourceSpan;
  toSpan: SourceSpan;
  arrow: MermaidArrow;
  /** `+` after the arrow activates the receiver; `-` deactivates the sender. */
  activation?: 'activate' | 'deactivate';
  text: SourceText;
}

export interface NoteStatement extends Located {
  kind: 'note';
  placement: 'left of' | 'right of' | 'over';
  /** One actor, or two for `over A,B`. */
  actors: string[];
  actorSpans: SourceSpan[];
  text: SourceText;
}

export interface ActivationStatement extends Located {
  kind: 'activation';
  action: 'activate' | 'deactivate';
  id: string;
}

export interface AutonumberStatement extends Located {
  kind: 'autonumber';
  visible: boolean;
  start?: number;
  step?: number;
}

export interface TextStatement extends Located {
  kind: 'title' | 'accTitle' | 'accDescr';
  text: SourceText;
}

/** `links`, `link`, `properties`, `details`: popup menus attached to an actor. */
export interface ActorMenuStatement extends Located {
  kind: 'actorMenu';
  keyword: 'links' | 'link' | 'properties' | 'details';
  actor: string;
  text: SourceText;
}

export interface BlockSection {
  keyword: SectionKeyword;
  line: number;
  /** The text after the keyword (for `rect`, the colour). */
  label: SourceText;
  statements: MermaidStatement[];
}

export interface BlockStatement extends Located {
  kind: 'block';
  type: BlockType;
  /** Line of the closing `end`. */
  endLine: number;
  sections: BlockSection[];
}

export interface BoxStatement extends Located {
  kind: 'box';
  endLine: number;
  /** The CSS colour when the first word names one (`box Aqua Support`), else undefined. */
  color?: string;
  title?: SourceText;
  members: Array<ParticipantStatement | DestroyStatement>;
}

export type MermaidStatement =
  | ParticipantStatement
  | DestroyStatement
  | MessageStatement
  | NoteStatement
  | ActivationStatement
  | AutonumberStatement
  | TextStatement
  | ActorMenuStatement
  | BlockStatement
  | BoxStatement;

/** An actor as Mermaid draws it: declared, or implied by the first message or note naming it. */
export interface DiagramParticipant {
  id: string;
  /** The alias if one was declared, else the id. */
  label: string;
  /** `participant`, `actor`, or the `type` of a `@{ … }` config. */
  type: string;
  declared: boolean;
  /** Line where it first appears. */
  firstLine: number;
  box?: string;
}

export interface SequenceDiagram {
  /** Line of the `sequenceDiagram` header. */
  headerLine: number;
  statements: MermaidStatement[];
  participants: DiagramParticipant[];
}

/** Why the text is not a sequence diagram Mermaid would draw. */
export interface MermaidParseError {
  line: number;
  column: number;
  message: string;
  /** What would have been accepted at that point. */
  expected: string;
}

export type MermaidParseResult = { ok: true; diagram: SequenceDiagram } | { ok: false; error: MermaidParseError };
