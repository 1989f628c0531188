// The checklist owners editor: every item with the owner the pattern suggests and the person the
// team names; saving sends only the changed rows (step "owners", or the kickoff's owners).
import { useState } from 'react';
import type { Workspace } from '../../api/workspaces';

export function WorkspaceOwners({ workspace, editable, busy, onSave }: { workspace: Workspace; editable: boolean; busy: boolean; onSave: (owners: Record<string, string>) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const changed = Object.fromEntries(Object.entries(draft).filter(([id, v]) => v.trim() !== '' && v.trim() !== (workspace.items.find((i) => i.id === id)?.owner ?? '')).map(([id, v]) => [id, v.trim()]));
  return (
    <section className="panel" aria-labelledby="ws-owners-title">
      <h3 id="ws-owners-title">Checklist and owners</h3>
      <div className="table-wrap">
        <table className="table" aria-label="Checklist items">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Summary</th>
              <th scope="col">Suggested</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {workspace.items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <td className="nowrap">{item.id}</td>
                <td>{item.summary}</td>
                <td className="muted">{item.suggestedOwner}</td>
                <td>
                  {editable ? (
                    <input aria-label={`Owner of ${item.id}`} value={draft[item.id] ?? item.owner ?? ''} placeholder="nobody yet" onChange={(e) => setDraft({ ...draft, [item.id]: e.target.value })} />
                  ) : (
                    (item.owner ?? <span className="muted">nobody</span>)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <button type="button" className="button" disabled={busy || Object.keys(changed).length === 0} onClick={() => onSave(changed)}>
          Save owners
        </button>
      )}
    </section>
  );
}
