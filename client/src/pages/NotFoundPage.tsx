import ExploreOffOutlined from '@mui/icons-material/ExploreOffOutlined';
import Button from '@mui/material/Button';
import { isApiError } from '../api';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage({
  title = 'Page not found',
  message = 'We could not find that page. It may have moved, or the link may be mistyped.',
}: {
  title?: string;
  message?: string;
}) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={<ExploreOffOutlined />}
        title="Nothing here"
        action={
          <Button variant="contained" href="/">
            Go to your caseload
          </Button>
        }
      >
        {message}
      </EmptyState>
    </>
  );
}

const RECORDS = {
  participant: [
    'Participant not found',
    'This person could not be found. They may belong to another team, or the link may be wrong.',
  ],
  plan: [
    'Plan not found',
    'This plan could not be found. It may belong to another team, or the link may be wrong.',
  ],
  decisionNote: [
    'Decision note not found',
    'This note could not be found. It may belong to another team, or the link may be wrong.',
  ],
  session: [
    'Session not found',
    'This session could not be found. It may have been voided, or belong to another team.',
  ],
} as const;

/**
 * A record page's record that did not load: not found (the API says 404, or 400
 * for an id that is not one) as a page of its own, else the error with Retry.
 */
export function RecordLoadError({
  query,
  record,
}: {
  query: { error: unknown; refetch: () => unknown };
  record: keyof typeof RECORDS;
}) {
  if (isApiError(query.error, 404) || isApiError(query.error, 400)) {
    const [title, message] = RECORDS[record];
    return <NotFoundPage title={title} message={message} />;
  }
  return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
}
