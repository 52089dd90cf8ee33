import SearchOutlined from '@mui/icons-material/SearchOutlined';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

/** A search box that reports what was typed once typing pauses. */
export function SearchField({
  label,
  value,
  onSearch,
  delay = 300,
}: {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  delay?: number;
}) {
  const [text, setText] = useState(value);
  // When the search is changed elsewhere ("Clear search and filters", Back), show that instead.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  const settled = useDebouncedValue(text, delay);
  const report = useRef(onSearch);
  useEffect(() => {
    report.current = onSearch;
  });
  useEffect(() => {
    if (settled.trim() !== value) report.current(settled.trim());
    // Only a settled change of the text should search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return (
    <TextField
      size="small"
      type="search"
      label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      autoComplete="off"
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchOutlined fontSize="small" aria-hidden />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
