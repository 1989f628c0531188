// Test helper: fast-check generators of Mermaid sequence diagram text, from well-formed diagrams
// in varied layouts to the same diagrams with random edits, for comparing parsers.
import fc from 'fast-check';

const IDS = ['A', 'Bob', 'L1', 'Smart Router', 'my-svc', 'Queue', 'X_1', 'Zendesk', 'end2', 'Agent 7'];
const ARROWS = ['->>', '-->>', '->', '-->', '-x', '--x', '-)', '--)', '<<->>', '<<-->>'];

const word = fc.constantFrom('ticket', 'SLA', 'breach', 'queue', 'Route', 'L2', 'assign', '42', 'ok!', '(retry)', 'a/b', "it's", '"q"', '✅', '🎯', '#59;', '50%', 'x', 'time:', 'wrap:', '<br>', '&', 'end');
const text = fc.array(word, { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
const id = fc.constantFrom(...IDS);
const indent = fc.constantFrom('', '  ', '    ', '\t');
const kw = (k: string) => fc.constantFrom(k, k.toUpperCase(), k[0]?.toUpperCase() + k.slice(1));

type Gen = fc.Arbitrary<string[]>;

const participant: Gen = fc
  .tuple(fc.constantFrom('participant', 'actor'), id, fc.option(text, { nil: undefined }), fc.boolean())
  .map(([k, i, alias, create]) => [`${create ? 'create ' : ''}${k} ${i}${alias === undefined ? '' : ` as ${alias}`}`]);
const message: Gen = fc
  .tuple(id, fc.constantFrom(...ARROWS), fc.constantFrom('', '', '', '+', '-'), id, text, fc.constantFrom('', ' '))
  .map(([a, arrow, act, b, t, sp]) => [`${a}${sp}${arrow}${act}${sp}${b}${sp}:${t ? ' ' + t : ''}`]);
const note: Gen = fc
  .tuple(kw('note'), fc.constantFrom('left of', 'right of', 'over'), id, fc.option(id, { nil: undefined }), text)
  .map(([n, p, a, b, t]) => [`${n} ${p} ${a}${p === 'over' && b ? `,${b}` : ''}: ${t}`]);
const misc: Gen = fc.oneof(
  fc.tuple(fc.constantFrom('activate', 'deactivate'), id).map(([k, i]) => [`${k} ${i}`]),
  fc.constantFrom('autonumber', 'autonumber 5', 'autonumber 10 2', 'autonumber off').map((l) => [l]),
  text.map((t) => [`title ${t || 'T'}`]),
  text.map((t) => [`accTitle: ${t}`]),
  fc.constantFrom('%% a comment', '# hash comment', '', 'destroy Bob').map((l) => [l]),
);

const leaf: Gen = fc.oneof({ weight: 5, arbitrary: message }, { weight: 2, arbitrary: participant }, { weight: 2, arbitrary: note }, { weight: 1, arbitrary: misc });

const { statements } = fc.letrec<{ statements: string[]; block: string[] }>((tie) => ({
  statements: fc
    .array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('block')), { maxLength: 6 })
    .map((parts) => parts.flat()),
  block: fc
    .tuple(
      fc.constantFrom('loop', 'opt', 'alt', 'par', 'critical', 'break', 'rect', 'par_over'),
      text,
      tie('statements'),
      fc.array(fc.tuple(text, tie('statements')), { maxLength: 2 }),
    )
    .map(([type, label, body, more]) => {
      const splitter = type === 'alt' ? 'else' : type === 'par' || type === 'par_over' ? 'and' : type === 'critical' ? 'option' : undefined;
      const head = type === 'rect' ? 'rect rgb(200, 220, 240)' : `${type} ${label}`;
      const sections = splitter ? more.flatMap(([l, s]) => [`${splitter} ${l}`, ...s]) : [];
      return [head, ...body, ...sections, 'end'];
    }),
}));

const box: Gen = fc
  .tuple(fc.constantFrom('Aqua', 'rgb(1,2,3)', '', 'Team'), text, fc.array(participant, { minLength: 1, maxLength: 3 }))
  .map(([colour, title, members]) => [`box ${colour} ${title}`.trimEnd(), ...members.flat().map((m) => m.replace(/^create /, '')), 'end']);

/** Well-formed-looking diagrams (some still break Mermaid's rules, e.g. deactivating twice). */
export const diagramText: fc.Arbitrary<string> = fc
  .tuple(fc.option(box, { nil: undefined }), statements, fc.array(indent, { minLength: 40, maxLength: 40 }), fc.boolean())
  .map(([b, body, indents, semicolons]) => {
    const lines = [...(b ?? []), ...body];
    const laid = lines.map((l, i) => `${indents[i % indents.length]}${l}`);
    const joined = semicolons ? laid.map((l, i) => (i % 3 === 1 && !l.includes('#') && !l.startsWith('%') && !/^\s*(title|accTitle)/i.test(l) ? `${l};` : `${l}\n`)).join('') : laid.join('\n');
    return `sequenceDiagram\n${joined}\n`;
  });

const EDIT_CHARS = ['-', '>', '<', ':', ';', ',', '#', '%', '+', 'x', ')', '\n', ' ', 'end', 'as', '@{', '}', 'Note over A', 'alt'];

/** The same diagrams after a few random insertions and deletions. */
export const mutatedDiagramText: fc.Arbitrary<string> = fc
  .tuple(diagramText, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...EDIT_CHARS)), { minLength: 1, maxLength: 4 }))
  .map(([source, edits]) => {
    let s = source;
    for (const [at, del, ins] of edits) {
      const i = 'sequenceDiagram\n'.length + (at % Math.max(1, s.length - 'sequenceDiagram\n'.length));
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });
