// Where a CLI command gets its data: a running server when one is given (--server / OW_SERVER),
// otherwise the store opened directly (PGlite data directory or DATABASE_URL).
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { loadConfig } from '../config';
import { systemClock } from '../engine/clock';
import type { Runtime } from '../engine/runtime';
import type { Principal } from '../engine/token-service';
import type { RemoteTarget } from './api-client';
import { createOut, type Out } from './output';

export interface GlobalOptions {
  server?: string;
  token?: string;
  dataDir?: string;
  databaseUrl?: string;
  json?: boolean;
}

export function globalsOf(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

export function outOf(cmd: Command): Out {
  return createOut(Boolean(globalsOf(cmd).json));
}

export function remoteTarget(g: GlobalOptions, env: NodeJS.ProcessEnv = process.env): RemoteTarget | undefined {
  const server = g.server ?? env.OW_SERVER;
  if (!server) return undefined;
  const token = g.token ?? env.OW_TOKEN;
  return token ? { server, token } : { server };
}

/** Someone with the data directory or the database URL in hand is its administrator. */
export function localPrincipal(): Principal {
  let user = 'local';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (containers): keep the generic name.
  }
  return { tokenId: 'local-cli', name: `cli:${user}`, role: 'admin' };
}

export async function withLocalRuntime<T>(g: GlobalOptions, command: string, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig({ dataDir: g.dataDir, databaseUrl: g.databaseUrl });
  // Loaded here, not at the top: a command run against --server never needs the engine or the store.
  const [{ openStore }, { Runtime }] = await Promise.all([import('../store/open-store'), import('../engine/runtime')]);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command, poolSize: 2 });
  const runtime = new Runtime({ db: store.db, clock: systemClock, kind: 'cli' });
  try {
    return await fn(runtime);
  } finally {
    await store.close();
  }
}
