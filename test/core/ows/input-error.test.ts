import { describe, it, expect } from 'vitest';
import { invalidInput } from '../../../src/core/ows/input-error';
import { AppError } from '../../../src/core/shared/error-codes';

describe('invalid input', () => {
  it('becomes a validation AppError listing every problem with its pointer', () => {
    const error = invalidInput('statement of work options', [
      { pointer: '/dayRate', message: 'must be greater than 0' },
      { pointer: '', message: 'expected object' },
    ]);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('OW_VALIDATION');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid statement of work options:\n/dayRate: must be greater than 0\n/: expected object');
    expect(error.errors).toHaveLength(2);
  });
});
