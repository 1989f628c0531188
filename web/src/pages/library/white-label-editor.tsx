// The white-label editor: rows of generic term → the client's name. Each pause in typing re-renders
// both diagrams, the article and the checklist through the API, with the diagram budget checked
// again and over-long labels listed; the rows live in the URL so the link reproduces the client view.
import { useEffect, useRef, useState } from 'react';
import { describeError, isApiError } from '../../api/api-error';
import { patternsApi, type WhiteLabelResult } from '../../api/patterns';
import { ErrorNotice } from '../../components/error-notice';
import { BudgetReport } from './budget-report';
import { useSearchParamsUpdater } from './use-search-params-updater';
import { DiagramBlock } from './diagram-block';
import { downloadText } from './download-file';
import { MAX_TERM_ROWS, readTermPairs, rowOfPointer, termRequest, writeTermPairs, type TermPair } from './white-label-terms';

export const WHITE_LABEL_DEBOUNCE_MS = 400;

interface Row extends TermPair {
  key: number;
}

type Preview =
  | { status: 'idle' }
  | { status: 'loading'; last: WhiteLabelResult | null }
  | { status: 'ready'; result: WhiteLabelResult }
  | { status: 'error'; error: unknown; rowOf: number[] };

const DIAGRAM_NAMES = { 'as-is': 'As-Is diagram', orchestrated: 'Orchestrated diagram' } as const;

let rowKeys = 0;
const newRow = (pair: TermPair = { from: '', to: '' }): Row => ({ ...pair, key: ++rowKeys });

