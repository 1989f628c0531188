// The outcome of one attempt to send an alert through a channel, as the delivery loop records it.

export interface ChannelResult {
  ok: boolean;
  httpStatus: number | null;
  /** Short and free of secrets: it is stored and shown in the portal. */
  error: string | null;
  /** The receiver asked us to wait this long (429 Retry-After). */
  retryAfterMs: number | null;
}

export const SEND_TIMEOUT_MS = 10_000;

/** A network failure's message without the URL (which may hold a token). */
export function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return (cause?.code ?? cause?.message ?? err.message).slice(0, 300);
  }
  return String(err).slice(0, 300);
}

/** An HTTP answer turned into a result: 2xx is sent, 429 carries its Retry-After. */
export async function httpResult(res: Response, now: number, parseRetryAfter: (v: string | null, now: number) => number | null): Promise<ChannelResult> {
  if (res.ok) return { ok: true, httpStatus: res.status, error: null, retryAfterMs: null };
  const body = (await res.text().catch(() => '')).slice(0, 200);
  return {
    ok: false,
    httpStatus: res.status,
    error: `HTTP ${res.status}${body ? `: ${body}` : ''}`,
    retryAfterMs: res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now) : null,
  };
}
