// A diagram with its toolbar: the rendered picture, "Copy Mermaid" for pasting into Confluence or a
// wiki, and the source on demand. Used for the article's diagrams and the white-label preview.
import type { ReactNode } from 'react';
import { CopyButton } from '../../components/copy-button';
import { MermaidDiagram } from '../../components/mermaid-diagram';

export function DiagramBlock({
  title,
  text,
  headingLevel = 3,
  testId,
  children,
}: {
  title: string;
  text: string;
  headingLevel?: 3 | 4;
  testId?: string;
  /** Shown under the picture, e.g. the budget report. */
  children?: ReactNode;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="diagram-block" aria-label={title} data-testid={testId}>
      <div className="diagram-block-head">
        <Heading>{title}</Heading>
        <span className="no-print">
          <CopyButton value={text} label="Copy Mermaid" />
        </span>
      </div>
      <div className="diagram-canvas">
        {/* Wrapped: the catalog's notes run up to 90 characters and span two participants. */}
        <MermaidDiagram text={text} title={title} wrap />
      </div>
      {children}
      <details className="diagram-source">
        <summary>Mermaid source</summary>
        <pre>
          <code>{text}</code>
        </pre>
      </details>
    </section>
  );
}
