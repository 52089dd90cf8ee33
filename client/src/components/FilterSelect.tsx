import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SelectOption } from '../lib/options';

/** A small select for list filters; the empty value means "all" and is shown as such. */
export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  label: string;
  value: V | '';
  onChange: (value: V | '') => void;
  options: readonly SelectOption<V>[];
  /** Text for "no filter"; leave out to make a choice required. */
  allLabel?: string;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V | '')}
      slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: allLabel !== undefined } }}
    >
      {allLabel !== undefined && <MenuItem value="">{allLabel}</MenuItem>}
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
