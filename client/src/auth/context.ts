import { createContext, useContext } from 'react';
import type { Role, User } from '@peerpath/shared';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** True when the session ended by itself (timeout, deactivation), not by signing out. */
  expired: boolean;
  /** True after the person signed out here: the next sign-in starts at home, not where they were. */
  signedOutByUser: boolean;
  /** The password is a temporary one an admin set: it must be changed before anything else. */
  mustChangePassword: boolean;
  /** After the password was changed: the rest of PeerPath opens. */
  passwordChanged(): void;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}

export const canSeeReports = (role: Role) => role === 'supervisor' || role === 'admin';
export const isAdmin = (role: Role) => role === 'admin';
/** Supervisors and admins see (and assign) across the team; workers see their own caseload. */
export const seesWholeTeam = (role: Role) => role !== 'worker';
