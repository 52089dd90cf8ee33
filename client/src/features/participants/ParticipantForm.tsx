import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import {
  FOCUS_AREAS,
  LABELS,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  type CreateParticipantRequest,
  type FocusArea,
  type Participant,
  type ParticipantStatus,
  type ParticipantType,
  type UpdateParticipantRequest,
} from '@peerpath/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm, type FieldNamesMarkedBoolean } from 'react-hook-form';
import { type FieldLabels } from '../../api';
import { useCurrentUser } from '../../auth';
import { ChipCheckboxField } from '../../components/ChipCheckboxGroup';
import { EnumSelect } from '../../components/EnumSelect';
import { FormSection } from '../../components/FormSection';
import { DateInput, PickersProvider } from '../../components/pickers';
import { GridCells } from '../../components/GridCells';
import { today } from '../../lib/dates';
import { newId } from '../../lib/newId';
import { enumOptions } from '../../lib/options';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { TeamSelect } from '../teams/TeamSelect';
import { useUserName, useWorkerOptions } from '../users/api';
import { useBillingProfiles } from '../billing/api';
import { useCreateParticipant, useUpdateParticipant } from './api';
import { FormActions } from '../../components/FormActions';
import { ConflictAlert } from '../../components/ConflictAlert';
import { FormError } from '../../components/FormError';
import { maxLength } from '../../lib/formRules';

/** What a save sends, but the version and team. */
type ParticipantChanges = Omit<UpdateParticipantRequest, 'version' | 'teamId'>;

export interface ParticipantFormValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  participantType: ParticipantType;
  focusAreas: FocusArea[];
  status: ParticipantStatus;
  enrolledOn: string;
  primaryWorkerId: string;
  consentToServicesOn: string;
  consentToShareOn: string;
  teamId: string;
  /** Billing coverage (SPEC §13): both or neither. */
  coverageProfileId: string;
  coverageMemberId: string;
}

const FOCUS_AREA_OPTIONS = enumOptions(FOCUS_AREAS, LABELS.focusArea);
/** Discharge has its own dialog on the person's page. */
const STATUS_OPTIONS = enumOptions(
  PARTICIPANT_STATUSES.filter((s) => s !== 'discharged'),
  LABELS.participantStatus,
);

const LABELS_FOR: FieldLabels<ParticipantFormValues> = {
  firstName: 'First name',
  lastName: 'Last name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  dateOfBirth: 'Date of birth',
  phone: 'Phone',
  email: 'Email',
  participantType: 'Who they are',
  focusAreas: 'Focus areas',
  status: 'Status',
  enrolledOn: 'Enrolled on',
  primaryWorkerId: 'Primary worker',
  consentToServicesOn: 'Consent to services',
  consentToShareOn: 'Consent to share information',
  teamId: 'Team',
  coverageProfileId: 'Who pays',
  coverageMemberId: 'Member id',
};

/** The server names coverage's parts as `coverage.profileId` and `coverage.memberId`. */
const ALIASES = {
  coverage: 'coverageProfileId',
  'coverage.profileId': 'coverageProfileId',
  'coverage.memberId': 'coverageMemberId',
} as const;

/** Form fields sent as one `coverage` object. */
const COVERAGE_FIELDS = new Set<keyof ParticipantFormValues>([
  'coverageProfileId',
  'coverageMemberId',
]);

/** Fields a caller clears with null (the others are left out when empty). */
const NULLABLE = new Set<keyof ParticipantFormValues>([
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'phone',
  'email',
  'primaryWorkerId',
  'consentToServicesOn',
  'consentToShareOn',
]);

function toValues(p: Participant | undefined, defaultWorker: string): ParticipantFormValues {
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    preferredName: p?.preferredName ?? '',
    pronouns: p?.pronouns ?? '',
    dateOfBirth: p?.dateOfBirth ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    participantType: p?.participantType ?? 'individual',
    focusAreas: p?.focusAreas ?? [],
    status: p?.status ?? 'active',
    enrolledOn: p?.enrolledOn ?? today(),
    primaryWorkerId: p ? (p.primaryWorkerId ?? '') : defaultWorker,
    consentToServicesOn: p?.consentToServicesOn ?? '',
    consentToShareOn: p?.consentToShareOn ?? '',
    teamId: p?.teamId ?? '',
    coverageProfileId: p?.coverage?.profileId ?? '',
    coverageMemberId: p?.coverage?.memberId ?? '',
  };
}