export function WhiteLabelEditor({ slug, version }: { slug: string; version?: number }) {
  const [params, updateParams] = useSearchParamsUpdater();
  const [rows, setRows] = useState<Row[]>(() => {
    const fromUrl = readTermPairs(params).map((pair) => newRow(pair));
    return fromUrl.length > 0 ? fromUrl : [newRow()];
  });
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const lastResult = useRef<WhiteLabelResult | null>(null);
  const request = termRequest(rows);
  const requestKey = JSON.stringify(request.terms);

  useEffect(() => {
    const aborter = new AbortController();
    const timer = setTimeout(() => {
      updateParams((current) => writeTermPairs(current, rows), { replace: true, preventScrollReset: true });
      if (request.terms.length === 0) {
        setPreview({ status: 'idle' });
        return;
      }
      setPreview({ status: 'loading', last: lastResult.current });
      patternsApi.whiteLabel(slug, request.terms, version, aborter.signal).then(
        (result) => {
          lastResult.current = result;
          setPreview({ status: 'ready', result });
        },
        (error: unknown) => {
          if (!aborter.signal.aborted) setPreview({ status: 'error', error, rowOf: request.rowOf });
        },
      );
    }, WHITE_LABEL_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      aborter.abort();
    };
    // Re-run when what would be sent changes (or the row layout, for the URL), not on every render.
  }, [requestKey, JSON.stringify(rows.map(({ from, to }) => [from, to])), slug, version]);

  const update = (key: number, side: 'from' | 'to', value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [side]: value } : row)));
  const remove = (key: number) => setRows((current) => (current.length === 1 ? [newRow()] : current.filter((row) => row.key !== key)));

  // Server errors point at entries of the sent list; show them on the row they came from.
  const rowErrors = new Map<number, string[]>();
  if (preview.status === 'error' && isApiError(preview.error)) {
    for (const fieldError of preview.error.errors) {
      const at = rowOfPointer(fieldError.pointer, preview.rowOf);
      if (at !== null) rowErrors.set(at.row, [...(rowErrors.get(at.row) ?? []), fieldError.message]);
    }
  }
  const shown = preview.status === 'ready' ? preview.result : preview.status === 'loading' ? preview.last : null;

  return (
    <section className="panel article-section" id="white-label" aria-labelledby="white-label-title">
      <div className="panel-head">
        <h2 id="white-label-title">White-label for a client</h2>
      </div>
      <p className="field-help">
        Replace the pattern's generic names with the client's tools and teams (whole words, any capitalisation). The
        diagrams are redrawn and their budget checked again after each change.
      </p>
      <ul className="term-rows" aria-label="Term map">
        {rows.map((row, index) => {
          const errors = rowErrors.get(index) ?? [];
          const incomplete = request.incomplete.includes(index);
          return (
            <li key={row.key} className="term-row" data-row={index}>
              <div className="field">
                <label htmlFor={`wl-from-${row.key}`}>Term {index + 1}</label>
                <input
                  id={`wl-from-${row.key}`}
                  type="text"
                  value={row.from}
                  maxLength={100}
                  placeholder="e.g. L1"
                  aria-invalid={errors.length > 0 || undefined}
                  onChange={(event) => update(row.key, 'from', event.target.value)}
                />
              </div>
              <span className="term-arrow" aria-hidden="true">
                →
              </span>
              <div className="field">
                <label htmlFor={`wl-to-${row.key}`}>Replacement {index + 1}</label>
                <input
                  id={`wl-to-${row.key}`}
                  type="text"
                  value={row.to}
                  maxLength={200}
                  placeholder="e.g. Tier 1 Zendesk"
                  onChange={(event) => update(row.key, 'to', event.target.value)}
                />
              </div>
              <button type="button" className="button button-small" onClick={() => remove(row.key)}>
                Remove<span className="visually-hidden"> term {index + 1}</span>
              </button>
              {(errors.length > 0 || incomplete) && (
                <p className="field-help term-row-problem" role="alert">
                  {incomplete ? 'Fill in both the term and its replacement; this row is not applied yet. ' : ''}
                  {errors.join(' ')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="button-row">
        <button type="button" className="button button-small" disabled={rows.length >= MAX_TERM_ROWS} onClick={() => setRows((current) => [...current, newRow()])}>
          Add term
        </button>
        <span className="muted" role="status" aria-live="polite" data-testid="white-label-status">
          {preview.status === 'loading'
            ? 'Re-rendering…'
            : preview.status === 'ready'
              ? `${preview.result.terms.length} ${preview.result.terms.length === 1 ? 'term' : 'terms'} applied; ${
                  preview.result.withinBudget ? 'both diagrams within budget' : 'over budget'
                }`
              : preview.status === 'idle'
                ? 'Add a term and its replacement to see the client version.'
                : ''}
        </span>
      </div>
      {preview.status === 'error' && rowErrors.size === 0 && <ErrorNotice error={preview.error} action="white-label this pattern" />}
      {preview.status === 'error' && rowErrors.size > 0 && (
        <p className="notice notice-error">The term map was not applied: {describeError(preview.error)}</p>
      )}
      {shown !== null && (
        <div className="white-label-preview" aria-busy={preview.status === 'loading'}>
          {shown.diagrams.map((diagram) => (
            <DiagramBlock
              key={diagram.kind}
              title={`${DIAGRAM_NAMES[diagram.kind]} (white-labelled)`}
              text={diagram.text}
              headingLevel={3}
              testId={`white-label-${diagram.kind}`}
            >
              <BudgetReport diagram={diagram} name={DIAGRAM_NAMES[diagram.kind]} />
            </DiagramBlock>
          ))}
          <div className="button-row no-print">
            <button type="button" className="button button-small" onClick={() => downloadText('ARTICLE.md', shown.article.markdown, 'text/markdown')}>
              Download white-labelled ARTICLE.md
            </button>
            <button type="button" className="button button-small" onClick={() => downloadText(`${slug}-checklist.csv`, shown.checklist.csv, 'text/csv')}>
              Download white-labelled checklist CSV
            </button>
            <span className="muted">
              {shown.article.substitutions} substitutions in the article, {shown.checklist.substitutions} in the checklist
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
