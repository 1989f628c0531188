// The render pool's worker thread: renders each chunk of patterns it is handed with the same pure
// per-pattern function as the single-threaded path, and posts the files back in the chunk's order.
import { parentPort } from 'node:worker_threads';
import { renderArtifacts, type ArtifactOptions } from '../core/ows/artifacts';
import type { Pattern } from '../core/ows/schema';

export interface RenderChunk {
  id: number;
  patterns: Pattern[];
  options: ArtifactOptions;
}

export type ChunkResult = { id: number; files: Array<Record<string, string>> } | { id: number; error: string };

if (!parentPort) throw new Error('render-worker runs as a worker thread of the render pool');
const port = parentPort;
port.on('message', (chunk: RenderChunk) => {
  try {
    port.postMessage({ id: chunk.id, files: chunk.patterns.map((p) => renderArtifacts(p, chunk.options)) } satisfies ChunkResult);
  } catch (e) {
    port.postMessage({ id: chunk.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ChunkResult);
  }
});
port.postMessage({ ready: true });
