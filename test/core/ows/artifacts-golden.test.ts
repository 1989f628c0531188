// Every artifact of every catalog pattern, rendered now, hashes to what the fixture recorded: speed
// work on the generators, the budget lint and the formatters cannot change a byte unnoticed.
import { describe, expect, it } from 'vitest';
import { computeGolden, readGolden } from './artifact-golden';

describe('artifact golden hashes over the catalog', () => {
  const golden = readGolden();
  const now = computeGolden();

  it('covers the same catalog, unchanged since the fixture was written', () => {
    expect(Object.keys(now)).toEqual(Object.keys(golden));
    for (const [slug, entry] of Object.entries(now)) {
      // A changed catalog file needs a deliberate regeneration (see artifact-golden.ts).
      expect(entry.source, `${slug}: catalog file changed since the golden hashes were written`).toBe(golden[slug]?.source);
    }
  });

  it('renders byte-identical artifacts and white-label results', () => {
    let compared = 0;
    for (const [slug, entry] of Object.entries(now)) {
      expect(entry.files, slug).toEqual(golden[slug]?.files);
      compared += Object.keys(entry.files).length;
    }
    // 24+ patterns × (4 option sets × 7–9 files + 3 white-label results).
    expect(compared).toBeGreaterThan(24 * 30);
  });
});
