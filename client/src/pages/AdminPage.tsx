import { RequireAuth } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { TeamsSection } from '../features/admin/TeamsSection';
import { UsersSection } from '../features/admin/UsersSection';
import { AccessWarnings } from '../features/audit/AccessWarnings';

export function AdminPage() {
  return (
    <RequireAuth roles={['admin']}>
      <PageHeader title="Administration" subtitle="Teams and the people who use PeerPath." />
      <AccessWarnings />
      <TeamsSection />
      <UsersSection />
    </RequireAuth>
  );
}
