export { AuthProvider } from './AuthProvider';
export { RequireAuth } from './RequireAuth';
export { useAuth, useCurrentUser, canSeeReports, isAdmin, seesWholeTeam } from './context';
