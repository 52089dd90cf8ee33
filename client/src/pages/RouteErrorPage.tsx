import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { describeError } from '../api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { NotFoundPage } from './NotFoundPage';

/** Shown in place of a page that failed to load or crashed while drawing. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // A new release replaced the page's code while this tab was open.
  const staleBuild =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script/i.test(error.message);
  // Or the page's code was never fetched and the connection is gone.
  if (staleBuild && !navigator.onLine) {
    return (
      <Box sx={{ p: { xs: 2, md: 3 } }}>
        <PageHeader title="You're offline" />
        <EmptyState
          icon={<ReportProblemOutlined />}
          title="This page needs a connection to open"
          action={<Button onClick={() => window.history.back()}>Go back</Button>}
        >
          Open it again when you're back online. What you saved on this device is kept and sent
          then.
        </EmptyState>
      </Box>
    );
  }
  return (
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <PageHeader title="Something went wrong" />
      <EmptyState
        icon={<ReportProblemOutlined />}
        title={staleBuild ? 'PeerPath has been updated' : 'This page could not be shown'}
        action={
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center', flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => window.location.reload()}>
              Reload the page
            </Button>
            <Button href="/">Go to your caseload</Button>
          </Box>
        }
      >
        {staleBuild
          ? 'Reload the page to get the latest version. Anything you had saved is safe.'
          : `${describeError(error)} Anything already saved is safe. Reloading usually helps.`}
      </EmptyState>
    </Box>
  );
}
