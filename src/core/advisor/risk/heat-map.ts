// The 5×5 probability × impact matrix: how many risks sit in each cell, and which, with the
// level each cell's score falls into.
import { riskLevel, type RiskLevel } from './risk-level';

export interface HeatCell {
  probability: number;
  impact: number;
  score: number;
  level: RiskLevel;
  count: number;
  ids: string[];
}

export interface HeatMap {
  /** matrix[impact - 1][probability - 1]. */
  matrix: HeatCell[][];
  /** The same cells as display rows: impact 5 at the top, probability 1 → 5 left to right. */
  rows: HeatCell[][];
}

export function buildHeatMap(risks: ReadonlyArray<{ id: string; probability: number; impact: number }>): HeatMap {
  const matrix = Array.from({ length: 5 }, (_, i) =>
    Array.from({ length: 5 }, (_, p): HeatCell => {
      const impact = i + 1;
      const probability = p + 1;
      const ids = risks.filter((r) => r.impact === impact && r.probability === probability).map((r) => r.id);
      return { probability, impact, score: probability * impact, level: riskLevel(probability * impact), count: ids.length, ids };
    }),
  );
  return { matrix, rows: [...matrix].reverse() };
}
