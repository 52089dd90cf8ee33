import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_KIND_LABELS,
  type CreateTimeEntryRequest,
  type TimeEntryKind,
} from '@peerpath/shared';
import { useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { describeError } from '../../api';
import { DateInput, PickersProvider } from '../../components/pickers';
import { formatMinutes, today } from '../../lib/dates';
import { newId } from '../../lib/newId';
import { useNotify } from '../../lib/notify';
import { useCreateTimeEntry } from './api';

/** The lengths offered as one tap each; 30 minutes is chosen when the dialog opens. */
export const MINUTE_PRESETS = [15, 30, 60, 90] as const;
export const DEFAULT_MINUTES = 30;

/** A preset's short label, to fit four in a row on a phone: "15 min", "1 h", "1½ h". */
const presetLabel = (m: number) =>
  m < 60 ? `${m} min` : `${Math.floor(m / 60)}${m % 60 === 30 ? '½' : ''} h`;

interface Values {
  on: string;
  note: string;
}

/**
 * Logging work outside sessions in two taps: the app bar's "Log time" opens
 * this dialog (tap 1) with 30 minutes and today already chosen; tapping what
 * the work was (a big button per kind) saves it at once (tap 2). Another
 * length, another day or a note are one more tap or field before that.
 */
export function LogTimeDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const hintId = useId();
  const notify = useNotify();
  const create = useCreateTimeEntry();
  const [minutes, setMinutes] = useState<number>(DEFAULT_MINUTES);
  const { control, register, trigger, getValues } = useForm<Values>({
    defaultValues: { on: today(), note: '' },
  });
  const on = useWatch({ control, name: 'on' });
  // One id per distinct entry: tapping again after a lost answer resends the
  // same id, which the server answers with the stored entry (a safe retry).
  const ids = useRef(new Map<string, string>());

  const save = async (kind: TimeEntryKind) => {
    if (create.isPending) return;
    if (!(await trigger())) return;
    const v = getValues();
    const body: CreateTimeEntryRequest = {
      kind,
      minutes,
      on: v.on || undefined,
      note: v.note.trim() || null,
    };
    const key = JSON.stringify(body);
    let id = ids.current.get(key);
    if (!id) {
      id = newId();
      ids.current.set(key, id);
    }
    try {
      await create.mutateAsync({ ...body, id });
      notify(`${formatMinutes(minutes)} of ${TIME_ENTRY_KIND_LABELS[kind].toLowerCase()} logged`);
      onClose();
    } catch {
      // Shown below; the dialog stays open to try again.
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <PickersProvider>
        <DialogTitle id={titleId}>Log time</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <Box>
            <Typography id={`${titleId}-length`} variant="subtitle2" sx={{ mb: 0.5 }}>
              How long
            </Typography>
            <ToggleButtonGroup
              exclusive
              fullWidth
              color="primary"
              value={minutes}
              onChange={(_, v: number | null) => v !== null && setMinutes(v)}
              aria-labelledby={`${titleId}-length`}
            >
              {MINUTE_PRESETS.map((m) => (
                <ToggleButton
                  key={m}
                  value={m}
                  aria-label={formatMinutes(m)}
                  sx={{ minHeight: 48, px: 0.5, whiteSpace: 'nowrap', textTransform: 'none' }}
                >
                  {presetLabel(m)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <Box>
            <Typography id={hintId} variant="subtitle2" sx={{ mb: 0.5 }}>
              What did you do? Tap it to save {formatMinutes(minutes)}
              {on && on !== today() ? '' : ' for today'}.
            </Typography>
            <Box
              role="group"
              aria-labelledby={hintId}
              sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 1 }}
            >
              {TIME_ENTRY_KINDS.map((k) => (
                <Button
                  key={k}
                  variant="outlined"
                  size="large"
                  disabled={create.isPending}
                  onClick={() => void save(k)}
                  sx={{
                    minHeight: 56,
                    px: 0.5,
                    borderRadius: 6,
                    textTransform: 'none',
                    fontSize: '0.9rem',
                    lineHeight: 1.2,
                  }}
                >
                  {TIME_ENTRY_KIND_LABELS[k]}
                </Button>
              ))}
            </Box>
          </Box>
          {create.error && <Alert severity="error">{describeError(create.error)}</Alert>}
          <DateInput control={control} name="on" label="Day" required disableFuture />
          <TextField
            label="Note (optional)"
            multiline
            minRows={1}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
            {...register('note')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
        </DialogActions>
      </PickersProvider>
    </Dialog>
  );
}
