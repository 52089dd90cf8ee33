import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  SESSION_ACTIVITIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  formatOf,
  isOwnTeamAttendee,
  type CreateSessionRequest,
  type GroupSessionDraft,
  type Participant,
  type Session,
  type SessionActivity,
  type SessionSetting,
  type SessionType,
  type UpdateSessionRequest,
} from '@peerpath/shared';
import dayjs from 'dayjs';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { type FieldLabels } from '../../api';
import { useCurrentUser } from '../../auth';
import { ChipCheckboxField } from '../../components/ChipCheckboxGroup';
import { EnumSelect } from '../../components/EnumSelect';
import { FormSection } from '../../components/FormSection';
import { PickersProvider } from '../../components/pickers';
import { DateTimeInput } from '../../components/DateTimeInput';
import { GridCells } from '../../components/GridCells';
import { newId } from '../../lib/newId';
import { enumOptions } from '../../lib/options';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { useParticipantLookup } from '../participants/api';
import { useWorkerOptions } from '../users/api';
import { AttendancePicker, type Attendee } from './AttendancePicker';
import { useCreateSession, useUpdateSession } from './api';
import { FormActions } from '../../components/FormActions';
import { ConflictAlert } from '../../components/ConflictAlert';
import { FormError } from '../../components/FormError';
import { usePartsDrawn } from '../../api/deferred';

const TYPES = enumOptions(SESSION_TYPES, LABELS.sessionType);
const SETTINGS = enumOptions(SESSION_SETTINGS, LABELS.sessionSetting);
const ACTIVITIES = enumOptions(SESSION_ACTIVITIES, LABELS.sessionActivity);

export const DURATION_PRESETS = [30, 45, 60, 90, 120] as const;

export interface SessionFormValues {
  type: SessionType;
  setting: SessionSetting;
  /** ISO instant; '' when empty, 'invalid' while half typed. */
  startsAt: string;
  durationMinutes: string;
  title: string;
  activities: SessionActivity[];
  notes: string;
  attendance: Attendee[];
  facilitatorId: string;
  /** The recurring group it is a meeting of; '' for none. */
  groupId: string;
}

const FIELD_LABELS: FieldLabels<SessionFormValues> = {
  type: 'Type',
  setting: 'Setting',
  startsAt: 'Date and time',
  durationMinutes: 'Duration',
  title: 'Title',
  activities: 'Activities',
  notes: 'Notes',
  attendance: 'Attendance',
  facilitatorId: 'Facilitator',
  groupId: 'Group',
};

/** Now, to the last five minutes: a sensible default for "when". */
function nowRounded() {
  const d = dayjs().second(0).millisecond(0);
  return d.minute(d.minute() - (d.minute() % 5)).toISOString();
}

/** The kind of meeting and when it was, as the form holds them: a session's or a group's draft's. */
function kindAndTime(m: Pick<Session, 'type' | 'setting' | 'startsAt' | 'durationMinutes'>) {
  return {
    type: m.type,
    setting: m.setting,
    startsAt: m.startsAt,
    durationMinutes: String(m.durationMinutes),
  };
}

function toValues(
  session: Session | undefined,
  prefill: Participant | undefined,
  me: string,
  draft?: GroupSessionDraft,
): SessionFormValues {
  if (session) {
    return {
      ...kindAndTime(session),
      title: session.title ?? '',
      activities: session.activities,
      notes: session.notes ?? '',
      // Someone who has moved to another team since stays on the session as they were.
      attendance: session.attendance.filter(isOwnTeamAttendee).map((a) => ({
        participantId: a.participantId,
        status: a.status,
        note: a.note,
      })),
      facilitatorId: session.facilitatorId,
      groupId: session.groupId ?? '',
    };
  }
  if (draft) {
    return {
      ...kindAndTime(draft),
      title: draft.title,
      activities: [],
      notes: '',
      attendance: draft.attendance.map((a) => ({ ...a, note: null })),
      facilitatorId: draft.facilitatorId ?? me,
      groupId: draft.groupId,
    };
  }
  return {
    type: prefill ? 'one_to_one_mentoring' : 'support_group',
    setting: 'community_center',
    startsAt: nowRounded(),
    durationMinutes: '60',
    title: '',
    activities: [],
    notes: '',
    attendance: prefill ? [{ participantId: prefill.id, status: 'attended', note: null }] : [],
    facilitatorId: me,
    groupId: '',
  };
}

function toBody(v: SessionFormValues): Required<Omit<CreateSessionRequest, 'id' | 'teamId'>> {
  return {
    type: v.type,
    setting: v.setting,
    startsAt: dayjs(v.startsAt).toISOString(),
    durationMinutes: Number(v.durationMinutes),
    title: v.title.trim() || null,
    activities: v.activities,
    notes: v.notes.trim() || null,
    attendance: v.attendance.map((a) => ({
      participantId: a.participantId,
      status: a.status,
      note: a.note,
    })),
    facilitatorId: v.facilitatorId,
    groupId: v.groupId || null,
  };
}

