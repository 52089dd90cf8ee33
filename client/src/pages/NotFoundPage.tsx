import ExploreOffOutlined from '@mui/icons-material/ExploreOffOutlined';
import Button from '@mui/material/Button';
import { EmptyState } from '../components/EmptyState';
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
