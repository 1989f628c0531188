// Admin: API token management (list, create, revoke). The section guard has already checked the
// admin role; the server checks it again on every call.
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { useApiResource } from '../../hooks/use-api-resource';
import { sectionById } from '../../layout/sections';
import { useCurrentSession } from '../../session/session-context';
import { CreateTokenForm } from './create-token-form';
import { TokenTable } from './token-table';

export function AdminPage() {
  const section = sectionById('admin');
  const session = useCurrentSession();
  const tokens = useApiResource((signal) => api.tokens.list(signal), []);
  const list = tokens.state.data;

  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <CreateTokenForm onCreated={tokens.reload} />
      <section className="panel" aria-labelledby="tokens-title">
        <div className="panel-head">
          <h2 id="tokens-title">API tokens</h2>
          <button type="button" className="button" onClick={tokens.reload} disabled={tokens.state.status === 'loading'}>
            Refresh
          </button>
        </div>
        {tokens.state.status === 'error' && <ErrorNotice error={tokens.state.error} action="list the tokens" />}
        {list === null && tokens.state.status === 'loading' && <p className="muted">Loading tokens…</p>}
        {list !== null && session !== null && (
          <TokenTable tokens={list.items} currentTokenId={session.tokenId} onRevoked={tokens.reload} />
        )}
      </section>
    </>
  );
}
