import { describe, it, expect } from 'vitest';
import { assessKri, kriSchema } from '../../../../src/core/advisor/risk/key-risk-indicator';

describe('assessKri', () => {
  it('is breached only past the threshold in the bad direction', () => {
    expect(assessKri({ name: 'Backlog', threshold: 40, breachWhen: 'above', current: 41 }).state).toBe('breached');
    expect(assessKri({ name: 'Backlog', threshold: 40, breachWhen: 'above', current: 40 }).state).toBe('within threshold');
    expect(assessKri({ name: 'Pass rate', threshold: 98, breachWhen: 'below', current: 97.5, unit: '%' })).toEqual({
      name: 'Pass rate',
      state: 'breached',
      threshold: 98,
      current: 97.5,
      explanation: 'Pass rate: 97.5% is below 98% – breached.',
    });
  });

  it('reads "not measured" without a current value and names its live metric', () => {
    const status = assessKri({ name: 'Breach rate', threshold: 20, breachWhen: 'above', unit: '%', binding: { source: 'escalation', metric: 'sla_breach_rate' } });
    expect(status.state).toBe('not measured');
    expect(status.current).toBeNull();
    expect(status.explanation).toBe('Breach rate: no current value yet (to be read from the escalation metric "sla_breach_rate"); breached when above 20%.');
  });

  it('validates direction and binding', () => {
    const result = kriSchema.safeParse({ name: 'x', threshold: 1, breachWhen: 'over', binding: { source: 'crm', metric: '' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['breachWhen', 'breachWhen must be "above" or "below"'],
      ['binding/source', 'binding.source must be "escalation" or "journey"'],
      ['binding/metric', 'binding.metric must name a metric'],
    ]);
  });
});