/**
 * One form for group and one-to-one sessions, new or existing. Built for
 * speed at the keyboard: people first, Enter adds each, Ctrl+Enter saves.
 */
export function SessionForm({
  session,
  prefill,
  draft,
  onSaved,
  onCancel,
  onReload,
  onSavedOnDevice = onCancel,
}: {
  session?: Session;
  /** A one-to-one with this participant (from their page). */
  prefill?: Participant;
  /** A meeting of a recurring group, everything filled in (GET /api/groups/:id/session-draft). */
  draft?: GroupSessionDraft;
  onSaved: (s: Session) => void;
  onCancel: () => void;
  onReload?: () => void;
  /** A new session kept on this device until the connection returns (default: as Cancel). */
  onSavedOnDevice?: () => void;
}) {
  const me = useCurrentUser();
  const editing = Boolean(session);
  const facilitators = useWorkerOptions();
  const create = useCreateSession();
  const update = useUpdateSession(session?.id ?? '');
  const [createId] = useState(newId);
  const [conflict, setConflict] = useState(false);
  const [picked, setPicked] = useState<Map<string, Participant>>(
    () => new Map(prefill ? [[prefill.id, prefill]] : []),
  );
  const lookup = useParticipantLookup(
    useMemo(
      () =>
        session?.attendance.filter(isOwnTeamAttendee).map((a) => a.participantId) ??
        draft?.attendance.map((a) => a.participantId) ??
        [],
      [session, draft],
    ),
  );
  const known = useMemo(() => new Map([...lookup.known, ...picked]), [lookup.known, picked]);
  const formRef = useRef<HTMLFormElement>(null);
  const durationId = useId();
  // Admins belong to no team, so they name who ran the session.
  const defaultFacilitator = me.role === 'admin' ? '' : me.id;
  const defaults = useMemo(
    () => toValues(session, prefill, defaultFacilitator, draft),
    [session, prefill, defaultFacilitator, draft],
  );

  const form = useForm<SessionFormValues>({ defaultValues: defaults });
  const {
    register,
    control,
    setValue,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const unsaved = useUnsavedChangesWarning(isDirty);
  const { formError, submit } = useFormDialog(form, FIELD_LABELS, {
    onConflict: session ? () => setConflict(true) : undefined,
    onSavedOnDevice: () => {
      unsaved.release();
      onSavedOnDevice();
    },
  });
  // Who came first (the field in focus), then the session's details, then what happened.
  const drawn = usePartsDrawn(3);
  const type = useWatch({ control, name: 'type' });
  const duration = useWatch({ control, name: 'durationMinutes' });

  const onSubmit = submit(async (values) => {
    setConflict(false);
    const full = toBody(values);
    if (session) {
      const before = toBody(defaults);
      const changes: Record<string, unknown> = {};
      for (const key of Object.keys(full) as (keyof typeof full)[]) {
        if (JSON.stringify(full[key]) !== JSON.stringify(before[key])) changes[key] = full[key];
      }
      if (Object.keys(changes).length === 0) {
        onSaved(session);
        return;
      }
      const saved = await update.mutateAsync({
        ...(changes as Partial<UpdateSessionRequest>),
        version: session.version,
      });
      unsaved.release();
      onSaved(saved);
    } else {
      const body: CreateSessionRequest & { id: string } = { ...full, id: createId };
      if (!body.title) delete body.title;
      if (!body.notes) delete body.notes;
      if (!body.groupId) delete body.groupId;
      if (draft && me.role === 'admin') body.teamId = draft.teamId;
      if (me.role === 'admin') {
        // Admins belong to no team: the session goes to its attendees' team.
        const first = known.get(values.attendance[0]!.participantId);
        if (first) body.teamId = first.teamId;
      }
      const saved = await create.mutateAsync(body);
      unsaved.release();
      onSaved(saved);
    }
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) saves from anywhere in the form.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <PickersProvider>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        noValidate
        aria-label={editing ? 'Edit session' : 'Log a session'}
      >
        {conflict && (
          <ConflictAlert onReload={onReload}>
            Someone else changed this — reload to see their changes. Yours have not been saved yet.
          </ConflictAlert>
        )}
        <FormError message={formError} />

        <FormSection title="Who came">
          <Controller
            control={control}
            name="attendance"
            rules={{
              validate: (v, all) => {
                if (formatOf(all.type) === 'one_to_one' && v.length !== 1) {
                  return v.length === 0
                    ? 'Add the person you met with'
                    : 'One-to-one mentoring is with one person. Remove the others, or choose a group type.';
                }
                return v.length > 0 || 'Add at least one person who was there (or was expected)';
              },
            }}
            render={({ field, fieldState }) => (
              <AttendancePicker
                value={field.value}
                onChange={field.onChange}
                known={known}
                onKnow={(ps) =>
                  setPicked((prev) => {
                    if (ps.every((p) => prev.has(p.id))) return prev;
                    const next = new Map(prev);
                    for (const p of ps) next.set(p.id, p);
                    return next;
                  })
                }
                inputRef={field.ref}
                autoFocus={!editing}
                error={fieldState.error?.message}
                helperText={
                  formatOf(type) === 'one_to_one'
                    ? 'One-to-one mentoring: one person.'
                    : 'Everyone you add is marked attended; change it below if someone did not come.'
                }
              />
            )}
          />
        </FormSection>

        {drawn >= 2 && (
          <FormSection grid title="Session">
            <GridCells>
              <EnumSelect control={control} name="type" label="Type" options={TYPES} />
              <EnumSelect control={control} name="setting" label="Setting" options={SETTINGS} />
              <DateTimeInput
                control={control}
                name="startsAt"
                label="Date and time"
                message="Enter the date and time the session started"
              />
              <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                <TextField
                  label="Duration (minutes)"
                  type="number"
                  required
                  sx={{ width: 170, flex: '0 0 auto' }}
                  slotProps={{ htmlInput: { min: 1, max: 720, step: 5, inputMode: 'numeric' } }}
                  error={Boolean(errors.durationMinutes)}
                  helperText={errors.durationMinutes?.message}
                  {...register('durationMinutes', {
                    validate: (v) => {
                      const n = Number(v);
                      return (
                        (Number.isInteger(n) && n >= 1 && n <= 720) ||
                        'Enter whole minutes, from 1 to 720'
                      );
                    },
                  })}
                />
                <Box>
                  <Typography
                    id={durationId}
                    variant="body2"
                    color="text.secondary"
                    sx={{ mb: 0.5 }}
                  >
                    Common lengths
                  </Typography>
                  <ToggleButtonGroup
                    exclusive
                    size="small"
                    color="primary"
                    aria-labelledby={durationId}
                    value={
                      DURATION_PRESETS.includes(Number(duration) as 30) ? Number(duration) : null
                    }
                    onChange={(_e, v: number | null) =>
                      v &&
                      setValue('durationMinutes', String(v), {
                        shouldDirty: true,
                        shouldValidate: true,
                      })
                    }
                  >
                    {DURATION_PRESETS.map((m) => (
                      <ToggleButton key={m} value={m} aria-label={`${m} minutes`} sx={{ px: 1.25 }}>
                        {m}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                </Box>
              </Box>
              {me.role !== 'worker' && (
                <EnumSelect
                  control={control}
                  name="facilitatorId"
                  label="Facilitator"
                  required
                  rules={{ validate: (v) => Boolean(v) || 'Choose who ran the session' }}
                  options={facilitators}
                  missingLabel={(v) =>
                    v === me.id ? `${me.displayName} (you)` : 'Another colleague'
                  }
                />
              )}
            </GridCells>
          </FormSection>
        )}

        {drawn >= 3 && (
          <>
            <FormSection grid title="What happened">
              <GridCells sm={12}>
                <TextField
                  label="Title (optional)"
                  autoComplete="off"
                  error={Boolean(errors.title)}
                  helperText={errors.title?.message ?? 'For example, the topic of a group.'}
                  {...register('title', {
                    maxLength: { value: 200, message: 'Keep the title to 200 characters or fewer' },
                  })}
                />
                <ChipCheckboxField
                  control={control}
                  name="activities"
                  legend="What you did (optional)"
                  options={ACTIVITIES}
                />
                <TextField
                  label="Notes (optional)"
                  multiline
                  minRows={3}
                  error={Boolean(errors.notes)}
                  helperText={
                    errors.notes?.message ??
                    'Write as if the person could read it — they may. Describe, do not diagnose.'
                  }
                  {...register('notes', {
                    maxLength: {
                      value: 10000,
                      message: 'Keep notes to 10,000 characters or fewer',
                    },
                  })}
                />
              </GridCells>
            </FormSection>

            <FormActions
              saveLabel="Save session"
              saving={isSubmitting}
              onCancel={() => unsaved.confirmLeave(onCancel)}
            >
              <FormHelperText sx={{ m: 0 }}>
                Tip: Ctrl+Enter saves from anywhere in this form.
              </FormHelperText>
            </FormActions>
          </>
        )}
      </form>
      {unsaved.dialog}
    </PickersProvider>
  );
}
