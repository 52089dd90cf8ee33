import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import { visuallyHidden } from '../../lib/visuallyHidden';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  ATTENDANCE_STATUSES,
  LABELS,
  type AttendanceStatus,
  type Participant,
} from '@peerpath/shared';
import { memo, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { formatDate } from '../../lib/dates';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { ACTIVE_ROSTER, useParticipants } from '../participants/api';
import { participantLabel, participantName } from '../participants/names';
import { ListRow } from '../../components/ListRow';

type Option = Participant & { lastContactOn?: string | null };

export interface Attendee {
  participantId: string;
  status: AttendanceStatus;
  note: string | null;
}

const filter = createFilterOptions<Participant>({ stringify: participantLabel, limit: 30 });

function summary(value: Attendee[]) {
  if (value.length === 0) return 'No one added yet.';
  const counts = ATTENDANCE_STATUSES.map(
    (s) => [s, value.filter((a) => a.status === s).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${LABELS.attendanceStatus[s].toLowerCase()}`);
  return `${value.length} ${value.length === 1 ? 'person' : 'people'}: ${counts.join(', ')}.`;
}

/** A second detail that tells apart people with similar names. */
function tellApart(p: Option): string | null {
  if (p.dateOfBirth) return `born ${p.dateOfBirth.slice(0, 4)}`;
  if (p.lastContactOn) return `last contact ${formatDate(p.lastContactOn)}`;
  return 'no sessions yet';
}

const firstWord = (p: Option) => participantName(p).split(' ')[0]!.toLowerCase();

/**
 * Who came. Type a name and press Enter to add someone (marked attended):
 * Enter adds only when exactly one person matches, or the one chosen with the
 * arrow keys; otherwise the list stays open and asks. The list closes after
 * each add, so the people added are in view. Each person's attendance can then
 * be changed with one click. Ctrl+Enter (handled by the form) saves.
 */
export function AttendancePicker({
  value,
  onChange,
  known,
  onKnow,
  error,
  helperText,
  inputRef,
  autoFocus,
}: {
  value: Attendee[];
  onChange: (value: Attendee[]) => void;
  /** Participants whose names are known (picked, or attached to the session). */
  known: ReadonlyMap<string, Participant>;
  onKnow: (participants: Participant[]) => void;
  error?: string;
  helperText?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}) {
  const [input, setInput] = useState('');
  const [announcement, setAnnouncement] = useState('');
  // Set when Enter found several matches: the question shown under the field.
  const [ask, setAsk] = useState<string | null>(null);
  // Whether the highlighted name was chosen (arrow keys, pointer), not just the first match.
  const chosen = useRef(false);
  const search = useDebouncedValue(input.trim(), 250);
  // The team's active people, so a typed name matches at once; the server
  // search finds anyone beyond the first hundred.
  const roster = useParticipants(ACTIVE_ROSTER);
  const found = useParticipants({ status: 'active', search, pageSize: 20 }, search.length >= 2);

  const options = useMemo(() => {
    const byId = new Map<string, Option>();
    for (const p of roster.data?.items ?? []) byId.set(p.id, p);
    for (const p of found.data?.items ?? []) byId.set(p.id, p);
    return [...byId.values()];
  }, [roster.data, found.data]);
  // First names shared by more than one person: those options carry a second detail.
  const shared = useMemo(() => {
    const seen = new Map<string, number>();
    for (const p of options) seen.set(firstWord(p), (seen.get(firstWord(p)) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
  }, [options]);

  // MUI resets the typed text whenever `value` changes identity, so the
  // selected list must stay the same array until the people in it change.
  const selectedKey = value
    .map((a) => `${a.participantId}${known.has(a.participantId) ? '' : '?'}`)
    .join();
  const selected = useMemo(
    () =>
      value.map(
        (a) =>
          known.get(a.participantId) ??
          ({
            id: a.participantId,
            firstName: 'Loading',
            lastName: '…',
            preferredName: null,
          } as Participant),
      ),
    // `selectedKey` captures what matters of `value` and `known`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedKey],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement> & { defaultMuiPrevented?: boolean }) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // The form saves on Ctrl+Enter; do not also pick the highlighted name.
      event.defaultMuiPrevented = true;
      return;
    }
    if (event.key === 'Enter') {
      // Never submit the form from here; Enter picks a name.
      event.preventDefault();
      const typed = input.trim();
      if (typed && !chosen.current) {
        const matches = filter(
          options.filter((p) => !value.some((a) => a.participantId === p.id)),
          { inputValue: typed, getOptionLabel: participantLabel },
        );
        if (matches.length > 1) {
          // Never guess between people: ask, and keep the list open.
          event.defaultMuiPrevented = true;
          const question = `${matches.length} people match “${typed}”. Choose one with the arrow keys, then press Enter, or type more of the name.`;
          setAsk(question);
          setAnnouncement(question);
        }
      }
    }
    if (event.key === 'Backspace' && input === '') {
      // Removing happens in the list below, where it can be seen.
      event.defaultMuiPrevented = true;
    }
  };

  return (
    <Box>
      <Autocomplete<Option, true, true, false>
        multiple
        disableClearable
        filterSelectedOptions
        autoHighlight
        handleHomeEndKeys
        options={options}
        value={selected}
        loading={roster.isLoading || found.isFetching}
        loadingText="Searching…"
        noOptionsText={
          input.trim() ? `No active participant matches “${input.trim()}”` : 'Type a name'
        }
        filterOptions={filter}
        getOptionLabel={participantLabel}
        getOptionKey={(p) => p.id}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        inputValue={input}
        onInputChange={(_e, v) => {
          setInput(v);
          setAsk(null);
        }}
        onHighlightChange={(_e, _option, reason) => {
          chosen.current = reason === 'keyboard' || reason === 'mouse' || reason === 'touch';
        }}
        onChange={(_e, next, reason, details) => {
          onKnow(next);
          const ids = new Set(next.map((p) => p.id));
          const kept = value.filter((a) => ids.has(a.participantId));
          const added = next
            .filter((p) => !value.some((a) => a.participantId === p.id))
            .map((p): Attendee => ({ participantId: p.id, status: 'attended', note: null }));
          const result = [...kept, ...added];
          onChange(result);
          if (reason === 'selectOption' && details) {
            setAnnouncement(`Added ${participantName(details.option)}. ${summary(result)}`);
          }
        }}
        renderValue={() => null}
        onKeyDown={onKeyDown}
        renderOption={(props, option) => {
          const { key, ...rest } = props as typeof props & { key: string };
          const detail = shared.has(firstWord(option)) ? tellApart(option) : null;
          return (
            <li key={key} {...rest}>
              <Box>
                <Typography component="span" sx={{ fontWeight: 500 }}>
                  {participantName(option)}
                </Typography>
                {(option.pronouns || option.preferredName || detail) && (
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ display: 'block' }}
                  >
                    {[
                      option.preferredName && option.preferredName !== option.firstName
                        ? `${option.firstName} ${option.lastName}`
                        : null,
                      option.pronouns,
                      detail,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography>
                )}
              </Box>
            </li>
          );
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Add people who came"
            placeholder="Type a name, then press Enter"
            autoFocus={autoFocus}
            inputRef={inputRef}
            error={Boolean(error)}
            helperText={error ?? ask ?? helperText}
            slotProps={{
              ...params.slotProps,
              inputLabel: { ...params.slotProps.inputLabel, shrink: true },
            }}
          />
        )}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {summary(value)}
      </Typography>
      {/* What just changed, for screen readers. */}
      <Box role="status" sx={visuallyHidden}>
        {announcement}
      </Box>
      <AttendanceList value={value} known={known} onChange={onChange} announce={setAnnouncement} />
    </Box>
  );
}

/**
 * The people added, each with their attendance. Kept apart (and memoised) so
 * typing a name does not redraw every row.
 */
const AttendanceList = memo(function AttendanceList({
  value,
  known,
  onChange,
  announce,
}: {
  value: Attendee[];
  known: ReadonlyMap<string, Participant>;
  onChange: (value: Attendee[]) => void;
  announce: (message: string) => void;
}) {
  if (value.length === 0) return null;
  const setStatus = (id: string, status: AttendanceStatus) => {
    onChange(value.map((a) => (a.participantId === id ? { ...a, status } : a)));
    const p = known.get(id);
    if (p) announce(`${participantName(p)}: ${LABELS.attendanceStatus[status].toLowerCase()}.`);
  };
  const remove = (id: string) => {
    onChange(value.filter((a) => a.participantId !== id));
    const p = known.get(id);
    if (p) announce(`Removed ${participantName(p)}.`);
  };
  return (
    <Box component="ul" aria-label="Attendance" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
      {value.map((a) => {
        const p = known.get(a.participantId);
        const name = p ? participantName(p) : 'Loading…';
        return (
          <ListRow key={a.participantId} py={0.75}>
            <Typography sx={{ flex: '1 1 160px', minWidth: 0, fontWeight: 500 }}>
              {name}
              {a.status !== 'attended' && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  ({LABELS.attendanceStatus[a.status].toLowerCase()})
                </Typography>
              )}
            </Typography>
            <ToggleButtonGroup
              exclusive
              size="small"
              color="primary"
              value={a.status}
              onChange={(_e, s: AttendanceStatus | null) => s && setStatus(a.participantId, s)}
              aria-label={`Attendance for ${name}`}
            >
              {ATTENDANCE_STATUSES.map((s) => (
                <ToggleButton key={s} value={s} sx={{ px: 1.25, py: 0.25 }}>
                  {LABELS.attendanceStatus[s]}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <IconButton
              size="small"
              onClick={() => remove(a.participantId)}
              aria-label={`Remove ${name}`}
            >
              <CloseOutlined fontSize="small" />
            </IconButton>
          </ListRow>
        );
      })}
    </Box>
  );
});
