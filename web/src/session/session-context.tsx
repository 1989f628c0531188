// Who is signed in, shared by the whole portal: loaded once from the cookie session, updated by
// sign-in and sign-out, and dropped whenever the server answers 401 (expired or revoked token).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type ApiClient } from '../api/client';
import { describeError, isApiError } from '../api/api-error';
import type { Session } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; problem: string | null }
  | { status: 'signed-in'; session: Session };

export interface SessionContextValue {
  state: SessionState;
  signIn(token: string): Promise<Session>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, client = api }: { children: ReactNode; client?: ApiClient }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signed-in', session: await client.session.get() });
    } catch (error) {
      const expected = isApiError(error) && error.status === 401;
      setState({ status: 'signed-out', problem: expected ? null : describeError(error) });
    }
  }, [client]);

  useEffect(() => {
    void refresh();
    return client.onUnauthorized(() => setState({ status: 'signed-out', problem: null }));
  }, [client, refresh]);

  const signIn = useCallback(
    async (token: string) => {
      const session = await client.session.signIn(token);
      setState({ status: 'signed-in', session });
      return session;
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.session.signOut();
    } finally {
      // Even if the server is unreachable, the portal must stop acting as the old identity.
      setState({ status: 'signed-out', problem: null });
    }
  }, [client]);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession() must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session, or null while loading or signed out. */
export function useCurrentSession(): Session | null {
  const { state } = useSession();
  return state.status === 'signed-in' ? state.session : null;
}
