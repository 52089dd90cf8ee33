import { Navigate, useLocation } from 'react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import type { Role } from '@peerpath/shared';
import { FullPageLoading } from '../components/Loading';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useAuth } from './context';

// Rarely needed (an admin's temporary password), so loaded only then.
const ChangePasswordPage = lazy(() =>
  import('../pages/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);

/** Pages for signed-in people; `roles` narrows to some roles (others see "not found"). */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { status, user, signedOutByUser, mustChangePassword } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoading />;
  if (!user) {
    // Come back here after signing in, unless this person chose to sign out.
    const from = signedOutByUser ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={from ? { from } : undefined} />;
  }
  // A temporary password set by an admin: nothing else opens until it is changed.
  if (mustChangePassword) {
    return (
      <Suspense fallback={<FullPageLoading />}>
        <ChangePasswordPage forced />
      </Suspense>
    );
  }
  if (roles && !roles.includes(user.role)) return <NotFoundPage />;
  return children;
}
