// The honest placeholder for a view with nothing to show: says what is missing and what will
// appear here, instead of an empty table.
import type { ReactNode } from 'react';

export function EmptyState({ title, children, upcoming }: { title: string; children?: ReactNode; upcoming?: readonly string[] }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
      {upcoming !== undefined && upcoming.length > 0 && (
        <ul className="upcoming">
          {upcoming.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
