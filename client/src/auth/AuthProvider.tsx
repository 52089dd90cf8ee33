import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginRequest, LoginResponse, User } from '@peerpath/shared';
import { api, onSessionChange, restoreSession, setAccessToken } from '../api';
import { clearOutbox } from '../offline/outbox';
import { AuthContext, type AuthContextValue, type AuthStatus } from './context';

interface State {
  status: AuthStatus;
  user: User | null;
  expired: boolean;
  signedOutByUser: boolean;
  mustChangePassword: boolean;
}

const SIGNED_OUT: State = {
  status: 'signed-out',
  user: null,
  expired: false,
  signedOutByUser: false,
  mustChangePassword: false,
};
const signedIn = (session: LoginResponse): State => ({
  status: 'signed-in',
  user: session.user,
  expired: false,
  signedOutByUser: false,
  mustChangePassword: session.mustChangePassword === true,
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ ...SIGNED_OUT, status: 'loading' });

  // Restore the session from the refresh cookie, if there is one.
  useEffect(() => {
    let live = true;
    void restoreSession().then((session) => {
      // The whole signed-in app is drawn from here: in a transition, in short slices.
      if (live) startTransition(() => setState(session ? signedIn(session) : SIGNED_OUT));
    });
    return () => {
      live = false;
    };
  }, []);

  // A refresh during normal use brings fresh user data, or says the session is over.
  useEffect(
    () =>
      onSessionChange((session) => {
        if (session) {
          setState(signedIn(session));
        } else {
          queryClient.clear();
          setState((s) => (s.status === 'signed-in' ? { ...SIGNED_OUT, expired: true } : s));
        }
      }),
    [queryClient],
  );

  const login = useCallback(async (email: string, password: string) => {
    const session = await api<LoginResponse>('/auth/login', {
      method: 'POST',
      body: { email, password } satisfies LoginRequest,
      noRefresh: true,
    });
    setAccessToken(session.accessToken);
    setState(signedIn(session));
    return session.user;
  }, []);

  const passwordChanged = useCallback(
    () => setState((s) => ({ ...s, mustChangePassword: false })),
    [],
  );

  const logout = useCallback(async () => {
    try {
      await api<void>('/auth/logout', { method: 'POST', noRefresh: true });
    } catch {
      // Signed out locally either way; the server session times out by itself.
    }
    setAccessToken(null);
    queryClient.clear();
    // Entries not yet sent go with the sign-in (the shell warns before this).
    clearOutbox();
    setState({ ...SIGNED_OUT, signedOutByUser: true });
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({ ...state, login, logout, passwordChanged }),
    [state, login, logout, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
