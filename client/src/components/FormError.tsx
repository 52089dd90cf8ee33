import Alert from '@mui/material/Alert';

/** Why a form was not saved, above its fields; nothing while there is no message. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      {message}
    </Alert>
  );
}
