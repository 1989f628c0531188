// Overview of the escalation runtime: what each page of the section is for.
import { Link } from 'react-router-dom';
import { SUPPORT_TABS } from './tabs';

export function SupportPage() {
  const pages = SUPPORT_TABS.filter((t) => t.end !== true);
  return (
    <section aria-label="Support pages">
      <p>
        The Support Ticket Escalation Backlog pattern, running: tickets are routed by the Smart Router to the agent
        with the most spare capacity, the SLA Monitor warns before a breach and escalates at one, and the metrics
        compare before with after.
      </p>
      {pages.length > 0 && (
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <Link to={p.path}>{p.label}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
