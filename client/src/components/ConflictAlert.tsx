import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

/**
 * Above a form whose record someone else changed first (409): what happened,
 * in the form's own words, and Reload when the page can load it again.
 */
export function ConflictAlert({
  onReload,
  children,
}: {
  onReload?: () => void;
  children: ReactNode;
}) {
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      role="alert"
      action={
        onReload && (
          <Button color="inherit" size="small" onClick={onReload}>
            Reload
          </Button>
        )
      }
    >
      {children}
    </Alert>
  );
}
