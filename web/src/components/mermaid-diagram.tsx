// One Mermaid diagram rendered to SVG in the browser. Mermaid loads on first use (it is large),
// runs with securityLevel 'strict' (labels are escaped, no click handlers), and its SVG is passed
// through DOMPurify before it reaches the page. Text that does not parse shows Mermaid's own
// message (with the line) in an error box instead of a broken picture.
import DOMPurify from 'dompurify';
import { useEffect, useState } from 'react';

type MermaidApi = (typeof import('mermaid'))['default'];

let mermaidLoad: Promise<MermaidApi> | null = null;

function loadMermaid(): Promise<MermaidApi> {
  mermaidLoad ??= import('mermaid').then(({ default: mermaid }) => mermaid);
  return mermaidLoad;
}

export interface MermaidOptions {
  /**
   * Wrap sequence-diagram text to the width between participants. Without it a note spanning two
   * participants keeps their distance as its width and longer text runs out of its box.
   */
  wrap?: boolean;
}

function configure(mermaid: MermaidApi, options: MermaidOptions): void {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'neutral',
    sequence: { wrap: options.wrap === true },
    // Flowchart labels as SVG <text>: HTML labels live in <foreignObject>, which the DOMPurify SVG
    // profile removes, so nodes would be drawn empty.
    flowchart: { htmlLabels: false },
    htmlLabels: false,
    // Errors are shown by this component; Mermaid must not append its own error SVG to the page.
    suppressErrorRendering: true,
  });
}

// Mermaid measures text in a scratch element of the document and keeps global state while it
// renders, so renders run one after another, never interleaved.
let renderQueue: Promise<unknown> = Promise.resolve();
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = renderQueue.then(task, task);
  renderQueue = run.catch(() => undefined);
  return run;
}

let renderCount = 0;

type DiagramState = { status: 'loading' } | { status: 'ready'; svg: string } | { status: 'error'; message: string };

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return 'Mermaid could not read this diagram.';
}

export async function renderMermaidSvg(text: string, options: MermaidOptions = {}): Promise<string> {
  return enqueue(async () => {
    const mermaid = await loadMermaid();
    // Configured per render (renders never interleave), so one page can draw both ways.
    configure(mermaid, options);
    // parse() first: it throws a located message ("Parse error on line 3 … Expecting …").
    await mermaid.parse(text);
    renderCount += 1;
    const { svg } = await mermaid.render(`ow-mermaid-${renderCount}`, text);
    return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['style'] });
  });
}

export function MermaidDiagram({ text, title, wrap = false }: { text: string; title: string } & MermaidOptions) {
  const [state, setState] = useState<DiagramState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    renderMermaidSvg(text, { wrap }).then(
      (svg) => {
        if (current) setState({ status: 'ready', svg });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [text, wrap]);

  if (state.status === 'error') {
    return (
      <div className="notice notice-error mermaid-error" role="alert" data-testid="mermaid-error">
        <p className="notice-title">The diagram “{title}” could not be drawn</p>
        <pre className="mermaid-error-message">{state.message}</pre>
      </div>
    );
  }
  if (state.status === 'loading') {
    return (
      <p className="muted mermaid-loading" role="status">
        Drawing “{title}”…
      </p>
    );
  }
  return (
    <figure className="mermaid-diagram" role="img" aria-label={title} data-status="ready">
      {/* Sanitized above: Mermaid in strict mode escapes labels, DOMPurify removes anything active. */}
      <div className="mermaid-svg" dangerouslySetInnerHTML={{ __html: state.svg }} />
    </figure>
  );
}
