// A progress bar for long CLI work (many files, many items) on stderr. It stays quiet when stderr is
// not a terminal (pipes, CI logs) or with --json, so machine-readable output is never interleaved.
import cliProgress from 'cli-progress';

export interface Progress {
  /** True when a bar is drawn. */
  readonly active: boolean;
  /** One item done; `label` names the item just finished. */
  tick(label?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  /** What is being counted, e.g. "files". */
  unit: string;
  json?: boolean;
  /** Fewer items than this finish too fast for a bar to help. */
  minTotal?: number;
  stream?: NodeJS.WriteStream;
}

const quiet: Progress = { active: false, tick: () => undefined, stop: () => undefined };

export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.json || !stream.isTTY || options.total < (options.minTotal ?? 5)) return quiet;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `{bar} {value}/{total} ${options.unit} | {label}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(options.total, 0, { label: '' });
  let stopped = false;
  return {
    active: true,
    tick(label = '') {
      if (!stopped) bar.increment(1, { label });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
