// The checklist's toolbar: exports the API generates (CSV that Jira's importer reads, Markdown,
// JSON; each counts as a checklist download) and "Print checklist", which prints this section only.
import { useEffect } from 'react';
import { patternsApi } from '../../api/patterns';

const PRINT_CLASS = 'printing-checklist';

export function ChecklistTools({ slug, version }: { slug: string; version?: number }) {
  // The mark is set just before printing and removed when the print dialog closes.
  useEffect(() => {
    const clear = () => document.documentElement.classList.remove(PRINT_CLASS);
    window.addEventListener('afterprint', clear);
    return () => {
      window.removeEventListener('afterprint', clear);
      clear();
    };
  }, []);

  const link = (artifact: 'checklist.csv' | 'checklist.md' | 'checklist.json') => patternsApi.artifactUrl(slug, artifact, version);
  return (
    <div className="button-row no-print" role="group" aria-label="Checklist exports">
      <a className="button button-small" href={link('checklist.csv')} download={`${slug}-checklist.csv`}>
        CSV for Jira
      </a>
      <a className="button button-small" href={link('checklist.md')} download={`${slug}-checklist.md`}>
        Markdown
      </a>
      <a className="button button-small" href={link('checklist.json')} download={`${slug}-checklist.json`}>
        JSON
      </a>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          document.documentElement.classList.add(PRINT_CLASS);
          window.print();
        }}
      >
        Print checklist
      </button>
    </div>
  );
}
