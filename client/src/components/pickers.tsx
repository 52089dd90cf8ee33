import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { adapterLocale, formatHelp } from '../locale';

/**
 * MUI X pickers with dayjs in the organisation's locale (entry in the same
 * order as display); wrap a page or form that uses a picker.
 */
export function PickersProvider({ children }: { children: ReactNode }) {
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={adapterLocale()}>
      {children}
    </LocalizationProvider>
  );
}

export const toDayjs = (value: string | null | undefined): Dayjs | null =>
  value ? dayjs(value.length === 10 ? `${value}T00:00:00` : value) : null;

export const toIsoDate = (value: Dayjs | null): string =>
  value && value.isValid() ? value.format('YYYY-MM-DD') : '';

/** The text field of a period's "To" date in a filter row: small, full width, wrong when before "From". */
export const periodEndField = (badRange: boolean) => ({
  size: 'small' as const,
  fullWidth: true,
  error: badRange,
  helperText: badRange ? '“To” is before “From”' : undefined,
});

/**
 * A date picker whose date lives in the address bar (`useUrlState`). The
 * address bar changes in a transition, after the keystrokes that follow, so a
 * picker given it as its value typed the next keys against the date before
 * (typing 01012025 quickly over 01/11/2026 gave 01/11/2025). This one keeps
 * what is typed as its own value and reports each whole date; a date from the
 * address bar replaces it only when it is not one the field reported itself
 * (a link or Back).
 */
export function UrlDatePicker({
  label,
  value,
  onChange,
  slotProps,
}: {
  label: string;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** Each whole date typed or picked, `YYYY-MM-DD`, or '' when the field is emptied. */
  onChange: (date: string) => void;
  slotProps?: ComponentProps<typeof DatePicker>['slotProps'];
}) {
  const [shown, setShown] = useState(() => toDayjs(value));
  const [seen, setSeen] = useState(value);
  const [reported, setReported] = useState<string[]>([]);
  if (value !== seen) {
    // The address bar caught up: with one of this field's own dates (drop it and those
    // before it), or with a date from elsewhere (show it).
    setSeen(value);
    const own = reported.indexOf(value);
    if (own >= 0) setReported(reported.slice(own + 1));
    else {
      setReported([]);
      setShown(toDayjs(value));
    }
  }
  return (
    <DatePicker
      label={label}
      value={shown}
      onChange={(d) => {
        setShown(d);
        // A date still being typed is not reported; an emptied field is ('').
        const date = d === null ? '' : d.isValid() ? toIsoDate(d) : null;
        if (date !== null && date !== (reported.at(-1) ?? seen)) {
          setReported((r) => [...r, date]);
          onChange(date);
        }
      }}
      slotProps={slotProps}
    />
  );
}

/**
 * A calendar date (`YYYY-MM-DD`, '' when empty) bound to a react-hook-form
 * field, with the date picker.
 */
export function DateInput<T extends FieldValues>({
  control,
  name,
  label,
  required = false,
  disableFuture = false,
  helperText,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  disableFuture?: boolean;
  helperText?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={{
        validate: (v: string) => {
          if (!v) return required ? `Enter the ${label.toLowerCase()}` : true;
          if (v === 'invalid') return 'Enter a real date';
          if (disableFuture && v > dayjs().format('YYYY-MM-DD'))
            return 'This date cannot be in the future';
          return true;
        },
      }}
      render={({ field, fieldState }) => (
        <DatePicker
          label={label}
          value={field.value === 'invalid' ? null : toDayjs(field.value)}
          onChange={(d) => field.onChange(d === null ? '' : d.isValid() ? toIsoDate(d) : 'invalid')}
          disableFuture={disableFuture}
          inputRef={field.ref}
          slotProps={{
            textField: {
              fullWidth: true,
              required,
              name: field.name,
              onBlur: field.onBlur,
              error: Boolean(fieldState.error),
              helperText:
                fieldState.error?.message ??
                (helperText ? `${helperText} ${formatHelp()}` : formatHelp()),
            },
            field: { clearable: !required },
          }}
        />
      )}
    />
  );
}
