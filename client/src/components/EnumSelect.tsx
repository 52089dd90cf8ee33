import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { ReactNode } from 'react';
import {
  Controller,
  type Control,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
} from 'react-hook-form';
import type { SelectOption } from '../lib/options';

type PassedProps = Omit<
  TextFieldProps,
  'select' | 'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'children' | 'helperText'
>;

/**
 * A select bound to a react-hook-form field: an enum with its shared labels
 * (`enumOptions`), or records such as teams and colleagues. The field's
 * error, else `helperText`, shows under it.
 */
export function EnumSelect<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  options,
  rules,
  emptyLabel,
  missingLabel,
  helperText,
  ...props
}: PassedProps & {
  control: Control<T>;
  name: N;
  options: readonly SelectOption[];
  rules?: Omit<RegisterOptions<T, N>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs' | 'disabled'>;
  /** A first choice for none (the empty value), shown even when nothing is chosen. */
  emptyLabel?: string;
  /** The label of a stored value that is no longer among the options (a colleague who has left). */
  missingLabel?: (value: string) => string;
  helperText?: ReactNode;
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => {
        const value = (field.value ?? '') as string;
        const missing =
          missingLabel && value !== '' && options.every((o) => o.value !== value)
            ? missingLabel(value)
            : undefined;
        return (
          <TextField
            select
            {...props}
            {...field}
            value={value}
            error={Boolean(fieldState.error)}
            helperText={fieldState.error?.message ?? helperText}
            slotProps={
              emptyLabel === undefined
                ? props.slotProps
                : {
                    ...props.slotProps,
                    inputLabel: { shrink: true },
                    select: { displayEmpty: true },
                  }
            }
          >
            {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
            {missing !== undefined && <MenuItem value={value}>{missing}</MenuItem>}
            {options.map((o) => (
              <MenuItem key={o.value} value={o.value}>
                {o.label}
              </MenuItem>
            ))}
          </TextField>
        );
      }}
    />
  );
}
