// The statement-of-work builder: day rate, team size, buffer and currency → each checklist item as
// a deliverable with effort, duration and price, totals underneath, and the API's Markdown and CSV
// for the proposal. Priced again after each pause in typing; the inputs live in the URL.
import { useEffect, useId, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { patternsApi, type SowResult } from '../../api/patterns';
import { ErrorNotice } from '../../components/error-notice';
import { downloadText } from './download-file';
import { useSearchParamsUpdater } from './use-search-params-updater';
import { checkSowFields, fieldOfPointer, formatMoney, readSowFields, SOW_CURRENCIES, writeSowFields, type SowFields } from './sow-params';

export const SOW_DEBOUNCE_MS = 400;

type Pricing = { status: 'loading'; last: SowResult | null } | { status: 'ready'; result: SowResult } | { status: 'error'; error: unknown; last: SowResult | null };

const num = (n: number) => String(Math.round(n * 100) / 100);

export function SowBuilder({ slug, version }: { slug: string; version?: number }) {
  const [params, updateParams] = useSearchParamsUpdater();
  const [fields, setFields] = useState<SowFields>(() => readSowFields(params));
  const [pricing, setPricing] = useState<Pricing>({ status: 'loading', last: null });
  const check = checkSowFields(fields);
  const id = useId();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      updateParams((existing) => writeSowFields(existing, fields), { replace: true, preventScrollReset: true });
      if (!check.ok) return;
      setPricing((state) => ({ status: 'loading', last: state.status === 'ready' ? state.result : state.last }));
      patternsApi.sow(slug, check.body, version).then(
        (result) => {
          if (current) setPricing({ status: 'ready', result });
        },
        (error: unknown) => {
          if (current) setPricing((state) => ({ status: 'error', error, last: state.status === 'ready' ? state.result : state.last }));
        },
      );
    }, SOW_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [JSON.stringify(fields), slug, version]);

  // Field problems: the local check first, then what the server said about a field.
  const fieldErrors: Partial<Record<keyof SowFields, string>> = check.ok ? {} : { ...check.errors };
  if (check.ok && pricing.status === 'error' && isApiError(pricing.error)) {
    for (const e of pricing.error.errors) {
      const field = fieldOfPointer(e.pointer);
      if (field !== null) fieldErrors[field] = e.message;
    }
  }
  // A result priced from other numbers than the (invalid) ones on screen is not shown.
  const result = !check.ok ? null : pricing.status === 'ready' ? pricing.result : pricing.last;
  const set = (field: keyof SowFields) => (value: string) => setFields((f) => ({ ...f, [field]: value }));

  const input = (field: 'dayRate' | 'fteCount' | 'bufferPercent' | 'clientName', label: string, props: { type: 'number' | 'text'; step?: string; min?: string }) => {
    const inputId = `${id}-${field}`;
    const error = fieldErrors[field];
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          {...props}
          value={fields[field]}
          aria-invalid={error !== undefined || undefined}
          aria-describedby={error !== undefined ? `${inputId}-error` : undefined}
          onChange={(event) => set(field)(event.target.value)}
        />
        {error !== undefined && (
          <p className="field-help field-error" id={`${inputId}-error`}>
            {label} {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <section className="panel article-section" id="statement-of-work" aria-labelledby="statement-of-work-title">
      <div className="panel-head">
        <h2 id="statement-of-work-title">Statement of work</h2>
      </div>
      <p className="field-help">Each checklist item becomes a deliverable; the buffer covers client-specific work. Durations assume the team works through the deliverables one after another.</p>
      <form className="sow-form" onSubmit={(event) => event.preventDefault()} aria-label="Rates">
        {input('dayRate', 'Day rate', { type: 'number', step: 'any', min: '0' })}
        {input('fteCount', 'FTE count', { type: 'number', step: 'any', min: '0' })}
        {input('bufferPercent', 'Buffer %', { type: 'number', step: 'any', min: '0' })}
        <div className="field">
          <label htmlFor={`${id}-currency`}>Currency</label>
          <select id={`${id}-currency`} value={fields.currency} onChange={(event) => set('currency')(event.target.value)}>
            {[...new Set([fields.currency, ...SOW_CURRENCIES])].map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        {input('clientName', 'Client (optional)', { type: 'text' })}
      </form>

      {pricing.status === 'error' && Object.keys(fieldErrors).length === 0 && <ErrorNotice error={pricing.error} action="price the statement of work" />}
      {result !== null && (
        <div aria-busy={pricing.status === 'loading'}>
          <div className="table-wrap">
            <table className="table compact" aria-label="Deliverables" data-testid="sow-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Deliverable</th>
                  <th scope="col">Owner</th>
                  <th scope="col" className="numeric">Effort (person-weeks)</th>
                  <th scope="col" className="numeric">Person-days incl. buffer</th>
                  <th scope="col" className="numeric">Duration (weeks)</th>
                  <th scope="col" className="numeric">Price</th>
                </tr>
              </thead>
              <tbody>
                {result.sow.lines.map((line) => (
                  <tr key={line.itemId}>
                    <td>
                      <code>{line.itemId}</code>
                    </td>
                    <td>{line.deliverable}</td>
                    <td>{line.owner}</td>
                    <td className="numeric">{num(line.effortPersonWeeks)}</td>
                    <td className="numeric">{num(line.bufferedPersonDays)}</td>
                    <td className="numeric">{num(line.durationWeeks)}</td>
                    <td className="numeric">{formatMoney(line.priceCents, result.sow.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total
                  </th>
                  <td className="numeric">{num(result.sow.totals.effortPersonWeeks)}</td>
                  <td className="numeric">{num(result.sow.totals.bufferedPersonDays)}</td>
                  <td className="numeric">{num(result.sow.totals.durationWeeks)}</td>
                  <td className="numeric" data-testid="sow-total">
                    {formatMoney(result.sow.totals.priceCents, result.sow.currency)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="button-row no-print">
            <button type="button" className="button button-small" onClick={() => downloadText(`${slug}-sow.md`, result.markdown, 'text/markdown')}>
              Download Markdown
            </button>
            <button type="button" className="button button-small" onClick={() => downloadText(`${slug}-sow.csv`, result.csv, 'text/csv')}>
              Download CSV
            </button>
            <span className="muted" role="status" aria-live="polite">
              {pricing.status === 'loading' ? 'Pricing…' : `${result.sow.lines.length} deliverables, ${num(result.sow.totals.durationWeeks)} weeks with ${num(result.sow.fteCount)} FTE`}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
