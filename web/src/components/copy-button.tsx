// Copies a value to the clipboard and says so; falls back to selecting the text where the
// Clipboard API is unavailable (plain-HTTP origins other than localhost).
import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ value, label = 'Copy', fallbackTarget }: { value: string; label?: string; fallbackTarget?: () => HTMLInputElement | null }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      const input = fallbackTarget?.() ?? null;
      input?.select();
      setState('failed');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Copy blocked by the browser: the text is selected, press Ctrl+C' : ''}
      </span>
    </span>
  );
}
