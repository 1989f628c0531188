// The agent factory wizard: pick a template, configure it, create a draft version, run it in the
// sandbox on sample inputs (results table), then provision it as the stable version.
import { useState } from 'react';
import { agents, type AgentVersion, type SandboxOutcome } from '../../api/agents';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';

const EXAMPLES: Record<string, string> = {
  builtin: '{\n  "handler": "echo",\n  "parameters": {}\n}',
  webhook: '{\n  "url": "https://agents.example.com/run",\n  "secretRef": "env:AGENT_SECRET",\n  "timeoutMs": 10000\n}',
  human: '{\n  "queue": "reviews",\n  "assigneeGroup": "support-leads",\n  "dueInHours": 8\n}',
};

function parseObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

/** `existing`: add a version to that agent instead of creating one. */
export function AgentWizard({ existing, onDone }: { existing?: string; onDone: (name: string) => void }) {
  const templates = useApiResource((signal) => agents.templates(signal), []);
  const [template, setTemplate] = useState('builtin');
  const [name, setName] = useState(existing ?? '');
  const [description, setDescription] = useState('');
  const [config, setConfig] = useState(EXAMPLES.builtin!);
  const [outputSchema, setOutputSchema] = useState('');
  const [samples, setSamples] = useState('[\n  {}\n]');
  const [draft, setDraft] = useState<AgentVersion | null>(null);
  const [sandbox, setSandbox] = useState<SandboxOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    act(async () => {
      const body = { template, config: parseObject(config, 'The configuration'), ...(outputSchema.trim() ? { outputSchema: parseObject(outputSchema, 'The output schema') } : {}) };
      setDraft(existing ? await agents.addVersion(existing, body) : await agents.create({ name: name.trim(), description, ...body }));
      setSandbox(null);
    });
  const runSandbox = () =>
    act(async () => {
      const list: unknown = JSON.parse(samples);
      if (!Array.isArray(list)) throw new Error('The samples must be a JSON array of task inputs');
      setSandbox(await agents.sandbox(draft!.agent, draft!.version, list as Array<Record<string, unknown>>));
    });
  const provision = () =>
    act(async () => {
      await agents.provision(draft!.agent, draft!.version);
      onDone(draft!.agent);
    });

  return (
    <section className="panel" aria-labelledby="wizard-title">
      <h3 id="wizard-title">{existing ? `New version of ${existing}` : 'New agent'}</h3>
      <fieldset disabled={draft !== null}>
        <legend>1. Template</legend>
        {(templates.state.data?.items ?? []).map((t) => (
          <label key={t.template} className="choice">
            <input type="radio" name="template" value={t.template} checked={template === t.template} onChange={() => { setTemplate(t.template); setConfig(EXAMPLES[t.template] ?? '{}'); }} /> <strong>{t.title}</strong> <span className="muted">— {t.description}</span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={draft !== null}>
        <legend>2. Configuration</legend>
        {!existing && (
          <>
            <div className="field">
              <label htmlFor="agent-name">Name (the handler name tasks use)</label>
              <input id="agent-name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="agent-description">Description</label>
              <input id="agent-description" value={description} onChange={(e) => setDescription(e.target.value)} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="agent-config">Configuration (JSON)</label>
          <textarea id="agent-config" rows={6} value={config} onChange={(e) => setConfig(e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="agent-output-schema">Output schema (JSON Schema, optional)</label>
          <textarea id="agent-output-schema" rows={3} value={outputSchema} onChange={(e) => setOutputSchema(e.target.value)} spellCheck={false} />
        </div>
        <button type="button" className="button" onClick={() => void create()} disabled={busy}>
          Create draft version
        </button>
      </fieldset>
      {draft && (
        <fieldset>
          <legend>3. Sandbox — {draft.agent} v{draft.version} (draft)</legend>
          <div className="field">
            <label htmlFor="agent-samples">Sample task inputs (JSON array)</label>
            <textarea id="agent-samples" rows={4} value={samples} onChange={(e) => setSamples(e.target.value)} spellCheck={false} />
          </div>
          <button type="button" className="button" onClick={() => void runSandbox()} disabled={busy}>
            Run in sandbox
          </button>
          {sandbox && (
            <div className="table-wrap">
              <p role="status">
                {sandbox.passed} passed, {sandbox.failed} failed
              </p>
              <table className="table" aria-label="Sandbox results">
                <thead>
                  <tr>
                    <th scope="col">Sample</th>
                    <th scope="col">Result</th>
                    <th scope="col">Output or error</th>
                    <th scope="col" className="numeric">ms</th>
                  </tr>
                </thead>
                <tbody>
                  {sandbox.results.map((r) => (
                    <tr key={r.index}>
                      <td>{r.index + 1}</td>
                      <td>{r.ok ? 'ok' : 'failed'}</td>
                      <td>
                        <code>{r.ok ? JSON.stringify(r.output) : r.error}</code>
                      </td>
                      <td className="numeric">{r.durationMs}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <button type="button" className="button" onClick={() => void provision()} disabled={busy || sandbox === null}>
              Provision v{draft.version} as stable
            </button>{' '}
            <button type="button" className="button button-ghost" onClick={() => onDone(draft.agent)}>
              Keep as draft
            </button>
          </p>
        </fieldset>
      )}
      {error !== null && <ErrorNotice error={error} action={draft ? 'run this step' : 'create the version'} />}
    </section>
  );
}
