import TextField, { type TextFieldProps } from '@mui/material/TextField';

/**
 * A text of a few lines (a note, what was talked about): two rows to start
 * with, growing as it is written; at most `maxLength` characters when given.
 */
export function LongTextField({
  maxLength,
  ...props
}: Omit<TextFieldProps, 'multiline' | 'minRows'> & { maxLength?: number }) {
  return (
    <TextField
      multiline
      minRows={2}
      slotProps={maxLength ? { htmlInput: { maxLength } } : undefined}
      {...props}
    />
  );
}
