import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/shared/error-codes';
import { requireTermMap, whiteLabelMermaid, whiteLabelPlain, whiteLabelText } from '../../../src/core/ows/white-label';

describe('white-label toolkit', () => {
  it('validates a term map or throws a validation error listing every problem by pointer', () => {
    expect(requireTermMap({ L1: 'Tier 1 Zendesk' }).entries).toHaveLength(1);
    let error: unknown;
    try {
      requireTermMap({ L1: '', Queue: 'A', queue: 'B' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('OW_VALIDATION');
    expect(appError.errors.map((e) => e.pointer)).toEqual(['/L1', '/queue']);
    expect(appError.message).toContain('/L1: The replacement for "L1" is empty');
  });

  it('white-labels plain strings such as checklist items and CSV cells', () => {
    const map = requireTermMap({ L1: 'Tier 1 Zendesk', 'Smart Router': 'AWS Lambda router' });
    expect(whiteLabelPlain('Train L1 on the Smart Router', map)).toEqual({ text: 'Train Tier 1 Zendesk on the AWS Lambda router', substitutions: 2 });
  });

  it('exposes the diagram and Markdown functions from one place', () => {
    const map = requireTermMap({ L1: 'Tier 1 Zendesk' });
    expect(whiteLabelMermaid('sequenceDiagram\nL1->>B: x\n', map).text).toBe('sequenceDiagram\nparticipant L1 as Tier 1 Zendesk\nL1->>B: x\n');
    expect(whiteLabelText('Ask L1.', map).text).toBe('Ask Tier 1 Zendesk.');
  });
});
