import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  LABELS,
  type AdvocacyAction,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type AdvocacyStatus,
  type CreateAdvocacyActionRequest,
  type Participant,
} from '@peerpath/shared';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { FieldLabels } from '../../api';
import { useCurrentUser } from '../../auth';
import { EnumSelect } from '../../components/EnumSelect';
import { DateInput } from '../../components/pickers';
import { GridCells } from '../../components/GridCells';
import { newId } from '../../lib/newId';
import { enumOptions } from '../../lib/options';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { useParticipant } from '../participants/api';
import { ParticipantField } from '../participants/ParticipantPicker';
import { TeamSelect } from '../teams/TeamSelect';
import { useUserName, useWorkerOptions } from '../users/api';
import { useCreateAdvocacy, useUpdateAdvocacy } from './api';
import { FormDialog } from '../../components/FormDialog';
import { LongTextField } from '../../components/LongTextField';
import { maxLength } from '../../lib/formRules';

interface AdvocacyFormValues {
  level: AdvocacyLevel;
  participant: Participant | null;
  category: AdvocacyCategory;
  title: string;
  description: string;
  status: AdvocacyStatus;
  dueOn: string;
  outcome: string;
  teamId: string;
  workerId: string;
}

const CATEGORIES = enumOptions(ADVOCACY_CATEGORIES, LABELS.advocacyCategory);
const STATUSES = enumOptions(ADVOCACY_STATUSES, LABELS.advocacyStatus);

const FIELD_LABELS: FieldLabels<AdvocacyFormValues> = {
  level: 'Level',
  participant: 'Participant',
  category: 'Category',
  title: 'What it is about',
  description: 'Details',
  status: 'Status',
  dueOn: 'Due by',
  outcome: 'Outcome',
  teamId: 'Team',
  workerId: 'Worker',
};

