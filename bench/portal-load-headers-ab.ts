// A/B of the security headers' cost per request, in one process, alternating: helmet's middleware built
// on every request (what @fastify/helmet did) vs built once at start-up (src/server/security-headers.ts).
import { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import { SECURITY_HEADER_OPTIONS } from '../src/server/security-headers';
import { summarize } from './support/percentiles';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
const helmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'))('helmet') as (options: object) => Middleware;

export function securityHeadersAb(rounds = 10, perRound = 5_000) {
  const once = helmet(SECURITY_HEADER_OPTIONS);
  const variants: Record<'perRequest' | 'once', () => Middleware> = { perRequest: () => helmet(SECURITY_HEADER_OPTIONS), once: () => once };
  const cpu: Record<'perRequest' | 'once', number[]> = { perRequest: [], once: [] };
  const req = new IncomingMessage(new Socket());
  for (let r = 0; r < rounds; r++) {
    for (const name of ['perRequest', 'once'] as const) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < perRound; i++) variants[name]()(req, new ServerResponse(req), () => undefined);
      const c = process.cpuUsage(c0);
      cpu[name].push((c.user + c.system) / perRound); // µs per request
    }
  }
  const p50 = (v: number[]) => summarize(v).p50;
  return { unit: 'µs CPU per request (p50 of rounds)', rounds, perRound, perRequest: p50(cpu.perRequest), once: p50(cpu.once), savedPerRequestUs: Math.round((p50(cpu.perRequest) - p50(cpu.once)) * 10) / 10 };
}
