// A PGlite data directory belongs to one process at a time: a second process gets a clear
// message naming the owner (and its URL when it is a server), never a corrupted store.
import lockfile from 'proper-lockfile';
import { access, constants, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreOpenError } from './db';

export interface DataDirOwner {
  pid: number;
  command: string;
  url?: string;
  since: string;
}

const OWNER_FILE = 'owner.json';

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK | constants.R_OK | constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new StoreOpenError(`The data directory ${dir} is not writable (${code}). Choose another with --data-dir or OW_DATA_DIR.`);
  }
}

export async function readOwner(dir: string): Promise<DataDirOwner | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  setUrl(url: string): Promise<void>;
  release(): Promise<void>;
}

export async function lockDataDir(dir: string, command: string, now: () => Date): Promise<DataDirLock> {
  await ensureWritableDir(dir);
  let releaseLock: () => Promise<void>;
  try {
    // The lock is refreshed every few seconds; a crashed owner's lock turns stale and is taken over.
    releaseLock = await lockfile.lock(dir, { lockfilePath: join(dir, 'ow.lock'), stale: 15_000, update: 5_000, retries: 0, realpath: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      const owner = await readOwner(dir);
      const who = owner ? `process ${owner.pid} (ow ${owner.command}${owner.url ? ` at ${owner.url}` : ''}, since ${owner.since})` : 'another process';
      const hint = owner?.url ? ` Use --server ${owner.url} (or OW_SERVER) to talk to it, or stop it first.` : ' Stop it first, or use a PostgreSQL DATABASE_URL for several processes.';
      throw new StoreOpenError(`The data directory ${dir} is in use by ${who}; an embedded store is used by one process at a time.${hint}`);
    }
    throw new StoreOpenError(`Cannot lock the data directory ${dir}: ${(err as Error).message}`);
  }
  const owner: DataDirOwner = { pid: process.pid, command, since: now().toISOString() };
  await writeFile(join(dir, OWNER_FILE), JSON.stringify(owner));
  return {
    async setUrl(url: string) {
      owner.url = url;
      await writeFile(join(dir, OWNER_FILE), JSON.stringify(owner));
    },
    async release() {
      await rm(join(dir, OWNER_FILE), { force: true });
      await releaseLock().catch(() => undefined);
    },
  };
}
