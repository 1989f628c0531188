import { describe, it, expect } from 'vitest';
import { metricBindingSchema } from '../../../../src/core/advisor/kpi/metric-binding';

describe('metricBindingSchema', () => {
  it('names a metric of the escalation runtime or the journey engine', () => {
    expect(metricBindingSchema.parse({ source: 'journey', metric: ' rollback_rate ' })).toEqual({ source: 'journey', metric: 'rollback_rate' });
    const result = metricBindingSchema.safeParse({ source: 'crm', metric: '' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['binding.source must be "escalation" or "journey"', 'binding.metric must name a metric']);
  });
});
