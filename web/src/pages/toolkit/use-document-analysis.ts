// A toolkit page's subject: a saved document chosen by ?doc= (or the page's example), or the
// user's own JSON; loads its analysis and keeps the export source next to it.
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod/mini';
import { advisorApi, analysisOf, type ExportFormat } from '../../api/advisor';
import type { Query } from '../../api/client';

type Analysis = 'process' | 'risk' | 'kpi';

export interface DocumentAnalysisState<T> {
  docId: string | null;
  chooseDocument(id: string): void;
  analyseOwn(body: unknown): void;
  result: T | null;
  note: string | null;
  error: unknown;
  busy: boolean;
  exporter: ((format: ExportFormat) => Promise<string>) | null;
  exportName: string;
}

export function useDocumentAnalysis<S extends z.ZodMiniType>(analysis: Analysis, schema: S, example: string, query: Query = {}): DocumentAnalysisState<z.infer<S>> {
  const [params, setParams] = useSearchParams();
  const docId = params.get('doc') ?? (params.get('own') === '1' ? null : example);
  const [own, setOwn] = useState<unknown>(undefined);
  const [result, setResult] = useState<z.infer<S> | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (docId === null) return undefined;
    const aborter = new AbortController();
    setBusy(true);
    setError(null);
    advisorApi.documents
      .get(docId, query, aborter.signal)
      .then((detail) => {
        setResult(analysisOf(detail, schema));
        setNote(detail.analysisNote);
      })
      .catch((failure: unknown) => {
        if (!aborter.signal.aborted) {
          setError(failure);
          setResult(null);
        }
      })
      .finally(() => {
        if (!aborter.signal.aborted) setBusy(false);
      });
    return () => aborter.abort();
    // The schema is a module constant; the query is compared by value.
  }, [docId, queryKey]);

  const chooseDocument = useCallback((id: string) => setParams({ doc: id }), [setParams]);

  const analyseOwn = useCallback(
    (body: unknown) => {
      setOwn(body);
      setParams({ own: '1' });
      setBusy(true);
      setError(null);
      const run = analysis === 'process' ? advisorApi.process(body, query) : analysis === 'risk' ? advisorApi.risk(body) : advisorApi.kpi(body, query);
      run
        .then((value) => {
          const parsed = schema.safeParse(value);
          if (!parsed.success) throw new Error('The analysis is not what this page expects');
          setResult(parsed.data);
          setNote(null);
        })
        .catch((failure: unknown) => {
          setError(failure);
          setResult(null);
        })
        .finally(() => setBusy(false));
    },
    [analysis, queryKey, setParams],
  );

  const exporter =
    result === null
      ? null
      : docId !== null
        ? (format: ExportFormat) => advisorApi.documents.export(docId, format, query)
        : (format: ExportFormat) => advisorApi.exportAnalysis(analysis, own, format, query);
  return { docId, chooseDocument, analyseOwn, result, note, error, busy, exporter, exportName: docId ?? analysis };
}
