// A sequence page holds dozens of diagrams; each is drawn by the shared Mermaid component once it
// comes near the viewport, so opening a page does not wait for all of them.
import { useEffect, useRef, useState } from 'react';
import { MermaidDiagram } from '../../components/mermaid-diagram';

export function LazyDiagram({ text, title }: { text: string; title: string }) {
  const [near, setNear] = useState(false);
  const placeholder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = placeholder.current;
    if (near || element === null) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  if (text.trim() === '') return <p className="muted">No diagram.</p>;
  return (
    <div className="seq-diagram">
      {near ? (
        <MermaidDiagram text={text} title={title} />
      ) : (
        <div ref={placeholder} className="seq-diagram-placeholder muted">
          {title}
        </div>
      )}
      <details className="seq-diagram-source">
        <summary>Mermaid source</summary>
        <pre>{text}</pre>
      </details>
    </div>
  );
}
