// Test helper: runs Mermaid 11's own parser under Node and reduces both its result and ours to
// the same plain shape (actors, signal list, title, boxes), so the two can be compared.
//
// Mermaid needs two browser pieces even just to parse: DOMPurify hooks (title and box text go
// through its sanitizer) and `window.CSS` (box colours). Stubs stand in for both; they only
// affect sanitising and colour checks, never what the grammar accepts.
import DOMPurify from 'dompurify';
import type { MermaidStatement, SequenceDiagram } from '../../../src/core/ows/mermaid-parser';
import { isCssColor } from '../../../src/core/ows/mermaid-css-colors';

export interface Reduced {
  actors: string[];
  signals: string[];
  title: string;
  accTitle: string;
  accDescr: string;
  boxes: string[];
}

interface SequenceDb {
  getActors(): Map<string, { description: string; type: string }>;
  getMessages(): Array<{ type?: number; from?: string; to?: string; message: unknown; placement?: number }>;
  getDiagramTitle(): string;
  getAccTitle(): string;
  getAccDescription(): string;
  getBoxes(): Array<{ name?: string; actorKeys: string[] }>;
}

interface MermaidLike {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: unknown }> };
}

let loaded: MermaidLike | undefined;

async function loadMermaid(): Promise<MermaidLike> {
  if (loaded) return loaded;
  const purify = DOMPurify as unknown as Record<string, unknown>;
  purify.addHook = () => undefined;
  purify.removeHook = () => undefined;
  purify.removeAllHooks = () => undefined;
  purify.sanitize = (s: unknown) => String(s);
  (globalThis as { window?: unknown }).window = { CSS: { supports: (_p: string, value: string) => isCssColor(value) } };
  const mod = (await import('mermaid')) as unknown as { default: MermaidLike };
  loaded = mod.default;
  return loaded;
}

// Mermaid shields `#59;`-style entity codes behind placeholder characters; put them back.
function decodePlaceholders(text: string): string {
  return text.replace(/\uFB02\u00B0\u00B0(\w+)\u00B6\u00DF/g, '#$1;').replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, '#$1;');
}

function signalText(message: unknown): string {
  if (typeof message === 'string') return decodePlaceholders(message);
  if (message && typeof message === 'object') {
    const m = message as { start?: number; step?: number; visible?: boolean };
    return `autonumber ${m.visible ? 'on' : 'off'}${m.start === undefined ? '' : ` ${m.start}/${m.step}`}`;
  }
  return '';
}

/** What Mermaid makes of the text, or its error message. */
export async function mermaidReduce(text: string): Promise<{ ok: true; reduced: Reduced } | { ok: false; message: string }> {
  const mermaid = await loadMermaid();
  try {
    await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    const d = db as SequenceDb;
    return {
      ok: true,
      reduced: {
        actors: [...d.getActors().entries()].map(([id, a]) => `${id}|${decodePlaceholders(a.description)}|${a.type}`),
        signals: d.getMessages().map((m) => `${m.type}|${m.from ?? ''}|${m.to ?? ''}|${signalText(m.message)}`),
        title: decodePlaceholders(d.getDiagramTitle() ?? '').trim(),
        accTitle: decodePlaceholders(d.getAccTitle() ?? '').trim(),
        accDescr: decodePlaceholders(d.getAccDescription() ?? '').trim(),
        // A re-declared member is listed again by Mermaid; the set of members is what matters.
        boxes: d.getBoxes().map((b) => `${b.name === undefined ? '' : decodePlaceholders(b.name)}:${[...new Set(b.actorKeys)].join(',')}`),
      },
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const ARROW_CODE: Record<string, number> = { '->>': 0, '-->>': 1, '-x': 3, '--x': 4, '->': 5, '-->': 6, '-)': 24, '--)': 25, '<<->>': 33, '<<-->>': 34 };
const START_CODE: Record<string, number> = { loop: 10, alt: 12, opt: 15, par: 19, rect: 22, critical: 27, break: 30, par_over: 32 };
const END_CODE: Record<string, number> = { loop: 11, alt: 14, opt: 16, par: 21, rect: 23, critical: 29, break: 31, par_over: 21 };
const SPLIT_CODE: Record<string, number> = { else: 13, and: 20, option: 28 };

/** Our syntax tree reduced to the same shape. */
export function reduceOurs(diagram: SequenceDiagram): Reduced {
  const signals: string[] = [];
  const texts = { title: '', accTitle: '', accDescr: '' };
  const boxes: string[] = [];
  const walk = (statements: readonly MermaidStatement[]): void => {
    for (const s of statements) {
      switch (s.kind) {
        case 'message':
          signals.push(`${ARROW_CODE[s.arrow]}|${s.from}|${s.to}|${s.text.text}`);
          if (s.activation === 'activate') signals.push(`17|${s.to}||`);
          if (s.activation === 'deactivate') signals.push(`18|${s.from}||`);
          break;
        case 'note':
          signals.push(`2|${s.actors[0]}|${s.actors[1] ?? s.actors[0]}|${s.text.text}`);
          break;
        case 'activation':
          signals.push(`${s.action === 'activate' ? 17 : 18}|${s.id}||`);
          break;
        case 'autonumber':
          signals.push(`26|||autonumber ${s.visible ? 'on' : 'off'}${s.start === undefined ? '' : ` ${s.start}/${s.step}`}`);
          break;
        case 'title':
        case 'accTitle':
        case 'accDescr':
          texts[s.kind] = s.text.text;
          break;
        case 'block':
          s.sections.forEach((section, i) => {
            const code = i === 0 ? START_CODE[s.type] : SPLIT_CODE[section.keyword];
            signals.push(`${code}|||${section.label.text}`);
            walk(section.statements);
          });
          signals.push(`${END_CODE[s.type]}|||`);
          break;
        case 'box':
          boxes.push(`${s.title?.text ?? ''}:${s.members.filter((m) => m.kind === 'participant').map((m) => m.id).filter((id, i, all) => all.indexOf(id) === i).join(',')}`);
          break;
        default:
          break;
      }
    }
  };
  walk(diagram.statements);
  return {
    actors: diagram.participants.map((p) => `${p.id}|${p.label}|${p.type}`),
    signals,
    ...texts,
    boxes,
  };
}

/**
 * Mermaid's lexer backtracks exponentially on a declared participant id that never reaches a
 * valid end (`participant abcdefghijklmnopqrstu:v` takes seconds, each extra letter doubles it).
 * Such texts are left out of comparisons; our parser answers them in linear time.
 */
export function mermaidMayHang(text: string): boolean {
  return text.split('\n').some((line) => {
    const m = /^\s*(?:create\s+)?(?:participant|actor|destroy|activate|deactivate)\b(.*)$/i.exec(line);
    if (!m) return false;
    const id = (m[1] ?? '').split(/\s+as\s/i)[0] ?? '';
    return id.length > 12 && /[<>:,@=-]/.test(id);
  });
}
