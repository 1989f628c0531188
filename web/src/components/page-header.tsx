// The title block every page starts with: one h1 per page for screen readers, a one-line purpose.
import type { ReactNode } from 'react';

export function PageHeader({ title, summary, actions }: { title: string; summary?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {summary !== undefined && <p className="page-summary">{summary}</p>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </header>
  );
}
