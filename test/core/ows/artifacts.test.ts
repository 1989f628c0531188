import { describe, it, expect } from 'vitest';
import { renderArtifacts } from '../../../src/core/ows/artifacts';
import { generateArticle } from '../../../src/core/ows/article';
import { generateDiagrams } from '../../../src/core/ows/mermaid-generator';
import { flagship } from './pattern-fixtures';

const BASE = 'https://ow.example';

describe('pattern artifacts', () => {
  it('renders every file a pattern publishes, the SOW only when rates are given', () => {
    expect(Object.keys(renderArtifacts(flagship(), { baseUrl: BASE }))).toEqual([
      'ARTICLE.md',
      'as-is.mmd',
      'orchestrated.mmd',
      'checklist.md',
      'checklist.csv',
      'checklist.json',
      'scorecard.json',
    ]);
    const withSow = renderArtifacts(flagship(), { baseUrl: BASE, sow: { dayRate: 1200, fteCount: 2 } });
    expect(withSow['sow.md']).toMatch(/^# Statement of work: /);
    expect(withSow['sow.csv']?.split('\n')[0]).toBe('Item,Deliverable,Owner,Effort (person-weeks),Person-days incl. buffer,Duration (weeks),Price,Currency');
  });

  it('matches the individual generators and is deterministic', () => {
    const files = renderArtifacts(flagship(), { baseUrl: BASE });
    const [asIs, orchestrated] = generateDiagrams(flagship());
    expect(files['as-is.mmd']).toBe(asIs.text);
    expect(files['orchestrated.mmd']).toBe(orchestrated.text);
    expect(files['ARTICLE.md']).toBe(generateArticle(flagship(), { baseUrl: BASE }));
    expect(renderArtifacts(structuredClone(flagship()), { baseUrl: BASE })).toEqual(files);
    const scorecard = JSON.parse(files['scorecard.json'] ?? '{}') as { totalScore: number; passed: boolean; diagramSize: { passesBudget: boolean } };
    expect([scorecard.totalScore, scorecard.passed, scorecard.diagramSize.passesBudget]).toEqual([40, true, true]);
  });
});
