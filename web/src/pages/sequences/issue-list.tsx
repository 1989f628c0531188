// Findings of an import (consistency, diagram budget, encoding repair), each with its JSON pointer
// and, when the pointer is inside a beat or movement, a link to it.
import type { SequenceIssue } from '../../api/sequences';
import { StatusBadge } from '../../components/status-badge';
import { anchorForPointer } from './sequence-model';

export function IssueList({ issues, linkToCards = true }: { issues: readonly SequenceIssue[]; linkToCards?: boolean }) {
  if (issues.length === 0) return <p className="muted">No issues found.</p>;
  const ordered = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="seq-issues" aria-label="Issues">
      {ordered.map((issue, i) => {
        const anchor = linkToCards ? anchorForPointer(issue.pointer) : undefined;
        const where = issue.pointer === '' ? '(whole document)' : issue.pointer;
        return (
          <li key={i} className={`seq-issue seq-issue-${issue.severity}`}>
            <StatusBadge tone={issue.severity === 'error' ? 'fail' : 'warn'}>{issue.severity}</StatusBadge>{' '}
            {anchor === undefined ? <code>{where}</code> : <a href={`#${anchor}`}><code>{where}</code></a>} {issue.message}
          </li>
        );
      })}
    </ul>
  );
}
