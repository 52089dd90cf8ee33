import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import {
  HANDOUT_OUTCOMES,
  isClosedOutcome,
  LABELS,
  type ChangeHandoutStatusRequest,
  type HandoutListItem,
  type HandoutOutcome,
} from '@peerpath/shared';
import { useId } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { formatDate, today } from '../../lib/dates';
import { LongTextField } from '../../components/LongTextField';
import { SubmitActions } from '../../components/SubmitActions';

/** The choices in the order a referral usually moves, in plain words. */
const CHOICES: { value: HandoutOutcome; label: string }[] = HANDOUT_OUTCOMES.map((o) => ({
  value: o,
  label: o === 'pending' ? 'Not yet known — try again later' : LABELS.handoutOutcome[o],
}));

interface Values {
  status: HandoutOutcome;
  on: string;
  followUpOn: string;
  note: string;
}

/**
 * "What happened?": the next step of a referral (SPEC §12) in one go — the
 * status, the day, a note and the next follow-up date — with what has
 * happened so far underneath. Any status can be chosen at any time; going
 * back is a new step, the earlier ones stay.
 */
export function FollowUpDialog({
  handout,
  onClose,
  onSave,
}: {
  handout: HandoutListItem;
  onClose: () => void;
  onSave: (body: ChangeHandoutStatusRequest) => Promise<void>;
}) {
  const titleId = useId();
  const historyId = useId();
  const { control, register, handleSubmit, formState } = useForm<Values>({
    defaultValues: {
      status: handout.outcome,
      on: today(),
      followUpOn: handout.followUpOn ?? '',
      note: '',
    },
  });
  const guard = useUnsavedChangesWarning(formState.isDirty && !formState.isSubmitSuccessful);
  const status = useWatch({ control, name: 'status' });
  const stillOpen = !isClosedOutcome(status);
  const submit = handleSubmit(async (v) => {
    guard.release();
    await onSave({
      status: v.status,
      // Today is the server's unless the worker picked another day.
      ...(v.on && formState.dirtyFields.on ? { on: v.on } : {}),
      note: v.note.trim() || null,
      ...(isClosedOutcome(v.status) ? {} : { followUpOn: v.followUpOn || null }),
    });
  });
  const steps = [...handout.history].reverse();
  return (
    <Dialog
      open
      onClose={() => guard.confirmLeave(onClose)}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <PickersProvider>
        <form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>What happened? {handout.resourceName}</DialogTitle>
          <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
            <Controller
              control={control}
              name="status"
              render={({ field }) => (
                <FormControl>
                  <FormLabel id={`${titleId}-status`}>Where things stand now</FormLabel>
                  <RadioGroup
                    aria-labelledby={`${titleId}-status`}
                    value={field.value}
                    onChange={(_e, value) => field.onChange(value as HandoutOutcome)}
                    sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' } }}
                  >
                    {CHOICES.map((c) => (
                      <FormControlLabel
                        key={c.value}
                        value={c.value}
                        control={<Radio />}
                        label={c.label}
                        sx={{ minHeight: 44 }}
                      />
                    ))}
                  </RadioGroup>
                </FormControl>
              )}
            />
            <DateInput control={control} name="on" label="When" disableFuture required />
            {stillOpen && <DateInput control={control} name="followUpOn" label="Next follow-up" />}
            <LongTextField label="Note (optional)" maxLength={2000} {...register('note')} />
            <Box component="section" aria-labelledby={historyId}>
              <Typography variant="subtitle2" component="h3" id={historyId}>
                What has happened so far
              </Typography>
              <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
                {steps.map((s, i) => (
                  <Typography component="li" variant="body2" key={`${s.on}-${s.status}-${i}`}>
                    {formatDate(s.on)}:{' '}
                    {s.status === 'pending' && i === steps.length - 1
                      ? 'Shared'
                      : LABELS.handoutOutcome[s.status]}
                    {s.note ? ` — ${s.note}` : ''}
                  </Typography>
                ))}
              </Box>
            </Box>
          </DialogContent>
          <SubmitActions
            onCancel={() => guard.confirmLeave(onClose)}
            submitting={formState.isSubmitting}
            large
          >
            Save what happened
          </SubmitActions>
        </form>
      </PickersProvider>
      {guard.dialog}
    </Dialog>
  );
}
