import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import Box from '@mui/material/Box';

/** Whether a thing is in use, as an icon and the word for it (a table's status cell). */
export function ActiveStatus({
  active,
  on = 'Active',
  off = 'Deactivated',
}: {
  active: boolean;
  on?: string;
  off?: string;
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
      {active ? (
        <CheckCircleOutlined fontSize="small" color="success" aria-hidden />
      ) : (
        <BlockOutlined fontSize="small" color="disabled" aria-hidden />
      )}
      {active ? on : off}
    </Box>
  );
}
