// A metrics snapshot (src/core/metrics: mean/p50/p90 per priority) as the workspace keeps its figures:
// the headline value per metric, and the resolved tickets that the ROI multiplies by.
import { headline, PRIORITIES, type Figures as MetricFigures, type FiguresByPriority } from '../metrics';
import type { Figures, PriorityFigures } from './workspace-schema';

function one(f: MetricFigures): PriorityFigures {
  return {
    tickets: f.resolved,
    mttrHours: headline(f, 'mttrHours'),
    firstResponseHours: headline(f, 'firstResponseHours'),
    slaBreachRate: headline(f, 'slaBreachRate'),
    reEscalationRate: headline(f, 'reEscalationRate'),
  };
}

export function figuresFromMetrics(f: FiguresByPriority): Figures {
  const byPriority: Figures['byPriority'] = {};
  // A priority without tickets in the window has nothing to compare; leaving it out keeps the report short.
  for (const p of PRIORITIES) if (f.byPriority[p].tickets > 0) byPriority[p] = one(f.byPriority[p]);
  return { overall: one(f.all), byPriority };
}