/** Opening and updating an advocacy action, for one person or for many (systemic). */
export function AdvocacyDialog({
  action,
  participant: fixedParticipant,
  open,
  onClose,
  onSaved,
}: {
  /** Edit this action; leave out to open a new one. */
  action?: AdvocacyAction;
  /** A new individual action for this person (from their page). */
  participant?: Participant;
  open: boolean;
  onClose: () => void;
  onSaved: (a: AdvocacyAction) => void;
}) {
  const me = useCurrentUser();
  // A worker changes only the advocacy actions they own; supervisors and admins any of the team's.
  const mayChange = !action || me.role !== 'worker' || action.workerId === me.id;
  const levelId = useId();
  const workers = useWorkerOptions();
  const userName = useUserName();
  const [createId] = useState(newId);
  const create = useCreateAdvocacy();
  const update = useUpdateAdvocacy(action?.id ?? '');
  const existingParticipant = useParticipant(action?.participantId ?? undefined);
  const form = useForm<AdvocacyFormValues>({
    values: {
      level: action?.level ?? 'individual',
      participant: fixedParticipant ?? existingParticipant.data ?? null,
      category: action?.category ?? 'healthcare_navigation',
      title: action?.title ?? '',
      description: action?.description ?? '',
      status: action?.status ?? 'open',
      dueOn: action?.dueOn ?? '',
      outcome: action?.outcome ?? '',
      teamId: '',
      workerId: action?.workerId ?? (me.role === 'admin' ? '' : me.id),
    },
    resetOptions: { keepDirtyValues: true },
  });
  const { control, register, formState } = form;
  const level = useWatch({ control, name: 'level' });
  const status = useWatch({ control, name: 'status' });
  const { errors } = formState;
  const unsaved = useUnsavedChangesWarning(formState.isDirty);
  const { submit, state } = useFormDialog(form, FIELD_LABELS, {
    aliases: { participantId: 'participant' },
    conflict: action
      ? 'Someone else changed this — close and open it again to see their changes.'
      : undefined,
    onSavedOnDevice: () => {
      unsaved.release();
      onClose();
    },
  });

  const onSubmit = submit(async (v) => {
    const body: CreateAdvocacyActionRequest = {
      level: v.level,
      participantId: v.level === 'individual' ? (v.participant?.id ?? null) : null,
      category: v.category,
      title: v.title.trim(),
      description: v.description.trim() || null,
      status: v.status,
      dueOn: v.dueOn || null,
      outcome: v.outcome.trim() || null,
      workerId: v.workerId || undefined,
    };
    if (action) {
      const { participantId: _p, level: _l, workerId, ...changes } = body;
      // Only name a worker when it changes: a worker may not name anyone else.
      const worker = workerId && workerId !== action.workerId ? { workerId } : {};
      const saved = await update.mutateAsync({ ...changes, ...worker, version: action.version });
      unsaved.release();
      onSaved(saved);
    } else {
      if (me.role === 'admin' && v.level === 'systemic') body.teamId = v.teamId;
      const saved = await create.mutateAsync({ ...body, id: createId });
      unsaved.release();
      onSaved(saved);
    }
  });

  return (
    <FormDialog
      open={open}
      title={action ? 'Update advocacy' : 'New advocacy action'}
      guard={unsaved}
      onClose={onClose}
      onSubmit={onSubmit}
      {...state}
      submitLabel={action ? 'Save changes' : 'Save advocacy'}
      submitDisabled={!mayChange}
      pickers
      grid={false}
    >
      {!mayChange && (
        <Alert severity="info" sx={{ mb: 2 }}>
          This action belongs to another worker: they or a supervisor can update it.
        </Alert>
      )}
      <Grid container spacing={2} sx={{ pt: 1 }}>
        {!action && !fixedParticipant && (
          <Grid size={12}>
            <FormLabel id={levelId}>For</FormLabel>
            <Controller
              control={control}
              name="level"
              render={({ field }) => (
                <RadioGroup row aria-labelledby={levelId} {...field}>
                  {ADVOCACY_LEVELS.map((l) => (
                    <FormControlLabel
                      key={l}
                      value={l}
                      control={<Radio />}
                      label={
                        l === 'individual' ? 'One person (individual)' : 'Many people (systemic)'
                      }
                    />
                  ))}
                </RadioGroup>
              )}
            />
          </Grid>
        )}
        <GridCells sm={12}>
          {level === 'individual' && (
            <ParticipantField
              control={control}
              message="Choose the person this is for"
              needed={(all) => all.level === 'individual'}
              disabled={Boolean(action) || Boolean(fixedParticipant)}
            />
          )}
          {level === 'systemic' && me.role === 'admin' && !action && (
            <TeamSelect
              control={control}
              message="Choose the team"
              needed={(all) => all.level === 'systemic'}
            />
          )}
          <TextField
            label="What it is about"
            required
            autoFocus={!action}
            error={Boolean(errors.title)}
            helperText={
              errors.title?.message ?? 'For example: Appeal the housing benefit decision.'
            }
            {...register('title', {
              validate: (v) => v.trim().length > 0 || 'Say in a few words what this is about',
              maxLength: maxLength(200),
            })}
          />
        </GridCells>
        <GridCells>
          <EnumSelect control={control} name="category" label="Category" options={CATEGORIES} />
          <EnumSelect control={control} name="status" label="Status" options={STATUSES} />
          <DateInput control={control} name="dueOn" label="Due by" helperText="Optional." />
          {me.role !== 'worker' && (
            <EnumSelect
              control={control}
              name="workerId"
              label="Worker"
              required
              rules={{ validate: (v) => Boolean(v) || 'Choose who is doing this' }}
              options={workers}
              missingLabel={userName}
            />
          )}
        </GridCells>
        <GridCells sm={12}>
          <LongTextField
            label="Details (optional)"
            error={Boolean(errors.description)}
            helperText={errors.description?.message}
            {...register('description', {
              maxLength: maxLength(4000),
            })}
          />
          {(status === 'done' || status === 'cancelled' || action?.outcome) && (
            <LongTextField
              label="Outcome"
              error={Boolean(errors.outcome)}
              helperText={errors.outcome?.message ?? 'What came of it, in plain words.'}
              {...register('outcome', {
                maxLength: maxLength(4000),
              })}
            />
          )}
        </GridCells>
      </Grid>
    </FormDialog>
  );
}
