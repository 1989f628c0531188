import { describe, it, expect } from 'vitest';
import { HQO_PASS_RULE, STANDARD_RUBRIC } from '../../../src/core/ows/hqo-rubric';
import { HQO_DIMENSION_IDS } from '../../../src/core/ows/ows-document';
import { flagship } from './pattern-fixtures';

describe('HQO rubric', () => {
  it('defines each of the eight OWS dimensions once', () => {
    expect(STANDARD_RUBRIC.map((d) => d.id)).toEqual([...HQO_DIMENSION_IDS]);
  });

  it('carries the pass rule of DESIGN.md', () => {
    expect(HQO_PASS_RULE).toEqual({ minDimensionScore: 3, minTotalScore: 30, maxDimensionScore: 5, maxTotalScore: 40 });
    expect(HQO_PASS_RULE.maxTotalScore).toBe(HQO_DIMENSION_IDS.length * HQO_PASS_RULE.maxDimensionScore);
  });

  it('is the rubric the flagship ships, so catalog authors can copy either', () => {
    expect(flagship().ows.orchestrationQuality.rubric.dimensions).toEqual(STANDARD_RUBRIC);
  });
});
