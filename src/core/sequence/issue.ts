// A finding about a sequence: an error means the definition contradicts itself or the schema,
// a warning that it renders but something is off.

export type SequenceIssue = { severity: 'error' | 'warning'; pointer: string; message: string };

export const error = (pointer: string, message: string): SequenceIssue => ({ severity: 'error', pointer, message });
export const warning = (pointer: string, message: string): SequenceIssue => ({ severity: 'warning', pointer, message });
