import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from '../../src/store/data-dir-lock';

const now = () => new Date('2026-01-01T00:00:00Z');

describe('data directory lock', () => {
  it('gives a second owner a clear message naming the first and how to reach it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ow-lock-'));
    const first = await lockDataDir(dir, 'serve', now);
    await first.setUrl('http://127.0.0.1:4400');
    await expect(lockDataDir(dir, 'token', now)).rejects.toThrow(
      new RegExp(`in use by process ${process.pid} \\(ow serve at http://127.0.0.1:4400.*--server http://127.0.0.1:4400`),
    );
    await first.release();
    const second = await lockDataDir(dir, 'token', now);
    await second.release();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a data directory that cannot be created or written', async () => {
    const base = await mkdtemp(join(tmpdir(), 'ow-lock-'));
    const file = join(base, 'a-file');
    await writeFile(file, 'x');
    await expect(lockDataDir(join(file, 'data'), 'serve', now)).rejects.toThrow(/data directory .* is not writable \((ENOTDIR|EEXIST)\)/);
    await rm(base, { recursive: true, force: true });
  });
});
