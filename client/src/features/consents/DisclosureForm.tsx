import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  DISCLOSURE_METHODS,
  DISCLOSURE_METHOD_LABELS,
  INFORMATION_KINDS,
  INFORMATION_LABELS,
  type DisclosureMethod,
  type InformationKind,
} from '@peerpath/shared';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ChipCheckboxField } from '../../components/ChipCheckboxGroup';
import { EnumSelect } from '../../components/EnumSelect';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { DateInput, PickersProvider } from '../../components/pickers';
import { today } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { enumOptions } from '../../lib/options';
import { useRecordDisclosure } from './api';
import { refusal } from './refusal';
import { LongTextField } from '../../components/LongTextField';

export const informationOptions = enumOptions(INFORMATION_KINDS, INFORMATION_LABELS);

/** What a disclosure form starts with when sharing has just happened elsewhere. */
export interface DisclosurePrefill {
  recipient?: string;
  information?: InformationKind[];
  method?: DisclosureMethod;
}

const METHODS = enumOptions(DISCLOSURE_METHODS, DISCLOSURE_METHOD_LABELS);

interface DisclosureFormValues {
  recipient: string;
  information: InformationKind[];
  disclosedOn: string;
  method: DisclosureMethod;
  emergency: boolean;
  reason: string;
}

/**
 * Recording that information about the person went to someone (SPEC §10):
 * judged by the server against their consents (a refusal names what is
 * missing), or an emergency with its reason. A disclosure under a Part 2
 * consent shows the 42 CFR 2.32 notice to send with it.
 */
export function RecordDisclosure({
  participantId,
  prefill,
  cancelLabel,
  onDone,
}: {
  participantId: string;
  prefill?: DisclosurePrefill;
  cancelLabel?: string;
  onDone: () => void;
}) {
  const save = useRecordDisclosure(participantId);
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { control, register, handleSubmit } = useForm<DisclosureFormValues>({
    defaultValues: {
      recipient: prefill?.recipient ?? '',
      information: prefill?.information ?? [],
      disclosedOn: today(),
      method: prefill?.method ?? 'phone',
      emergency: false,
      reason: '',
    },
  });
  const emergency = useWatch({ control, name: 'emergency' });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const saved = await save.mutateAsync({
        recipient: v.recipient,
        information: v.information,
        disclosedOn: v.disclosedOn,
        method: v.method,
        ...(v.emergency ? { emergency: true, reason: v.reason } : {}),
      });
      notify('Sharing recorded');
      if (saved.redisclosureNotice) setNotice(saved.redisclosureNotice);
      else onDone();
    } catch (e) {
      setError(refusal(e));
    }
  });
  if (notice) {
    return (
      <Box sx={{ my: 2 }}>
        <Alert severity="warning" sx={{ mb: 1 }}>
          Send this notice with what you shared (42 CFR 2.32):
        </Alert>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>
          {notice}
        </Typography>
        <Button onClick={onDone}>Done</Button>
      </Box>
    );
  }
  return (
    <PickersProvider>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2, my: 2 }}>
        <FormError message={error} />
        <TextField label="Shared with" required {...register('recipient')} />
        <ChipCheckboxField
          control={control}
          name="information"
          legend="What was shared"
          options={informationOptions}
        />
        <DateInput control={control} name="disclosedOn" label="Shared on" required disableFuture />
        <EnumSelect control={control} name="method" label="How" options={METHODS} />
        <FormControlLabel
          control={<Checkbox {...register('emergency')} />}
          label="An emergency: it could not wait for consent"
        />
        {emergency && (
          <LongTextField
            label="Why it could not wait"
            required
            helperText="Your supervisors will see this."
            {...register('reason')}
          />
        )}
        <FormActions
          saveLabel="Record sharing"
          saving={save.isPending}
          onCancel={onDone}
          cancelLabel={cancelLabel}
        />
      </Box>
    </PickersProvider>
  );
}

/**
 * "Record this as a disclosure?": offered where sharing has just happened (a
 * warm handoff, a printed copy or the person's record given to someone
 * else), with what is known filled in. Not now closes it; nothing is
 * recorded until the worker says so.
 */
export function DisclosurePrompt({
  participantId,
  what,
  prefill,
  onDone,
}: {
  participantId: string;
  /** What just happened, in a sentence. */
  what: string;
  prefill: DisclosurePrefill;
  onDone: () => void;
}) {
  const titleId = useId();
  return (
    <Dialog open onClose={onDone} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Record this as a disclosure?</DialogTitle>
      <DialogContent>
        <Typography>{what}</Typography>
        <Typography variant="body2" color="text.secondary">
          Information about the person went to someone else. Recording it keeps their accounting of
          disclosures complete, and checks it against their consents.
        </Typography>
        <RecordDisclosure
          participantId={participantId}
          prefill={prefill}
          cancelLabel="Not now"
          onDone={onDone}
        />
      </DialogContent>
    </Dialog>
  );
}

/**
 * After a copy was printed or downloaded: whom it is for. For the person it
 * closes; for someone else it offers to record the disclosure, prefilled.
 */
export function CopyForPrompt({
  participantId,
  personName,
  copy,
  prefill,
  onDone,
}: {
  participantId: string;
  personName: string;
  /** The copy, as in "this printed copy of the plan". */
  copy: string;
  prefill: DisclosurePrefill;
  onDone: () => void;
}) {
  const [other, setOther] = useState(false);
  if (other) {
    return (
      <DisclosurePrompt
        participantId={participantId}
        what={`You made ${copy} for someone other than ${personName || 'the person'}.`}
        prefill={prefill}
        onDone={onDone}
      />
    );
  }
  return (
    <Alert
      severity="info"
      className="peerpath-no-print"
      sx={{ mb: 2 }}
      action={
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button color="inherit" onClick={onDone}>
            For {personName || 'them'}
          </Button>
          <Button color="inherit" onClick={() => setOther(true)}>
            For someone else
          </Button>
        </Box>
      }
    >
      Who is {copy} for?
    </Alert>
  );
}
