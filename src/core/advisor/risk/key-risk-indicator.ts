// Key risk indicators: a measured value with a threshold that says when a risk is turning
// into an issue. A KRI may name a live metric for the engine to fill in later.
import { z } from 'zod';
import { fmt } from '../format-number';
import { metricBindingSchema } from '../kpi/metric-binding';

export const kriSchema = z.object({
  name: z.string().trim().min(1, 'a key risk indicator needs a name'),
  unit: z.string().trim().min(1).optional(),
  threshold: z.number({ error: 'threshold must be a number' }).finite(),
  /** Whether crossing the threshold upwards or downwards is the bad direction. */
  breachWhen: z.enum(['above', 'below'], { error: 'breachWhen must be "above" or "below"' }),
  current: z.number().finite().optional(),
  binding: metricBindingSchema.optional(),
});

export type KeyRiskIndicator = z.infer<typeof kriSchema>;

export type KriState = 'breached' | 'within threshold' | 'not measured';

export interface KriStatus {
  name: string;
  state: KriState;
  threshold: number;
  current: number | null;
  explanation: string;
}

export function assessKri(kri: KeyRiskIndicator): KriStatus {
  const unit = kri.unit === undefined ? '' : kri.unit === '%' ? '%' : ` ${kri.unit}`;
  const limit = `${kri.breachWhen} ${fmt(kri.threshold)}${unit}`;
  if (kri.current === undefined) {
    const source = kri.binding ? ` (to be read from the ${kri.binding.source} metric "${kri.binding.metric}")` : '';
    return { name: kri.name, state: 'not measured', threshold: kri.threshold, current: null, explanation: `${kri.name}: no current value yet${source}; breached when ${limit}.` };
  }
  const breached = kri.breachWhen === 'above' ? kri.current > kri.threshold : kri.current < kri.threshold;
  return {
    name: kri.name,
    state: breached ? 'breached' : 'within threshold',
    threshold: kri.threshold,
    current: kri.current,
    explanation: `${kri.name}: ${fmt(kri.current)}${unit} ${breached ? 'is' : 'is not'} ${limit}${breached ? ' – breached' : ''}.`,
  };
}
