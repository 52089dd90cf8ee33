import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import { type InformationKind } from '@peerpath/shared';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ChipCheckboxGroup } from '../../components/ChipCheckboxGroup';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { DateInput, PickersProvider } from '../../components/pickers';
import { today } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { ConsentPrintDialog, type ConsentDraft } from './ConsentFormCopy';
import { informationOptions as kinds } from './DisclosureForm';
import { useAddConsent } from './api';
import { refusal } from './refusal';

interface ConsentForm {
  recipient: string;
  purpose: string;
  information: InformationKind[];
  part2: boolean;
  signedOn: string;
  expiresOn: string;
  expiresOnEvent: string;
}

/** A consent to share, as the person agreed to it, with a printable form to sign (SPEC §10). */
export function AddConsent({
  participantId,
  personName,
  onDone,
}: {
  participantId: string;
  personName: string;
  onDone: () => void;
}) {
  const save = useAddConsent(participantId);
  const [printing, setPrinting] = useState<ConsentDraft | null>(null);
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const { control, register, handleSubmit, getValues } = useForm<ConsentForm>({
    defaultValues: {
      recipient: '',
      purpose: '',
      information: [],
      part2: false,
      signedOn: today(),
      expiresOn: '',
      expiresOnEvent: '',
    },
  });
  const information = useWatch({ control, name: 'information' });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      await save.mutateAsync({
        recipient: v.recipient,
        purpose: v.purpose,
        information: v.information,
        part2: v.part2 || v.information.includes('substance_use_records'),
        signedOn: v.signedOn,
        expiresOn: v.expiresOn || null,
        expiresOnEvent: v.expiresOnEvent || null,
      });
      notify('Consent saved');
      onDone();
    } catch (e) {
      setError(refusal(e));
    }
  });
  return (
    <PickersProvider>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2, my: 2 }}>
        <FormError message={error} />
        <TextField label="Who may receive it" required {...register('recipient')} />
        <TextField label="What it is for" required {...register('purpose')} />
        <Controller
          control={control}
          name="information"
          render={({ field }) => (
            <ChipCheckboxGroup
              legend="What may be shared"
              options={kinds}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <FormControlLabel
          control={<Checkbox {...register('part2')} />}
          label="Covers substance use records (42 CFR Part 2)"
        />
        {information.includes('substance_use_records') && (
          <Alert severity="info">Substance use records make this a Part 2 consent.</Alert>
        )}
        <DateInput control={control} name="signedOn" label="Signed on" required disableFuture />
        <DateInput control={control} name="expiresOn" label="Ends on" />
        <TextField
          label="Or ends when…"
          helperText="An event, such as “when my court case closes”. A date or an event is needed."
          {...register('expiresOnEvent')}
        />
        <Box>
          <Button
            startIcon={<PrintOutlined />}
            onClick={() => {
              const v = getValues();
              setPrinting({
                ...v,
                part2: v.part2 || v.information.includes('substance_use_records'),
                expiresOn: v.expiresOn || null,
                expiresOnEvent: v.expiresOnEvent || null,
              });
            }}
          >
            Print the form to sign
          </Button>
          <Typography variant="body2" color="text.secondary">
            Filled in from what you wrote above; blank where you have not. Save once it is signed.
          </Typography>
        </Box>
        <FormActions saveLabel="Save consent" saving={save.isPending} onCancel={onDone} />
        {printing && (
          <ConsentPrintDialog
            draft={printing}
            personName={personName}
            onClose={() => setPrinting(null)}
          />
        )}
      </Box>
    </PickersProvider>
  );
}
