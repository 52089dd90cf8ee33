import Typography from '@mui/material/Typography';

/** What "service hours" and "contact hours" mean, in words, where the figures appear. */
export const SERVICE_HOURS_HELP =
  'Service hours: the length of every session, counted once however many people came.';
export const CONTACT_HOURS_HELP =
  'Contact hours: the length of a session counted once for each person who attended — a 2-hour group with 6 people is 12 contact hours.';

export function HoursHelp({ contact = true }: { contact?: boolean }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 2 }}>
      {SERVICE_HOURS_HELP}
      {contact && (
        <>
          <br />
          {CONTACT_HOURS_HELP}
        </>
      )}
    </Typography>
  );
}
