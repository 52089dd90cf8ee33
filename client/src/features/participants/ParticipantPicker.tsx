import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Participant } from '@peerpath/shared';
import { useMemo, useState, type Ref } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useParticipants } from './api';
import { participantLabel } from './names';

/** Choose one participant by typing part of a name (searches the server as you type). */
export function ParticipantPicker({
  value,
  onChange,
  label = 'Participant',
  required,
  error,
  helperText,
  disabled,
  inputRef,
}: {
  value: Participant | null;
  onChange: (p: Participant | null) => void;
  label?: string;
  required?: boolean;
  error?: string;
  helperText?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const list = useParticipants({ search: search || undefined, pageSize: 20 }, !disabled);
  const options = useMemo(() => {
    const items = list.data?.items ?? [];
    return value && !items.some((p) => p.id === value.id) ? [value, ...items] : items;
  }, [list.data, value]);
  return (
    <Autocomplete<Participant, false, false, false>
      options={options}
      value={value}
      onChange={(_e, p) => onChange(p)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={participantLabel}
      getOptionKey={(p) => p.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(o) => o}
      loading={list.isFetching}
      loadingText="Searching…"
      noOptionsText={input ? 'No one matches' : 'Type a name'}
      autoHighlight
      disabled={disabled}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          inputRef={inputRef}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}

/**
 * The form's `participant`, chosen with ParticipantPicker: required (with
 * `message`) whenever `needed` says the form asks for one (always, when left out).
 */
export function ParticipantField<T extends FieldValues>({
  control,
  message,
  needed,
  disabled,
}: {
  control: Control<T>;
  message: string;
  needed?: (values: T) => boolean;
  disabled?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={'participant' as FieldPath<T>}
      rules={{ validate: (p, all) => (needed && !needed(all)) || Boolean(p) || message }}
      render={({ field, fieldState }) => (
        <ParticipantPicker
          value={field.value}
          onChange={field.onChange}
          required
          disabled={disabled}
          inputRef={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
