import { describe, it, expect } from 'vitest';
import { valueStreamSchema } from '../../../../src/core/advisor/process/process-steps';

describe('valueStreamSchema', () => {
  it('fills defaults for optional step fields and stream settings', () => {
    const stream = valueStreamSchema.parse({ steps: [{ name: 'Triage', processTime: 5, waitTime: 10, volume: 3 }] });
    expect(stream).toMatchObject({ name: 'the process', timeUnit: 'minutes', period: 'day', unitName: 'units' });
    expect(stream.steps[0]).toEqual({ name: 'Triage', processTime: 5, waitTime: 10, volume: 3, people: 1, valueAdding: true, defectRate: 0, handoff: false });
  });

  it('rejects each bad field with a message of its own', () => {
    const result = valueStreamSchema.safeParse({
      availableTime: 0,
      steps: [{ name: '', processTime: -1, waitTime: 'long', volume: 1, people: 0, defectRate: 2 }],
    });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('/'), i.message]));
    expect(byPath).toEqual({
      availableTime: 'availableTime must be greater than 0',
      'steps/0/name': 'a step needs a name',
      'steps/0/processTime': 'processTime must not be negative',
      'steps/0/waitTime': 'waitTime must be a number',
      'steps/0/people': 'a step needs at least 1 person',
      'steps/0/defectRate': 'defectRate is a share between 0 and 1',
    });
  });
});
