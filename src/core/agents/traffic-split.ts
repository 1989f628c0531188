// Which version runs one attempt of a task: a pure function of the task id and the attempt number,
// so the same attempt always lands on the same side and a retried task's version can be explained.
import { candidateShare, type DeploymentState } from './agent-schemas';

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so nearby ids spread evenly. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The attempt's bucket in [0, 10000): basis points, so shares like 0.5 % are exact. */
export function bucketOf(taskId: string, attempt: number): number {
  return hash32(`${taskId}#${attempt}`) % 10_000;
}

export interface RouteChoice {
  version: number;
  lane: 'stable' | 'candidate';
  bucket: number;
  /** The candidate's share (percent) the choice was made under. */
  share: number;
}

/** The version for this attempt, or null when nothing is deployed. */
export function chooseVersion(d: DeploymentState, taskId: string, attempt: number): RouteChoice | null {
  const share = candidateShare(d);
  const bucket = bucketOf(taskId, attempt);
  if (d.candidate !== null && bucket < Math.round(share * 100)) return { version: d.candidate, lane: 'candidate', bucket, share };
  if (d.stable === null) return null;
  return { version: d.stable, lane: 'stable', bucket, share };
}
