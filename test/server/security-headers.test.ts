// The security headers built once at start-up are exactly those @fastify/helmet set with the same options
// (it built helmet's middleware on every request), on routes, on 404s and on errors.
import Fastify from 'fastify';
import helmetPlugin from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, SECURITY_HEADER_OPTIONS } from '../../src/server/security-headers';
import type { App } from '../../src/server/types';

async function headersOf(register: (app: App) => Promise<void> | void): Promise<Array<Record<string, unknown>>> {
  const app = Fastify() as unknown as App;
  await register(app);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/boom', async () => {
    throw new Error('boom');
  });
  const out: Array<Record<string, unknown>> = [];
  for (const url of ['/ok', '/missing', '/boom']) {
    const res = await app.inject({ method: 'GET', url });
    const { date: _date, 'content-length': _length, ...rest } = res.headers;
    out.push({ status: res.statusCode, ...rest });
  }
  await app.close();
  return out;
}

describe('security headers', () => {
  it('are the headers @fastify/helmet sets with the same options', async () => {
    const ours = await headersOf((app) => registerSecurityHeaders(app));
    const plugin = await headersOf(async (app) => {
      await app.register(helmetPlugin, SECURITY_HEADER_OPTIONS);
    });
    expect(ours).toEqual(plugin);
    expect(ours[0]).toMatchObject({ status: 200, 'x-frame-options': 'SAMEORIGIN', 'x-content-type-options': 'nosniff' });
    expect(String(ours[1]!['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(ours[1]!['strict-transport-security']).toBeUndefined();
  });
});
