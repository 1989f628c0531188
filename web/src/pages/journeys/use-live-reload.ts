// Keeps a view current from the live event stream: every event that matches (topic filters, and an
// optional predicate such as "about this journey") schedules one reload, coalesced over a short
// delay so a burst of task events costs one request; the reload sees the batch that caused it.
import { useEffect, useRef, useState } from 'react';
import { EventStream, type StreamStatus } from '../../api/stream';
import type { StreamEvent } from '../../api/types';

export interface LiveReload {
  status: StreamStatus;
  retryInMs: number | null;
  problem: string | null;
}

export function useLiveReload(
  topics: readonly string[],
  reload: (batch: readonly StreamEvent[]) => void,
  options: { enabled?: boolean; matches?: (event: StreamEvent) => boolean; delayMs?: number } = {},
): LiveReload {
  const { enabled = true, delayMs = 250 } = options;
  const [state, setState] = useState<LiveReload>({ status: 'idle', retryInMs: null, problem: null });
  // The latest callbacks, read when an event arrives, so a new closure does not reconnect.
  const latest = useRef({ reload, matches: options.matches });
  latest.current = { reload, matches: options.matches };
  const topicKey = topics.join(',');

  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let batch: StreamEvent[] = [];
    let connectedOnce = false;
    const schedule = (event: StreamEvent | null) => {
      if (event !== null) batch.push(event);
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        const seen = batch;
        batch = [];
        latest.current.reload(seen);
      }, delayMs);
    };
    const stream = new EventStream({
      topics: topicKey === '' ? [] : topicKey.split(','),
      onEvent: (event) => {
        if (latest.current.matches === undefined || latest.current.matches(event)) schedule(event);
      },
      // After a reconnect the stream replays what it missed, but a reload also covers a gap it could not.
      onReady: () => {
        if (connectedOnce) schedule(null);
        connectedOnce = true;
      },
      onStatus: (status, retryInMs) => setState((s) => ({ ...s, status, retryInMs })),
      onProblem: (problem) => setState((s) => ({ ...s, problem })),
    });
    stream.start();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      stream.stop();
    };
  }, [topicKey, enabled, delayMs]);

  return state;
}
