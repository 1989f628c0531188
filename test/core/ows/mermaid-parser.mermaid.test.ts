// Differential test: our parser against Mermaid 11's own, run under Node. Both must accept and
// reject the same texts, and agree on actors, labels, the signal sequence, title and boxes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMermaidSequence } from '../../../src/core/ows/mermaid-parser';
import { diagramText, mutatedDiagramText } from './mermaid-arbitraries';
import { EDGE_CASES, REFERENCE_DIAGRAMS } from './mermaid-corpus';
import { mermaidMayHang, mermaidReduce, reduceOurs } from './mermaid-oracle';

async function agree(text: string): Promise<void> {
  const ours = parseMermaidSequence(text);
  const theirs = await mermaidReduce(text);
  const context = `${JSON.stringify(text)}\nours: ${ours.ok ? 'ok' : JSON.stringify(ours.error)}\nmermaid: ${theirs.ok ? 'ok' : theirs.message}`;
  expect(ours.ok, context).toBe(theirs.ok);
  if (ours.ok && theirs.ok) expect(reduceOurs(ours.diagram), context).toEqual(theirs.reduced);
}

describe('our parser agrees with mermaid.parse', () => {
  it('on the reference sequence diagrams', async () => {
    expect(REFERENCE_DIAGRAMS.length).toBeGreaterThan(5);
    for (const text of REFERENCE_DIAGRAMS) await agree(text);
  });

  it.each(Object.entries(EDGE_CASES))('on the edge case %s', async (_name, text) => {
    await agree(text);
  });

  it('on generated diagrams in varied layouts', async () => {
    await fc.assert(
      fc.asyncProperty(diagramText, async (text) => {
        fc.pre(!mermaidMayHang(text));
        await agree(text);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('on generated diagrams after random edits', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDiagramText, async (text) => {
        fc.pre(!mermaidMayHang(text));
        await agree(text);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('accepts some and rejects some of the corpus, so agreement is not vacuous', async () => {
    const verdicts = Object.values(EDGE_CASES).map((t) => parseMermaidSequence(t).ok);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(30);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(20);
  });
});