/** What to send: on create every filled field, on edit only the changed ones. */
function toBody(
  values: ParticipantFormValues,
  dirty: Partial<FieldNamesMarkedBoolean<ParticipantFormValues>> | null,
): ParticipantChanges {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof ParticipantFormValues)[]) {
    if (key === 'teamId' || COVERAGE_FIELDS.has(key)) continue;
    if (dirty && !dirty[key]) continue;
    const raw = values[key];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === '') {
      if (dirty && NULLABLE.has(key)) body[key] = null;
      continue;
    }
    body[key] = value;
  }
  // Coverage goes as one: both parts filled sets it, both cleared removes it.
  if (!dirty || dirty.coverageProfileId || dirty.coverageMemberId) {
    const profileId = values.coverageProfileId;
    const memberId = values.coverageMemberId.trim();
    if (profileId && memberId) body.coverage = { profileId, memberId };
    else if (dirty && !profileId && !memberId) body.coverage = null;
  }
  return body as ParticipantChanges;
}

/** One form for enrolling a participant and for changing their details. */
export function ParticipantForm({
  participant,
  onSaved,
  onCancel,
  onReload,
  focusCoverage = false,
}: {
  participant?: Participant;
  onSaved: (p: Participant) => void;
  onCancel: () => void;
  /** Edit only: fetch the latest version after a conflict. */
  onReload?: () => void;
  /** Opened to add their billing coverage: that part is shown and its first field focused. */
  focusCoverage?: boolean;
}) {
  const me = useCurrentUser();
  const editing = Boolean(participant);
  const workers = useWorkerOptions();
  const userName = useUserName();
  const create = useCreateParticipant();
  const update = useUpdateParticipant(participant?.id ?? '');
  const profiles = useBillingProfiles();
  const coverageRef = useRef<HTMLElement>(null);
  // One id per form: a retried save after a lost answer cannot enrol someone twice.
  const [createId] = useState(newId);
  const [conflict, setConflict] = useState(false);
  const typeLabelId = useId();

  const form = useForm<ParticipantFormValues>({
    defaultValues: toValues(participant, me.role === 'admin' ? '' : me.id),
  });
  const {
    register,
    control,
    getValues,
    formState: { errors, isSubmitting, dirtyFields, isDirty },
  } = form;
  const { formError, submit } = useFormDialog(form, LABELS_FOR, {
    aliases: ALIASES,
    onConflict: participant ? () => setConflict(true) : undefined,
  });

  const unsaved = useUnsavedChangesWarning(isDirty);

  // Billing is on once an admin adds a profile; a profile since turned off stays shown while chosen.
  const activeProfiles = (profiles.data?.items ?? []).filter((bp) => bp.active);
  const currentProfile = participant?.coverage?.profileId;
  const profileChoices = [
    ...(currentProfile && !activeProfiles.some((bp) => bp.id === currentProfile)
      ? [{ value: currentProfile, label: 'A payer no longer in use' }]
      : []),
    ...activeProfiles.map((bp) => ({ value: bp.id, label: `${bp.name} (${bp.code})` })),
  ];
  const showCoverage = activeProfiles.length > 0 || Boolean(currentProfile);

  useEffect(() => {
    if (!focusCoverage || !showCoverage) return;
    coverageRef.current?.scrollIntoView({ block: 'center' });
    coverageRef.current?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
  }, [focusCoverage, showCoverage]);

  // Their primary worker stays a choice after leaving the team, until someone else is chosen.
  const currentWorker = participant?.primaryWorkerId;
  const workerChoices =
    currentWorker && !workers.some((o) => o.value === currentWorker)
      ? [{ value: currentWorker, label: userName(currentWorker) }, ...workers]
      : workers;

  const onSubmit = submit(async (values) => {
    setConflict(false);
    if (participant) {
      if (!isDirty) {
        onSaved(participant);
        return;
      }
      const saved = await update.mutateAsync({
        ...toBody(values, dirtyFields),
        version: participant.version,
      });
      unsaved.release();
      onSaved(saved);
    } else {
      const body = toBody(values, null) as CreateParticipantRequest;
      if (me.role === 'admin') body.teamId = values.teamId;
      const saved = await create.mutateAsync({ ...body, id: createId });
      unsaved.release();
      onSaved(saved);
    }
  });

  const text = (name: keyof ParticipantFormValues, extra: Record<string, unknown> = {}) => ({
    label: LABELS_FOR[name],
    error: Boolean(errors[name]),
    helperText: errors[name]?.message as string | undefined,
    ...extra,
  });

  return (
    <PickersProvider>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={editing ? 'Edit participant' : 'New participant'}
      >
        {conflict && (
          <ConflictAlert onReload={onReload}>
            Someone else changed this — reload to see their changes. Yours have not been saved yet;
            you can make them again after reloading.
          </ConflictAlert>
        )}
        <FormError message={formError} />
        <FormSection grid title="Name and pronouns">
          <GridCells>
            <TextField
              {...text('firstName', { required: true, autoFocus: !editing, autoComplete: 'off' })}
              {...register('firstName', {
                validate: (v) => v.trim().length > 0 || 'Enter their first name',
                maxLength: maxLength(100),
              })}
            />
            <TextField
              {...text('lastName', { required: true, autoComplete: 'off' })}
              {...register('lastName', {
                validate: (v) => v.trim().length > 0 || 'Enter their last name',
                maxLength: maxLength(100),
              })}
            />
            <TextField
              {...text('preferredName', {
                autoComplete: 'off',
                helperText:
                  errors.preferredName?.message ?? 'The name they go by. Shown first everywhere.',
              })}
              {...register('preferredName', {
                maxLength: maxLength(100),
              })}
            />
            <TextField
              {...text('pronouns', {
                autoComplete: 'off',
                helperText:
                  errors.pronouns?.message ?? 'In their words, for example she/her or they/them.',
              })}
              {...register('pronouns', {
                maxLength: maxLength(40),
              })}
            />
          </GridCells>
        </FormSection>

        <FormSection grid title="Contact">
          <GridCells sm={4}>
            <DateInput control={control} name="dateOfBirth" label="Date of birth" disableFuture />
            <TextField
              {...text('phone', { type: 'tel', autoComplete: 'off' })}
              {...register('phone', {
                maxLength: maxLength(40),
              })}
            />
            <TextField
              {...text('email', { type: 'email', autoComplete: 'off' })}
              {...register('email', {
                validate: (v) =>
                  !v.trim() ||
                  /^\S+@\S+\.\S+$/.test(v.trim()) ||
                  'Enter an email address like name@example.org',
              })}
            />
          </GridCells>
        </FormSection>

        <FormSection grid title="Support">
          <Grid size={12}>
            <FormLabel id={typeLabelId}>Who they are</FormLabel>
            <Controller
              control={control}
              name="participantType"
              render={({ field }) => (
                <RadioGroup row aria-labelledby={typeLabelId} {...field}>
                  {PARTICIPANT_TYPES.map((t) => (
                    <FormControlLabel
                      key={t}
                      value={t}
                      control={<Radio />}
                      label={LABELS.participantType[t]}
                    />
                  ))}
                </RadioGroup>
              )}
            />
          </Grid>
          <Grid size={12}>
            <ChipCheckboxField
              control={control}
              name="focusAreas"
              legend="Focus areas (optional)"
              options={FOCUS_AREA_OPTIONS}
              helperText="What they would like support with, as they describe it."
            />
          </Grid>
          <GridCells>
            {me.role === 'admin' && !editing && (
              <TeamSelect
                control={control}
                label={LABELS_FOR.teamId}
                message="Choose the team that supports them"
              />
            )}
            <EnumSelect
              control={control}
              name="primaryWorkerId"
              label={LABELS_FOR.primaryWorkerId}
              emptyLabel="No primary worker yet"
              options={workerChoices}
            />
            <DateInput
              control={control}
              name="enrolledOn"
              label="Enrolled on"
              required
              disableFuture
            />
            {editing && participant?.status !== 'discharged' && (
              <EnumSelect
                control={control}
                name="status"
                label={LABELS_FOR.status}
                helperText="To discharge someone, use Discharge on their page."
                options={STATUS_OPTIONS}
              />
            )}
          </GridCells>
        </FormSection>

        <FormSection grid title="Consent">
          <GridCells>
            <DateInput
              control={control}
              name="consentToServicesOn"
              label="Consent to services"
              disableFuture
              helperText="The date they agreed to receive peer support."
            />
            <DateInput
              control={control}
              name="consentToShareOn"
              label="Consent to share information"
              disableFuture
              helperText="The date they agreed to information being shared with other services."
            />
          </GridCells>
        </FormSection>

        {showCoverage && (
          <Box ref={coverageRef}>
            <FormSection
              grid
              title="Billing coverage"
              hint="If their peer support is paid for by Medicaid or another payer, choose it and enter their member id from their card. Clear both to remove it."
            >
              <GridCells>
                <EnumSelect
                  control={control}
                  name="coverageProfileId"
                  label={LABELS_FOR.coverageProfileId}
                  emptyLabel="No coverage"
                  options={profileChoices}
                  rules={{
                    validate: (v) =>
                      Boolean(v) ||
                      !getValues('coverageMemberId').trim() ||
                      'Choose who pays, or clear the member id',
                  }}
                />
                <TextField
                  {...text('coverageMemberId', {
                    autoComplete: 'off',
                    helperText:
                      errors.coverageMemberId?.message ?? 'As printed on their insurance card.',
                  })}
                  {...register('coverageMemberId', {
                    validate: (v) =>
                      Boolean(v.trim()) ||
                      !getValues('coverageProfileId') ||
                      'Enter their member id, or choose No coverage',
                    maxLength: maxLength(40),
                  })}
                />
              </GridCells>
            </FormSection>
          </Box>
        )}

        <FormActions
          saveLabel={editing ? 'Save changes' : 'Save participant'}
          saving={isSubmitting}
          onCancel={() => unsaved.confirmLeave(onCancel)}
        />
      </form>
      {unsaved.dialog}
    </PickersProvider>
  );
}
