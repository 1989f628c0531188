// Talks to a running server (`--server URL` / OW_SERVER) with a token; problem+json becomes a CliError.
import { CliError } from './cli-error';

export interface RemoteTarget {
  server: string;
  token?: string;
}

export async function apiRequest<T>(target: RemoteTarget, method: string, path: string, body?: unknown): Promise<T> {
  const url = new URL(path, target.server.endsWith('/') ? target.server : `${target.server}/`);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        accept: 'application/json',
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new CliError(`Cannot reach the server at ${url.origin}: ${cause}`, 1);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    throw new CliError(`The server at ${url.origin} answered ${res.status} with a body that is not JSON`, 1);
  }
  if (!res.ok) {
    const p = parsed as { code?: string; detail?: string; errors?: Array<{ pointer?: string; field?: string; message: string }> } | undefined;
    const where = (p?.errors ?? []).map((e) => `  ${e.pointer ?? e.field ?? ''}: ${e.message}`).join('\n');
    const msg = `${p?.code ?? `HTTP ${res.status}`}: ${p?.detail ?? res.statusText}${where ? `\n${where}` : ''}`;
    throw new CliError(msg, res.status === 400 || res.status === 422 ? 2 : 1);
  }
  return parsed as T;
}
