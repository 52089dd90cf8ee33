import CheckOutlined from '@mui/icons-material/CheckOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';

/**
 * Several choices shown as chips. Each chip is a real checkbox underneath,
 * so Tab, Space and screen readers work as they do for any checkbox.
 */
export function ChipCheckboxGroup<V extends string>({
  legend,
  options,
  value,
  onChange,
  helperText,
}: {
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  helperText?: string;
}) {
  const toggle = (v: V) =>
    onChange(
      value.includes(v)
        ? value.filter((x) => x !== v)
        : options.map((o) => o.value).filter((x) => x === v || value.includes(x)),
    );
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="body2" color="text.secondary" sx={{ mb: 1, p: 0 }}>
        {legend}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {options.map((o) => {
          const checked = value.includes(o.value);
          return (
            <Box
              key={o.value}
              component="label"
              sx={{
                position: 'relative',
                display: 'inline-flex',
                '& input:focus-visible + .MuiChip-root': {
                  outline: '3px solid',
                  outlineColor: 'primary.main',
                  outlineOffset: 2,
                },
              }}
            >
              <input
                type="checkbox"
                checked={checked}
                onChange={() => toggle(o.value)}
                style={{
                  position: 'absolute',
                  inset: 0,
                  opacity: 0,
                  margin: 0,
                  cursor: 'pointer',
                  width: '100%',
                  height: '100%',
                  zIndex: 1,
                }}
              />
              <Chip
                component="span"
                label={o.label}
                color={checked ? 'primary' : 'default'}
                variant={checked ? 'filled' : 'outlined'}
                icon={checked ? <CheckOutlined aria-hidden /> : undefined}
                sx={{ pl: checked ? 0 : 1.5, pr: 0.5 }}
              />
            </Box>
          );
        })}
      </Box>
      {helperText && <FormHelperText>{helperText}</FormHelperText>}
    </Box>
  );
}

/** A ChipCheckboxGroup bound to a react-hook-form field holding the chosen values. */
export function ChipCheckboxField<T extends FieldValues, V extends string>({
  control,
  name,
  ...group
}: {
  control: Control<T>;
  name: FieldPathByValue<T, V[]>;
  legend: string;
  options: readonly { value: V; label: string }[];
  helperText?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ChipCheckboxGroup {...group} value={field.value} onChange={field.onChange} />
      )}
    />
  );
}
