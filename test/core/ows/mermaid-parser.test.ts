import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseMermaidSequence,
  type BlockStatement,
  type BoxStatement,
  type MermaidStatement,
  type MessageStatement,
  type NoteStatement,
  type ParticipantStatement,
  type SequenceDiagram,
  type SourceText,
} from '../../../src/core/ows/mermaid-parser';
import { walkStatements } from '../../../src/core/ows/mermaid-walk';
import { diagramText, mutatedDiagramText } from './mermaid-arbitraries';

function parseOk(text: string): SequenceDiagram {
  const result = parseMermaidSequence(text);
  if (!result.ok) throw new Error(`expected a diagram, got line ${result.error.line}: ${result.error.message} (expected ${result.error.expected})`);
  return result.diagram;
}

function parseError(text: string) {
  const result = parseMermaidSequence(text);
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

function all(diagram: SequenceDiagram): MermaidStatement[] {
  const out: MermaidStatement[] = [];
  walkStatements(diagram.statements, (s) => out.push(s));
  return out;
}

const FULL = `%% the escalation flow, as the support manager sees it
sequenceDiagram
  title: Escalation flow
  accTitle: Escalation
  accDescr {
    Tickets move from L1 to L2
  }
  autonumber 10 5
  participant C as 🏢 Customer
  actor L1 as Tier 1 agent
  participant Q@{ "type": "queue" }
  box Aqua Engineering
    participant L2 as wrap: Tier 2
  end
  C->>L1: Ticket opened
  L1->>+Q: Park it; Q-->>-L1: Parked #59; waiting
  L1-)L2: async ping
  L2--)L1: async pong
  L1->L2: open arrow
  L2-->L1: dotted open
  L1-xL2: lost
  L2--xL1: lost too
  L1<<->>L2: both ways
  L1<<-->>L2: both dotted
  Note over L1,L2: No owner between tiers
  Note left of C: waits
  alt SLA at risk
    L1->>L2: Escalate
  else Within SLA
    L1->>C: Reply
  end
  loop Every hour
    opt Backlog grows
      par Notify
        L2->>C: Update
      and Log
        L2->>Q: Log
      end
    end
  end
  critical Page on-call
    L2->>L1: Ack
  option No answer
    break Stop
      L2-xL1: Give up
    end
  end
  rect rgb(230, 245, 255)
    activate L2
    deactivate L2
  end
  create participant M as Monitor
  L2->>M: Start watching
  destroy M
  M-xL2: Done
`;

describe('parseMermaidSequence: the statements of a full diagram', () => {
  const diagram = parseOk(FULL);
  const statements = all(diagram);

  it('finds the header after a comment line', () => {
    expect(diagram.headerLine).toBe(2);
  });

  it('lists actors in drawing order with labels, types, boxes and the line they first appear on', () => {
    expect(diagram.participants).toEqual([
      { id: 'C', label: '🏢 Customer', type: 'participant', declared: true, firstLine: 9 },
      { id: 'L1', label: 'Tier 1 agent', type: 'actor', declared: true, firstLine: 10 },
      { id: 'Q', label: 'Q', type: 'queue', declared: true, firstLine: 11 },
      { id: 'L2', label: 'Tier 2', type: 'participant', declared: true, firstLine: 13, box: 'Engineering' },
      { id: 'M', label: 'Monitor', type: 'participant', declared: true, firstLine: 52 },
    ]);
  });

  it('reads every arrow kind with its activation suffix and message text', () => {
    const messages = statements.filter((s): s is MessageStatement => s.kind === 'message');
    expect(messages.slice(0, 12).map((m) => [m.from, m.arrow, m.activation ?? '', m.to, m.text.text, m.line])).toEqual([
      ['C', '->>', '', 'L1', 'Ticket opened', 15],
      ['L1', '->>', 'activate', 'Q', 'Park it', 16],
      ['Q', '-->>', 'deactivate', 'L1', 'Parked #59; waiting', 16],
      ['L1', '-)', '', 'L2', 'async ping', 17],
      ['L2', '--)', '', 'L1', 'async pong', 18],
      ['L1', '->', '', 'L2', 'open arrow', 19],
      ['L2', '-->', '', 'L1', 'dotted open', 20],
      ['L1', '-x', '', 'L2', 'lost', 21],
      ['L2', '--x', '', 'L1', 'lost too', 22],
      ['L1', '<<->>', '', 'L2', 'both ways', 23],
      ['L1', '<<-->>', '', 'L2', 'both dotted', 24],
      ['L1', '->>', '', 'L2', 'Escalate', 28],
    ]);
  });

  it('reads notes with their placement and actors', () => {
    const notes = statements.filter((s): s is NoteStatement => s.kind === 'note');
    expect(notes.map((n) => [n.placement, n.actors, n.text.text, n.line])).toEqual([
      ['over', ['L1', 'L2'], 'No owner between tiers', 25],
      ['left of', ['C'], 'waits', 26],
    ]);
  });

  it('nests blocks with each section keyword, label and line, and the line of `end`', () => {
    const blocks = statements.filter((s): s is BlockStatement => s.kind === 'block');
    expect(blocks.map((b) => [b.type, b.line, b.endLine, b.sections.map((s) => `${s.keyword}:${s.label.text}@${s.line}`)])).toEqual([
      ['alt', 27, 31, ['alt:SLA at risk@27', 'else:Within SLA@29']],
      ['loop', 32, 40, ['loop:Every hour@32']],
      ['opt', 33, 39, ['opt:Backlog grows@33']],
      ['par', 34, 38, ['par:Notify@34', 'and:Log@36']],
      ['critical', 41, 47, ['critical:Page on-call@41', 'option:No answer@43']],
      ['break', 44, 46, ['break:Stop@44']],
      ['rect', 48, 51, ['rect:rgb(230, 245, 255)@48']],
    ]);
  });

  it('reads the box colour, title and members, and strips `wrap:` from labels', () => {
    const box = statements.find((s): s is BoxStatement => s.kind === 'box');
    expect(box?.color).toBe('Aqua');
    expect(box?.title?.text).toBe('Engineering');
    const member = box?.members[0] as ParticipantStatement;
    expect(member.alias).toMatchObject({ text: 'Tier 2', wrap: true });
  });

  it('reads title, accessibility text, autonumber, activations, create and destroy', () => {
    const kinds = statements.map((s) => s.kind);
    expect(kinds.filter((k) => !['message', 'note', 'block', 'participant', 'box'].includes(k))).toEqual([
      'title',
      'accTitle',
      'accDescr',
      'autonumber',
      'activation',
      'activation',
      'destroy',
    ]);
    expect(statements.find((s) => s.kind === 'title')).toMatchObject({ text: { text: 'Escalation flow' }, line: 3 });
    expect(statements.find((s) => s.kind === 'accDescr')).toMatchObject({ text: { text: 'Tickets move from L1 to L2' }, line: 5 });
    expect(statements.find((s) => s.kind === 'autonumber')).toMatchObject({ visible: true, start: 10, step: 5 });
    expect(statements.find((s) => s.kind === 'participant' && s.created)).toMatchObject({ id: 'M', alias: { text: 'Monitor' }, line: 52 });
  });

  it('gives every text a span that points at exactly that text in the source', () => {
    const texts: SourceText[] = [];
    for (const s of statements) {
      if ('text' in s) texts.push(s.text);
      if (s.kind === 'participant' && s.alias) texts.push(s.alias);
      if (s.kind === 'block') texts.push(...s.sections.map((section) => section.label));
    }
    expect(texts.length).toBeGreaterThan(25);
    for (const t of texts) expect(FULL.slice(t.span.start, t.span.end)).toBe(t.text);
  });
});

describe('parseMermaidSequence: Mermaid details', () => {
  it('treats keywords case-insensitively but requires the header as written', () => {
    expect(parseOk('sequenceDiagram\nPARTICIPANT A\nNOTE OVER A: x\nLOOP z\nA->>B: q\nEND\n').participants.map((p) => p.id)).toEqual(['A', 'B']);
    expect(parseError('SEQUENCEDIAGRAM\nA->>B: x\n')).toMatchObject({ line: 1, expected: expect.stringContaining('sequenceDiagram') });
  });

  it('allows spaces and inner dashes in names, and implies actors from messages and notes', () => {
    const d = parseOk('sequenceDiagram\nSmart Router->>my-svc: route\nNote right of Audit Log: kept\n');
    expect(d.participants.map((p) => [p.id, p.declared, p.firstLine])).toEqual([
      ['Smart Router', false, 2],
      ['my-svc', false, 2],
      ['Audit Log', false, 3],
    ]);
  });

  it('ends message text at `#` (a comment) and at `;` (a new statement), but keeps entity codes', () => {
    const d = parseOk('sequenceDiagram\nA->>B: ticket #123 open\nA->>B: a #59; b;B->>A: c\n');
    const texts = all(d).flatMap((s) => (s.kind === 'message' ? [s.text.text] : []));
    expect(texts).toEqual(['ticket', 'a #59; b', 'c']);
  });

  it('keeps the first label when a participant is declared again without `as`', () => {
    const d = parseOk('sequenceDiagram\nparticipant A as First\nA->>B: x\nparticipant A\nparticipant B as Bee\n');
    expect(d.participants.map((p) => `${p.id}=${p.label}`)).toEqual(['A=First', 'B=Bee']);
  });

  it('skips front matter, directives and comment lines while keeping line numbers', () => {
    const d = parseOk('---\ntitle: Hi\n---\n%%{init: {"theme":"dark"}}%%\n%% note\nsequenceDiagram\n# hash comment\nA->>B: x\n');
    expect(d.headerLine).toBe(6);
    expect(all(d)[0]?.line).toBe(8);
  });

  it('counts lines the same with Windows line endings', () => {
    const d = parseOk('sequenceDiagram\r\nautonumber\r\nA->>B: x\r\nB->>A: y\r\n');
    expect(all(d).map((s) => s.line)).toEqual([2, 3, 4]);
  });
});

describe('parseMermaidSequence: errors say where and what was expected', () => {
  const cases: Array<[string, string, number, RegExp, RegExp]> = [
    ['empty text', '', 1, /empty/, /sequenceDiagram/],
    ['another diagram type', 'graph TD\nA-->B\n', 1, /"graph"/, /sequenceDiagram/],
    ['a message without text', 'sequenceDiagram\nA->>B\n', 2, /end of line/, /`:` followed by the message text/],
    ['a bad arrow', 'sequenceDiagram\nA-B: x\n', 2, /Unexpected/, /an arrow/],
    ['a character no name may hold', 'sequenceDiagram\nA<B: x\n', 2, /"<"/, /an arrow/],
    ['an unclosed block', 'sequenceDiagram\nalt a\nA->>B: x\n', 3, /`alt` block opened on line 2 is never closed/, /`end`/],
    ['`else` outside `alt`', 'sequenceDiagram\nloop x\nelse y\nend\n', 3, /only belongs directly inside `alt`/, /`end` for the `loop` opened on line 2/],
    ['`and` inside `alt`', 'sequenceDiagram\nalt a\nA->>B: x\nand c\nend\n', 4, /inside `par`/, /`else` or `end`/],
    ['`end` with no block', 'sequenceDiagram\nA->>B: x\nend\n', 3, /no open block/, /a statement/],
    ['a message inside a box', 'sequenceDiagram\nbox Team\nA->>B: x\nend\n', 3, /name "A"/, /inside a `box`.*line 2/],
    ['a keyword starting a name', 'sequenceDiagram\nEnd User->>B: x\n', 2, /`End`/, /a statement/],
    ['a participant id with a colon', 'sequenceDiagram\nparticipant A:b\n', 2, /"A:b"/, /participant name/],
    ['a note without placement', 'sequenceDiagram\nNote A: x\n', 2, /name "A"/, /`left of`, `right of` or `over`/],
    ['a note over three actors', 'sequenceDiagram\nNote over A,B,C: x\n', 2, /`,`/, /note text/],
    ['trailing spaces after autonumber', 'sequenceDiagram\nautonumber  \nA->>B: x\n', 2, /Trailing spaces after `autonumber`/, /nothing after it/],
    ['a created participant not messaged next', 'sequenceDiagram\nA->>B: x\ncreate participant C\nA->>B: y\n', 4, /"C" is created on line 3/, /a message to C/],
    ['a destroyed participant not messaged next', 'sequenceDiagram\nA->>B: x\ndestroy B\nA->>C: bye\n', 4, /"B" is destroyed on line 3/, /from or to B/],
    ['creating an existing participant', 'sequenceDiagram\nA->>B: x\ncreate participant B\nA->>B: y\n', 3, /already exists/, /a new participant id/],
    ['deactivating an inactive participant', 'sequenceDiagram\nA->>B: x\ndeactivate A\n', 3, /"A" is not active/, /activate A/],
    ['a `-` deactivating the sender', 'sequenceDiagram\nA->>-B: x\n', 2, /"A" is not active/, /activate A/],
    ['one participant in two boxes', 'sequenceDiagram\nbox Aqua G1\nparticipant A\nend\nbox G2\nparticipant A\nend\n', 6, /already in the box "G1" \(line 2\)/, /single box/],
    ['participant metadata on an actor', 'sequenceDiagram\nactor A@{ "type": "database" }\n', 2, /Unexpected/, /end of the line/],
  ];
  it.each(cases)('%s', (_name, text, line, message, expected) => {
    const error = parseError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.expected).toMatch(expected);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(`${error.message} ${error.expected}`).not.toMatch(/undefined|null|\[object Object\]/);
  });
});

