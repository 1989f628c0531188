// Starts the render pool's worker from TypeScript sources: a worker thread has no TypeScript loader
// of its own (not under `ow`, `tsx` or vitest), so it registers tsx's before importing the entry.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
