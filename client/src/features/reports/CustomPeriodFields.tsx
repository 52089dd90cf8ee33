import Box from '@mui/material/Box';
import { periodEndField, PickersProvider, UrlDatePicker } from '../../components/pickers';

/**
 * The "From" and "To" dates of a custom period on the reports page. Loaded
 * only when a custom period is chosen: the date pickers (with dayjs and their
 * form binding) were a quarter of the page's code before its first paint.
 */
export default function CustomPeriodFields({
  from,
  to,
  badRange,
  onChange,
}: {
  from: string;
  to: string;
  badRange: boolean;
  onChange: (dates: { from: string } | { to: string }) => void;
}) {
  return (
    <PickersProvider>
      <Box sx={{ width: 200 }}>
        <UrlDatePicker
          label="From"
          value={from}
          onChange={(date) => onChange({ from: date })}
          slotProps={{ textField: { size: 'small', fullWidth: true } }}
        />
      </Box>
      <Box sx={{ width: 200 }}>
        <UrlDatePicker
          label="To"
          value={to}
          onChange={(date) => onChange({ to: date })}
          slotProps={{ textField: periodEndField(badRange) }}
        />
      </Box>
    </PickersProvider>
  );
}
