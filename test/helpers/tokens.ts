// API tokens for the roles a test acts as, created with the test server's seeded admin token.
import { api, type TestServer } from './server';

export type TokenRole = 'viewer' | 'operator' | 'admin';

/** Creates a token and returns its secret; a refusal fails at once with the server's answer. */
export async function createToken(server: TestServer, role: TokenRole, name?: string): Promise<string> {
  const created = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role, ...(name !== undefined ? { name } : {}) } });
  if (created.status !== 201 || typeof created.json?.token !== 'string') {
    throw new Error(`creating a ${role} token answered ${created.status}: ${created.text}`);
  }
  return created.json.token;
}
