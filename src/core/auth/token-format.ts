// The shape of API tokens: `ow_` + 43 base64url characters (32 random bytes). The prefix makes
// leaked tokens easy to spot by secret scanners; only a SHA-256 hash is stored.
import { z } from 'zod';

export const TOKEN_PATTERN = /^ow_[A-Za-z0-9_-]{20,200}$/;

export const tokenNameSchema = z.string().trim().min(1, 'a token name cannot be empty').max(80, 'a token name is at most 80 characters');

/** The first characters shown in lists so a person can tell tokens apart without seeing them. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 10);
}

/** Bootstrap tokens from OW_ADMIN_TOKEN may be any reasonably long secret, not only our format. */
export const bootstrapTokenSchema = z.string().min(16, 'OW_ADMIN_TOKEN must be at least 16 characters').max(512).regex(/^\S+$/, 'OW_ADMIN_TOKEN cannot contain spaces');
