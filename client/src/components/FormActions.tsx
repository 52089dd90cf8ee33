import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

/** Save and Cancel under a page form; `children` follow them (a tip). */
export function FormActions({
  saveLabel,
  saving,
  onCancel,
  cancelLabel = 'Cancel',
  children,
}: {
  saveLabel: string;
  saving: boolean;
  onCancel: () => void;
  cancelLabel?: string;
  children?: ReactNode;
}) {
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      <Button type="submit" variant="contained" loading={saving}>
        {saveLabel}
      </Button>
      <Button onClick={onCancel} disabled={saving}>
        {cancelLabel}
      </Button>
      {children}
    </Box>
  );
}
