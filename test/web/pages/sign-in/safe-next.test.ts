// Post-sign-in redirects stay inside the portal.
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../../web/src/pages/sign-in/safe-next';

describe('safeNextPath', () => {
  it('allows paths inside the portal', () => {
    expect(safeNextPath('/admin')).toBe('/admin');
    expect(safeNextPath('/operations?actor=dana')).toBe('/operations?actor=dana');
  });

  it('refuses other sites, protocol-relative and backslash tricks, and sign-in loops', () => {
    for (const next of [null, 'https://evil.example', '//evil.example/x', '/\\evil.example', 'admin', '/sign-in', '/sign-in?next=/x']) {
      expect(safeNextPath(next)).toBeNull();
    }
  });
});
