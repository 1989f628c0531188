// Tokens never reach the logs, whatever route they pass through.
import { describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { REDACT_PATHS } from '../../src/logger';
import { startServer } from '../../src/server/start';
import { api, seededDataDir } from '../helpers/server';

describe('logging', () => {
  it('logs requests as JSON at debug level without any token value', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const logger = pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    const dataDir = await seededDataDir();
    const admin = 'logging-admin-token-abcdef123456';
    const running = await startServer(loadConfig({ port: 0, dataDir }, { OW_ADMIN_TOKEN: admin }), logger);
    try {
      const server = { url: running.url };
      const created = await api(server, 'POST', '/api/tokens', { token: admin, body: { role: 'viewer' } });
      const secret = created.json.token as string;
      await api(server, 'POST', '/api/session', { body: { token: secret } });
      await api(server, 'POST', '/api/session', { body: { token: 'ow_wrong-token-value-xxxxxxxxxxxx' } });
      await api(server, 'GET', '/api/tokens', { token: secret });
      const all = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      expect(() => lines.map((l) => JSON.parse(l) as unknown)).not.toThrow();
      expect(all).toContain('"url":"/api/session"');
      for (const t of [admin, secret, 'ow_wrong-token-value-xxxxxxxxxxxx']) expect(all).not.toContain(t);
    } finally {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
