// `ow` run against a test server, as a user scripting the product would: --server, --json, and the
// token in OW_TOKEN (the admin token unless a test acts in another role).
import { runOw, type CliResult } from './cli';
import type { TestServer } from './server';

export function owJson(server: TestServer, args: readonly string[], token: string = server.adminToken): Promise<CliResult> {
  return runOw([...args, '--server', server.url, '--json'], { OW_TOKEN: token });
}
