#!/usr/bin/env node
// Builds the portal into dist/web when it is missing or older than its sources, so `npm start`
// and `npm test` work on a fresh clone and after every change to web/, and skip the build otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = join(root, 'dist', 'web', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(newestMtime(join(root, 'web')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (existsSync(marker) && statSync(marker).mtimeMs >= sources) process.exit(0);

process.stderr.write('Building the portal (web/ → dist/web)…\n');
const t0 = Date.now();
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
if (result.status !== 0) {
  process.stderr.write('The portal build failed; see the messages above.\n');
  process.exit(result.status ?? 1);
}
process.stderr.write(`Portal built in ${((Date.now() - t0) / 1000).toFixed(1)} s.\n`);
