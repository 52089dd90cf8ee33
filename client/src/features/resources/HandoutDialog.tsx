import Autocomplete from '@mui/material/Autocomplete';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import {
  HANDOUT_METHODS,
  LABELS,
  addDays,
  type HandoutMethod,
  type Participant,
  type Resource,
} from '@peerpath/shared';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { EnumSelect } from '../../components/EnumSelect';
import { DateInput } from '../../components/pickers';
import { GridCells } from '../../components/GridCells';
import { today } from '../../lib/dates';
import { newId } from '../../lib/newId';
import { enumOptions } from '../../lib/options';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { ParticipantField } from '../participants/ParticipantPicker';
import { participantName } from '../participants/names';
import { useCreateHandout, useResources } from './api';
import { DisclosurePrompt } from '../consents/DisclosureForm';
import { FormDialog } from '../../components/FormDialog';
import { LongTextField } from '../../components/LongTextField';
import { maxLength } from '../../lib/formRules';

const METHODS = enumOptions(HANDOUT_METHODS, LABELS.handoutMethod);

interface HandoutFormValues {
  participant: Participant | null;
  resource: Resource | null;
  method: HandoutMethod;
  followUpOn: string;
  note: string;
}

/** Sharing a resource with a participant, with a date to check how it went. */
export function HandoutDialog({
  participant,
  resource,
  open,
  onClose,
  onSaved,
}: {
  participant?: Participant;
  resource?: Resource;
  open: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [createId] = useState(newId);
  const [resourceInput, setResourceInput] = useState('');
  // After a warm handoff: the offer to record it as a disclosure (SPEC §10), then onSaved.
  const [handoff, setHandoff] = useState<{
    participant: Participant;
    resource: Resource;
    message: string;
  } | null>(null);
  const resourceSearch = useDebouncedValue(resourceInput.trim(), 250);
  const resources = useResources({ search: resourceSearch || undefined, pageSize: 20 }, !resource);
  const create = useCreateHandout();
  const form = useForm<HandoutFormValues>({
    defaultValues: {
      participant: participant ?? null,
      resource: resource ?? null,
      method: 'printed',
      followUpOn: addDays(today(), 7),
      note: '',
    },
  });

  const { control, register, formState } = form;
  const unsaved = useUnsavedChangesWarning(formState.isDirty);
  const { submit, state } = useFormDialog(
    form,
    {
      participant: 'Participant',
      resource: 'Resource',
      method: 'How it was shared',
      followUpOn: 'Follow up on',
      note: 'Note',
    },
    {
      aliases: { participantId: 'participant', resourceId: 'resource' },
      onSavedOnDevice: () => {
        unsaved.release();
        onClose();
      },
    },
  );

  const onSubmit = submit(async (v) => {
    await create.mutateAsync({
      id: createId,
      participantId: v.participant!.id,
      resourceId: v.resource!.id,
      method: v.method,
      followUpOn: v.followUpOn || null,
      note: v.note.trim() || null,
    });
    unsaved.release();
    const message = `${v.resource!.name} shared with ${participantName(v.participant!)}`;
    if (v.method === 'warm_handoff') {
      setHandoff({ participant: v.participant!, resource: v.resource!, message });
    } else onSaved(message);
  });

  if (handoff) {
    return (
      <DisclosurePrompt
        participantId={handoff.participant.id}
        what={`You handed ${participantName(handoff.participant)} over to ${handoff.resource.name} in a warm handoff.`}
        prefill={{
          recipient: handoff.resource.name,
          information: ['contact_details'],
          method: 'in_person',
        }}
        onDone={() => onSaved(handoff.message)}
      />
    );
  }
  return (
    <FormDialog
      open={open}
      title={
        resource
          ? `Share “${resource.name}”`
          : participant
            ? `Share a resource with ${participantName(participant)}`
            : 'Share a resource'
      }
      guard={unsaved}
      onClose={onClose}
      onSubmit={onSubmit}
      {...state}
      submitLabel="Save"
      pickers
      grid={false}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <GridCells sm={12}>
          {!participant && (
            <ParticipantField control={control} message="Choose who you shared it with" />
          )}
          {!resource && (
            <Controller
              control={control}
              name="resource"
              rules={{ validate: (r) => Boolean(r) || 'Choose the resource' }}
              render={({ field, fieldState }) => (
                <Autocomplete<Resource, false, false, false>
                  options={resources.data?.items ?? []}
                  value={field.value}
                  onChange={(_e, r) => field.onChange(r)}
                  inputValue={resourceInput}
                  onInputChange={(_e, v) => setResourceInput(v)}
                  getOptionLabel={(r) => r.name}
                  getOptionKey={(r) => r.id}
                  isOptionEqualToValue={(a, b) => a.id === b.id}
                  filterOptions={(o) => o}
                  autoHighlight
                  loading={resources.isFetching}
                  renderOption={(props, r) => {
                    const { key, ...rest } = props as typeof props & { key: string };
                    return (
                      <li key={key} {...rest}>
                        {r.name} — {LABELS.resourceCategory[r.category]}
                      </li>
                    );
                  }}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label="Resource"
                      required
                      inputRef={field.ref}
                      error={Boolean(fieldState.error)}
                      helperText={
                        fieldState.error?.message ?? 'Search the directory by name or tag.'
                      }
                    />
                  )}
                />
              )}
            />
          )}
        </GridCells>
        <GridCells>
          <EnumSelect control={control} name="method" label="How it was shared" options={METHODS} />
          <DateInput
            control={control}
            name="followUpOn"
            label="Follow up on"
            helperText="When to ask how it went."
          />
        </GridCells>
        <Grid size={12}>
          <LongTextField
            label="Note (optional)"
            {...register('note', {
              maxLength: maxLength(2000),
            })}
            error={Boolean(formState.errors.note)}
            helperText={formState.errors.note?.message}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
