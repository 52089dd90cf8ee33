import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import dayjs from 'dayjs';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

/**
 * A required date and time (an ISO instant, '' when empty, 'invalid' while half
 * typed) bound to a react-hook-form field, with the date-time picker;
 * `message` is the error when it is empty or not a real date.
 */
export function DateTimeInput<T extends FieldValues>({
  control,
  name,
  label,
  message,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  message: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={{ validate: (v: string) => (v !== '' && v !== 'invalid') || message }}
      render={({ field, fieldState }) => (
        <DateTimePicker
          label={label}
          value={field.value && field.value !== 'invalid' ? dayjs(field.value) : null}
          onChange={(d) =>
            field.onChange(d === null ? '' : d.isValid() ? d.toISOString() : 'invalid')
          }
          inputRef={field.ref}
          slotProps={{
            textField: {
              fullWidth: true,
              required: true,
              onBlur: field.onBlur,
              error: Boolean(fieldState.error),
              helperText: fieldState.error?.message,
            },
          }}
        />
      )}
    />
  );
}
