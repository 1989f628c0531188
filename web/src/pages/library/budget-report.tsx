// The diagram budget after white-labelling: within or over budget, the counts, each violation with
// its line (marked when the substitution caused it), labels grown too long, and parse problems.
import { StatusBadge } from '../../components/status-badge';
import type { WhiteLabelDiagram } from '../../api/patterns';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const sameViolation = (a: { rule: string; line: number }, b: { rule: string; line: number }) => a.rule === b.rule && a.line === b.line;

export function BudgetReport({ diagram, name }: { diagram: WhiteLabelDiagram; name: string }) {
  const { counts } = diagram;
  return (
    <div className="budget-report" data-testid={`budget-report-${diagram.kind}`} aria-label={`Budget of the ${name}`} role="group">
      <p className="button-row">
        <StatusBadge tone={diagram.withinBudget ? 'ok' : 'fail'}>
          <span data-testid="budget-status">{diagram.withinBudget ? 'Within budget' : 'Over budget'}</span>
        </StatusBadge>
        <span className="muted">
          {plural(diagram.substitutions, 'substitution')}
        </span>
      </p>
      <p className="budget-counts">
        <span>{plural(counts.actors, 'actor')}</span>
        <span>{plural(counts.steps, 'step')}</span>
        <span>{plural(counts.altBlocks, 'alt block')}</span>
        <span>{plural(counts.notes, 'note')}</span>
        <span>longest message {counts.maxMessageChars} chars</span>
        <span>longest note {counts.maxNoteChars} chars</span>
      </p>
      {diagram.parseError !== undefined && (
        <p className="notice notice-error">
          Line {diagram.parseError.line}: {diagram.parseError.message} (expected {diagram.parseError.expected})
        </p>
      )}
      {diagram.violations.length > 0 && (
        <ul aria-label="Budget violations">
          {diagram.violations.map((violation) => (
            <li key={`${violation.rule}@${violation.line}`}>
              Line {violation.line}: {violation.message}
              {diagram.introducedViolations.some((v) => sameViolation(v, violation)) && <strong> (caused by the new names)</strong>}
            </li>
          ))}
        </ul>
      )}
      {diagram.longLabels.length > 0 && (
        <div>
          <p className="notice-title">Labels too long to read at a glance</p>
          <ul aria-label="Over-long labels" data-testid="long-labels">
            {diagram.longLabels.map((label) => (
              <li key={label.id}>
                “{label.label}” ({label.id}, line {label.line}): {label.chars} characters, keep it within {label.limit}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diagram.warnings.length > 0 && (
        <ul aria-label="Warnings">
          {diagram.warnings.map((warning, i) => (
            <li key={i}>
              Line {warning.line}: {warning.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
