import { RequireAuth } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { TeamsSection } from '../features/admin/TeamsSection';
import { UsersSection } from '../features/admin/UsersSection';
import { AccessWarnings } from '../features/audit/AccessWarnings';
import { BillingProfilesSection } from '../features/billing/BillingProfilesSection';

export function AdminPage() {
  return (
    <RequireAuth roles={['admin']}>
      <PageHeader
        title="Administration"
        subtitle="Teams, the people who use PeerPath, and billing."
      />
      <AccessWarnings />
      <TeamsSection />
      <UsersSection />
      <BillingProfilesSection />
    </RequireAuth>
  );
}
