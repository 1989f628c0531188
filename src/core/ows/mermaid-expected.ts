// Wording of Mermaid parse errors: what was found, and what would have been accepted there,
// phrased for someone editing a diagram by hand.
import type { Token } from './mermaid-lexer';

export const EXPECTED = {
  header: '`sequenceDiagram` as the first line (after optional front matter, `%%{init}%%` directives and `%%` comments)',
  statement:
    'a statement: a message such as `A->>B: text`, `participant`, `actor`, `create`, `destroy`, `Note`, `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect`, `box`, `activate`, `deactivate`, `autonumber` or `title`',
  lineEnd: 'the end of the line (or `;`)',
  id: 'a participant name (no `:`, `,`, `;`, `<` or `>`, and no dash at either end)',
  actor: 'a participant name',
  receiver: 'the receiving participant after the arrow (optionally preceded by `+` or `-`)',
  created: '`participant` or `actor` after `create`',
  alias: 'the label after `as`',
  config: 'participant metadata inside `@{ }`',
  configEnd: '`}` closing the participant metadata',
  boxTitle: 'an optional colour and title after `box`',
  boxMember: '`participant`, `actor`, `destroy` or `end` inside a `box`',
  autonumber: 'a start number, `off`, or the end of the line after `autonumber`',
  autonumberEnd: '`autonumber` with nothing after it on the line, not even spaces',
  placement: '`left of`, `right of` or `over` after `Note`',
  noteText: '`:` followed by the note text',
  noteTextOrComma: '`:` followed by the note text, or `,` and a second participant',
  arrow: 'an arrow: `->>`, `-->>`, `->`, `-->`, `-x`, `--x`, `-)`, `--)`, `<<->>` or `<<-->>`',
  messageText: '`:` followed by the message text',
  blockLabel: 'a label after the block keyword',
  accText: 'text after `accTitle:` or `accDescr:`',
} as const;

const KEYWORD_NAMES: Partial<Record<Token['type'], string>> = {
  NEWLINE: 'end of line',
  EOF: 'end of text',
  PLUS: '`+`',
  MINUS: '`-`',
  COMMA: '`,`',
};

/** A short phrase for the token, quoting the text it covers. */
export function describeToken(token: Token, source: string): string {
  const raw = source.slice(token.start, Math.min(token.end, source.length));
  if (token.type === 'NEWLINE') return raw === ';' ? '`;`' : 'end of line';
  const named = KEYWORD_NAMES[token.type];
  if (named) return named;
  const shown = raw.trim().length > 40 ? `${raw.trim().slice(0, 40)}…` : raw.trim();
  switch (token.type) {
    case 'ACTOR':
      return `name "${shown}"`;
    case 'TXT':
      return `text "${shown}"`;
    case 'INVALID':
      if (!shown) return 'end of line';
      return [...shown].length === 1 ? `character "${shown}"` : `text "${shown}"`;
    case 'NUM':
      return `number ${shown}`;
    default:
      return token.type.endsWith('ARROW') || token.type.endsWith('CROSS') || token.type.endsWith('POINT') ? `arrow \`${shown}\`` : `\`${shown}\``;
  }
}
