// The portal's role order must be the server's, or guards would hide or show the wrong things.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasRole, roleAbilities } from '../../../web/src/session/roles';
import { roles } from '../../../web/src/api/types';
import { hasRole as serverHasRole } from '../../../src/core/auth/roles';

describe('roles in the portal', () => {
  it('orders viewer < operator < admin', () => {
    expect(hasRole('admin', 'viewer')).toBe(true);
    expect(hasRole('operator', 'operator')).toBe(true);
    expect(hasRole('viewer', 'operator')).toBe(false);
    expect(hasRole('operator', 'admin')).toBe(false);
  });

  it('agrees with the server for every pair of roles', () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.constantFrom(...roles), (actual, required) => {
        expect(hasRole(actual, required)).toBe(serverHasRole(actual, required));
      }),
    );
  });

  it('describes what every role may do', () => {
    for (const role of roles) expect(roleAbilities[role].length).toBeGreaterThan(10);
  });
});
