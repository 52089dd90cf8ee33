import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SelectOption } from '../lib/options';

/** A form's select kept in the page's own state (not react-hook-form's): one of `options`. */
export function ChoiceSelect<V extends string>({
  label,
  value,
  onChange,
  options,
  error,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly SelectOption<V>[];
  /** The field's error, shown under it. */
  error?: string;
}) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
      error={Boolean(error)}
      helperText={error}
    >
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
