// Support → Workspace: where one team stands in seed 000 (stepper, what blocks the next step), the
// checklist owners, the step to take now, the results with charts and downloads, and the history.
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { workspaces, type WorkspaceDetail, type WorkspaceStep } from '../../api/workspaces';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { WorkspaceActions } from './workspace-actions';
import { STAGE_LABELS } from './workspace-format';
import { WorkspaceOwners } from './workspace-owners';
import { WorkspaceReport } from './workspace-report';
import { WorkspaceStepper } from './workspace-stepper';

const OWNER_STAGES = new Set(['kickoff', 'implementation', 'baselined', 'shadow', 'production']);

export function WorkspacePage() {
  const { id = '' } = useParams();
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const resource = useApiResource((signal) => workspaces.get(id, signal), [id]);
  const [override, setOverride] = useState<WorkspaceDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ step: string; error: unknown } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fetched = resource.state.data;
  // The answer of the last step is newer than the page's first load.
  const detail = override !== null && (fetched === null || override.workspace.version >= fetched.workspace.version) ? override : fetched;

  const run = useCallback(
    async (step: WorkspaceStep, body: Record<string, unknown> = {}) => {
      setBusy(true);
      setFailure(null);
      setDone(null);
      try {
        setOverride(await workspaces.step(id, step, body));
        setDone(step);
        return true;
      } catch (error) {
        setFailure({ step, error });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [id],
  );

  if (detail === null) {
    return resource.state.status === 'error' ? <ErrorNotice error={resource.state.error} action="load the workspace" /> : <p className="muted">Loading…</p>;
  }
  const w = detail.workspace;
  const links = workspaces.links(w.id);
  return (
    <>
      <p>
        <Link to="/support/workspaces">← All workspaces</Link>
      </p>
      <h2>
        {w.team}: {w.pattern.title}
      </h2>
      <p className="muted">
        Pattern {w.pattern.slug} v{w.pattern.version} · owner {w.owner} · stage <strong data-testid="ws-stage">{STAGE_LABELS[w.stage]}</strong>
        {w.escalationMode !== null && ` · escalation mode ${w.escalationMode.mode}${w.escalationMode.applied ? '' : ' (not switched: no escalation runtime here)'}`}
      </p>
      {done !== null && (
        <p className="notice notice-ok" role="status">
          Step “{done}” done.
        </p>
      )}
      {failure !== null && <ErrorNotice error={failure.error} action={`take step “${failure.step}”`} />}
      <WorkspaceStepper detail={detail} />
      {canAct && <WorkspaceActions key={`${w.id}-${w.stage}`} detail={detail} busy={busy} run={run} csvUrl={links.checklistCsv} />}
      {w.items.length > 0 && (
        <WorkspaceOwners key={`owners-${w.version}`} workspace={w} editable={canAct && OWNER_STAGES.has(w.stage)} busy={busy} onSave={(owners) => void run('owners', { owners })} />
      )}
      {w.exportedAt !== null && (
        <p>
          Exported to Jira {w.exportedAt.slice(0, 16).replace('T', ' ')} UTC ·{' '}
          <a href={links.checklistCsv} download>
            Download the Jira CSV again
          </a>
        </p>
      )}
      {detail.reportAvailable && <WorkspaceReport id={w.id} version={w.version} clientNamed={w.client !== null} />}
      {w.lessons.length > 0 && (
        <section className="panel" aria-labelledby="ws-lessons-title">
          <h3 id="ws-lessons-title">Lessons learned</h3>
          <ul>
            {w.lessons.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="ws-history-title">
        <h3 id="ws-history-title">History</h3>
        <ol aria-label="Stage history">
          {detail.history.map((h, i) => (
            <li key={i}>
              <span className="nowrap">{h.at.slice(0, 16).replace('T', ' ')}</span> · <strong>{h.step}</strong> by {h.actor}
              {h.note !== null && <span className="muted"> · {h.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
