import TextField from '@mui/material/TextField';
import type { FieldError, FieldValues, Path, UseFormRegister } from 'react-hook-form';

/** Whole minutes from 1 to `max`, typed on a number pad; says the range when it is not. */
export function MinutesField<T extends FieldValues>({
  register,
  name,
  max,
  error,
  label = 'Minutes',
}: {
  register: UseFormRegister<T>;
  name: Path<T>;
  max: number;
  error?: FieldError;
  label?: string;
}) {
  return (
    <TextField
      label={label}
      type="number"
      required
      error={Boolean(error)}
      helperText={error?.message}
      slotProps={{ htmlInput: { min: 1, max, inputMode: 'numeric' } }}
      {...register(name, {
        validate: (v: unknown) => {
          const n = Number(v);
          return Number.isInteger(n) && n >= 1 && n <= max
            ? true
            : `Enter whole minutes from 1 to ${max}`;
        },
      })}
    />
  );
}
