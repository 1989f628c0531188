// The context an operator narrows the portal to (an agent, a journey, a client or a queue), as kept in
// the URL (`?ctx=journey:J-123`), and which events belong to it and which of those are alerts.
import { z } from 'zod';

export const CONTEXT_KINDS = ['agent', 'journey', 'client', 'queue'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export const contextIdSchema = z.string().min(1).max(200).regex(/^[^\s:][^\s]*$/, 'an id has no spaces and does not start with ":"');

export interface Context {
  kind: ContextKind;
  id: string;
}

export type ParsedContext = { ok: true; context: Context } | { ok: false; message: string };

/** Reads `kind:id` (the id may itself contain colons). */
export function parseContextParam(raw: string): ParsedContext {
  const at = raw.indexOf(':');
  if (at < 0) return { ok: false, message: `"${raw}" is not kind:id (kinds: ${CONTEXT_KINDS.join(', ')})` };
  const kind = raw.slice(0, at);
  const id = raw.slice(at + 1);
  if (!(CONTEXT_KINDS as readonly string[]).includes(kind)) return { ok: false, message: `unknown context kind "${kind}" (kinds: ${CONTEXT_KINDS.join(', ')})` };
  const idOk = contextIdSchema.safeParse(id);
  if (!idOk.success) return { ok: false, message: `context id: ${idOk.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, context: { kind: kind as ContextKind, id } };
}

export function formatContextParam(c: Context): string {
  return `${c.kind}:${c.id}`;
}

export interface ContextEvent {
  topic: string;
  key: string | null;
  payload: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Whether an event concerns the context: its key is the id (or a path under it), or its payload
 * names it in the field that kind uses (journeyId, clientId, handler/agent/queue).
 */
export function eventMatchesContext(c: Context, e: ContextEvent): boolean {
  const p = e.payload;
  switch (c.kind) {
    case 'journey':
      return e.key === c.id || str(p.journeyId) === c.id || (e.key?.startsWith(`${c.id}/`) ?? false);
    case 'client':
      return str(p.clientId) === c.id || e.key === c.id;
    case 'agent':
      return str(p.agent) === c.id || str(p.handler) === c.id || (e.topic.startsWith('agent.') && e.key === c.id);
    case 'queue':
      return str(p.queue) === c.id || str(p.handler) === c.id || (e.topic.startsWith('queue.') && e.key === c.id);
  }
}

/** Topics that call for attention: failures, dead letters, breaches, rollbacks and explicit alerts. */
const ALERT_WORDS = ['alert', 'breach', 'failed', 'dead_letter', 'dead-letter', 'rollback', 'escalat', 'purged'];

export function isAlertTopic(topic: string): boolean {
  return ALERT_WORDS.some((w) => topic.includes(w));
}

export type Severity = 'critical' | 'warning' | 'info';

export function alertSeverity(topic: string): Severity {
  if (topic.includes('breach') || topic.includes('dead_letter') || topic === 'task.failed' || topic.includes('rollback.started')) return 'critical';
  if (isAlertTopic(topic)) return 'warning';
  return 'info';
}