describe('parseMermaidSequence: properties', () => {
  it('never throws and reports errors on a line of the text, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), mutatedDiagramText, fc.string().map((s) => `sequenceDiagram\n${s}`)), (text) => {
        const result = parseMermaidSequence(text);
        if (!result.ok) {
          const lines = text.split(/\r\n|\r|\n/).length;
          expect(result.error.line).toBeGreaterThanOrEqual(1);
          expect(result.error.line).toBeLessThanOrEqual(lines);
          expect(result.error.expected.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('places every statement on the line of its span, and every text span on its text', () => {
    fc.assert(
      fc.property(diagramText, (text) => {
        const result = parseMermaidSequence(text);
        if (!result.ok) return;
        const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
        walkStatements(result.diagram.statements, (s) => {
          expect(s.line).toBe(lineAt(s.span.start));
          if (s.kind === 'message' || s.kind === 'note') expect(text.slice(s.text.span.start, s.text.span.end)).toBe(s.text.text);
          if (s.kind === 'participant') expect(text.slice(s.idSpan.start, s.idSpan.end)).toBe(s.id);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same diagram from Windows line endings', () => {
    fc.assert(
      fc.property(diagramText, (text) => {
        const unix = parseMermaidSequence(text);
        const windows = parseMermaidSequence(text.replace(/\n/g, '\r\n'));
        expect(windows.ok).toBe(unix.ok);
        if (unix.ok && windows.ok) expect(windows.diagram.participants).toEqual(unix.diagram.participants);
        if (!unix.ok && !windows.ok) expect(windows.error.line).toBe(unix.error.line);
      }),
      { numRuns: 200 },
    );
  });

  it('parses a participant id that can never end in linear time', () => {
    // Mermaid's own lexer backtracks exponentially here (seconds for 21 letters).
    const started = performance.now();
    const error = parseError(`sequenceDiagram\nparticipant ${'abcdefghij'.repeat(50)}:x\n`);
    expect(error.line).toBe(2);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
