import { describe, expect, it } from 'vitest';
import { invokedCommand } from '../../src/cli/invoked-command';

describe('invokedCommand', () => {
  it('finds the first word that is neither an option nor the value of a global option', () => {
    expect(invokedCommand(['ticket', 'show', 'T-1'])).toBe('ticket');
    expect(invokedCommand(['--json', 'journey', 'list'])).toBe('journey');
    expect(invokedCommand(['--server', 'http://x', '--token', 'ow_t', 'token', 'list'])).toBe('token');
    expect(invokedCommand(['--data-dir', 'serve', 'migrate'])).toBe('migrate');
    expect(invokedCommand(['--database-url', 'postgres://x', 'worker'])).toBe('worker');
  });

  it('names no command for help, version or an empty line', () => {
    expect(invokedCommand([])).toBeUndefined();
    expect(invokedCommand(['--help'])).toBeUndefined();
    expect(invokedCommand(['--server', 'http://x'])).toBeUndefined();
  });
});
