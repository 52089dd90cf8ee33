import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Participant } from '@peerpath/shared';
import { useMemo, useState, type Ref } from 'react';
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
