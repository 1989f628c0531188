import { describe, expect, it } from 'vitest';
import { hasRole, ROLES } from '../../../src/core/auth/roles';

describe('roles', () => {
  it('orders viewer < operator < admin', () => {
    expect(hasRole('admin', 'operator')).toBe(true);
    expect(hasRole('operator', 'operator')).toBe(true);
    expect(hasRole('viewer', 'operator')).toBe(false);
    expect(hasRole('operator', 'admin')).toBe(false);
    for (const r of ROLES) expect(hasRole(r, 'viewer')).toBe(true);
  });
});
