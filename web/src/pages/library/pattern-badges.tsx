// The facet badges shared by cards and the pattern page: maturity first (coloured by level), then
// problem types, broken signals and industries.
import type { ReactNode } from 'react';

export interface BadgeFacts {
  maturity: string;
  problemTypes: readonly string[];
  industries: readonly string[];
  brokenSignals?: readonly string[];
}

function Badge({ className, children, title }: { className: string; children: ReactNode; title: string }) {
  return (
    <span className={`badge ${className}`} title={title}>
      {children}
    </span>
  );
}

export function PatternBadges({ facts, label }: { facts: BadgeFacts; label: string }) {
  return (
    <div className="badges" aria-label={label}>
      <Badge className={`maturity-${facts.maturity.toLowerCase()}`} title="Maturity">
        {facts.maturity}
      </Badge>
      {facts.problemTypes.map((value) => (
        <Badge key={`p-${value}`} className="badge-info" title="Problem type">
          {value}
        </Badge>
      ))}
      {(facts.brokenSignals ?? []).map((value) => (
        <Badge key={`s-${value}`} className="badge-warn" title="Broken signal">
          {value}
        </Badge>
      ))}
      {facts.industries.map((value) => (
        <Badge key={`i-${value}`} className="badge-neutral" title="Industry">
          {value}
        </Badge>
      ))}
    </div>
  );
}
