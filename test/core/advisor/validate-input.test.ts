import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src/core/shared/error-codes';
import { invalidInput, parseInput } from '../../../src/core/advisor/validate-input';

describe('parseInput', () => {
  const schema = z.object({ name: z.string().min(1, 'name is empty'), size: z.number().int('size must be whole') });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { name: 'x', size: 2 }, 'The thing')).toEqual({ name: 'x', size: 2 });
  });

  it('throws one validation error listing every field with its pointer', () => {
    try {
      parseInput(schema, { name: '', size: 1.5 }, 'The thing');
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.code).toBe('OW_VALIDATION');
      expect(e.errors).toEqual([{ pointer: '/name', message: 'name is empty' }, { pointer: '/size', message: 'size must be whole' }]);
      expect(e.message).toBe('The thing is not valid (2 problems):\n/name: name is empty\n/size: size must be whole');
    }
  });

  it('counts a single problem in the singular', () => {
    expect(invalidInput('The CSV', [{ line: 3, message: 'bad' }]).message).toBe('The CSV is not valid (1 problem):\nline 3: bad');
  });
});
