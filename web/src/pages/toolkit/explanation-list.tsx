// The analysis' own reasoning, line by line: every toolkit result says why, and this shows it.
export function ExplanationList({ lines, title = 'Why' }: { lines: readonly string[]; title?: string }) {
  return (
    <details className="explanation" open>
      <summary>{title}</summary>
      <ul>
        {lines.map((line, i) => (
          <li key={i} className={line.startsWith('  ') ? 'indent' : undefined}>
            {line.trim()}
          </li>
        ))}
      </ul>
    </details>
  );
}
