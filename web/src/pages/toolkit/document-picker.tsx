// Chooses a saved toolkit document of one kind (the shipped examples among them).
import { advisorApi, type DocumentInfo, type DocumentKind } from '../../api/advisor';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';

export function DocumentPicker({ kind, value, onChange, label }: { kind: DocumentKind; value: string | null; onChange(id: string): void; label: string }) {
  const docs = useApiResource((signal) => advisorApi.documents.list(kind, signal), [kind]);
  const items: readonly DocumentInfo[] = docs.state.data?.items ?? [];
  return (
    <div className="field">
      <label htmlFor={`doc-${kind}`}>{label}</label>
      {docs.state.status === 'error' && <ErrorNotice error={docs.state.error} action="list the saved documents" />}
      <select id={`doc-${kind}`} value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={items.length === 0}>
        {value === null && <option value="">{docs.state.status === 'loading' ? 'Loading…' : 'Choose a document'}</option>}
        {items.map((d) => (
          <option key={d.id} value={d.id}>
            {`${d.name} (v${d.version}: ${d.summary})`}
          </option>
        ))}
      </select>
    </div>
  );
}
