import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { describeError } from '../api';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      severity="error"
      sx={{ my: 2 }}
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      {describeError(error)}
    </Alert>
  );
}
