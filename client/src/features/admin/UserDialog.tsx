import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  LABELS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
  type UpdateUserRequest,
  type User,
} from '@peerpath/shared';
import { EnumSelect } from '../../components/EnumSelect';
import { PasswordField } from '../../components/PasswordField';
import { DateInput } from '../../components/pickers';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { enumOptions } from '../../lib/options';
import { useTeams } from '../teams/api';
import { TeamSelect } from '../teams/TeamSelect';
import { useCreateUser, useUpdateUser } from '../users/api';
import { FormDialog } from '../../components/FormDialog';
import { maxLength } from '../../lib/formRules';

interface UserForm {
  email: string;
  displayName: string;
  role: Role;
  teamId: string;
  password: string;
  temporaryPassword: boolean;
  cosignRequired: boolean;
  credential: string;
  credentialExpiresOn: string;
}

const EMPTY: UserForm = {
  email: '',
  displayName: '',
  role: 'worker',
  teamId: '',
  password: '',
  temporaryPassword: true,
  cosignRequired: false,
  credential: '',
  credentialExpiresOn: '',
};

const ROLE_CHOICES = enumOptions(ROLES, LABELS.role);

/** The credential as the API takes it: an expiry only with a credential (SPEC §11). */
function credentialOf(values: UserForm) {
  const credential = values.role === 'admin' ? '' : values.credential.trim();
  return {
    credential: credential || null,
    credentialExpiresOn: credential ? values.credentialExpiresOn || null : null,
  };
}

/**
 * An admin creates a user, or changes one's role and team or sets a new
 * password for them (temporary by default: they choose their own at their
 * next sign-in). The API's rules apply: admins have no team, everyone else one.
 */
export function UserDialog({
  open,
  user,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The user to change (null while none is chosen); left out to create one. */
  user?: User | null;
  onClose: () => void;
  /** `what` completes a sentence that starts with their name. */
  onSaved: (user: User, what: string) => void;
}) {
  const creating = user === undefined;
  const noTeamYet = useTeams().data?.items.length === 0;
  const create = useCreateUser();
  const update = useUpdateUser();
  const form = useForm<UserForm>({ defaultValues: EMPTY });
  const {
    register,
    control,
    reset,
    formState: { errors, isDirty },
  } = form;
  const { setFormError, submit, state } = useFormDialog(form, {
    email: 'Email',
    displayName: 'Name',
    role: 'Role',
    teamId: 'Team',
    password: creating ? 'First password' : 'New password',
    credential: 'Credential',
    credentialExpiresOn: 'Credential valid until',
  });
  const role = useWatch({ control, name: 'role' });
  const credential = useWatch({ control, name: 'credential' }) ?? '';
  const unsaved = useUnsavedChangesWarning(creating && isDirty);

  useEffect(() => {
    if (user) {
      reset({
        ...EMPTY,
        role: user.role,
        teamId: user.teamId ?? '',
        cosignRequired: user.cosignRequired,
        credential: user.credential ?? '',
        credentialExpiresOn: user.credentialExpiresOn ?? '',
      });
    }
  }, [user, reset]);

  const close = () => {
    if (creating) reset(EMPTY);
    setFormError(null);
    onClose();
  };

  const save = async (values: UserForm): Promise<[User, string] | null> => {
    if (creating) {
      const saved = await create.mutateAsync({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        teamId: values.role === 'admin' ? null : values.teamId,
        password: values.password,
        temporaryPassword: values.temporaryPassword,
        cosignRequired: values.role !== 'admin' && values.cosignRequired,
        ...credentialOf(values),
      });
      reset(EMPTY);
      return [saved, `can now sign in as ${LABELS.role[saved.role].toLowerCase()}`];
    }
    if (!user) return null;
    const body: UpdateUserRequest = {};
    if (values.role !== user.role) body.role = values.role;
    const teamId = values.role === 'admin' ? null : values.teamId || null;
    if (teamId !== user.teamId) body.teamId = teamId;
    const cosignRequired = values.role !== 'admin' && values.cosignRequired;
    if (cosignRequired !== user.cosignRequired) body.cosignRequired = cosignRequired;
    const credential = credentialOf(values);
    if (credential.credential !== user.credential) body.credential = credential.credential;
    if (credential.credentialExpiresOn !== user.credentialExpiresOn) {
      body.credentialExpiresOn = credential.credentialExpiresOn;
    }
    if (values.password) {
      body.password = values.password;
      body.temporaryPassword = values.temporaryPassword;
    }
    if (Object.keys(body).length === 0) return null;
    const saved = await update.mutateAsync({ id: user.id, body });
    const what = values.password
      ? values.temporaryPassword
        ? 'has a temporary password and chooses their own at next sign-in'
        : 'has a new password'
      : 'is updated';
    return [saved, what];
  };

  const onSubmit = submit(async (values) => {
    const saved = await save(values);
    if (saved) onSaved(...saved);
    else close();
  });

  const passwordRules = {
    minLength: {
      value: PASSWORD_MIN_LENGTH,
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
    },
    maxLength: {
      value: PASSWORD_MAX_LENGTH,
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
    },
  };

  return (
    <FormDialog
      open={open}
      title={creating ? 'Create a user' : `Change ${user?.displayName}`}
      guard={unsaved}
      onClose={close}
      onSubmit={onSubmit}
      {...state}
      submitLabel={creating ? 'Create user' : 'Save changes'}
      grid={false}
      pickers
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        {creating && (
          <>
            <TextField
              label="Name"
              autoFocus
              required
              autoComplete="off"
              error={Boolean(errors.displayName)}
              helperText={
                errors.displayName?.message ?? 'As colleagues and participants know them.'
              }
              {...register('displayName', {
                required: 'Enter their name',
                validate: (v) => v.trim().length > 0 || 'Enter their name',
                maxLength: {
                  value: 120,
                  message: 'Keep the name to 120 characters or fewer',
                },
              })}
            />
            <TextField
              label="Email"
              type="email"
              required
              autoComplete="off"
              error={Boolean(errors.email)}
              helperText={errors.email?.message ?? 'They sign in with this address.'}
              {...register('email', {
                required: 'Enter their email address',
                pattern: {
                  value: /^\S+@\S+\.\S+$/,
                  message: 'Enter an email address like name@example.org',
                },
              })}
            />
          </>
        )}
        <EnumSelect control={control} name="role" label="Role" required options={ROLE_CHOICES} />
        {role !== 'admin' && (
          <TeamSelect
            control={control}
            message="Choose their team"
            needed={(all) => all.role !== 'admin'}
            helperText={creating && noTeamYet ? 'Create a team first.' : undefined}
          />
        )}
        {creating ? (
          <PasswordField
            label="First password"
            required
            autoComplete="new-password"
            error={Boolean(errors.password)}
            helperText={
              errors.password?.message ??
              `At least ${PASSWORD_MIN_LENGTH} characters. Share it with them in person or by phone, not by email.`
            }
            {...register('password', { required: 'Set a first password', ...passwordRules })}
          />
        ) : (
          <>
            <Typography variant="h3" component="h3" sx={{ pt: 1 }}>
              Set a temporary password
            </Typography>
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              error={Boolean(errors.password)}
              helperText={
                errors.password?.message ??
                `Leave empty to keep their password. At least ${PASSWORD_MIN_LENGTH} characters; share it in person or by phone. They are signed out everywhere.`
              }
              {...register('password', passwordRules)}
            />
          </>
        )}
        {role !== 'admin' && (
          <>
            <FormControlLabel
              control={<Checkbox {...register('cosignRequired')} />}
              label="A supervisor co-signs the session notes they sign"
            />
            <TextField
              label="Credential"
              autoComplete="off"
              error={Boolean(errors.credential)}
              helperText={
                errors.credential?.message ??
                'For example “Certified Peer Recovery Specialist”. Leave empty if none.'
              }
              {...register('credential', {
                maxLength: maxLength(120),
              })}
            />
            {credential.trim() !== '' && (
              <DateInput
                control={control}
                name="credentialExpiresOn"
                label="Credential valid until"
                helperText="The last day it is valid. We remind them 90, 60 and 30 days ahead."
              />
            )}
          </>
        )}
        <FormControlLabel
          control={<Checkbox {...register('temporaryPassword')} defaultChecked />}
          label={`Temporary: they choose their own password when they ${creating ? 'first' : 'next'} sign in`}
        />
      </Stack>
    </FormDialog>
  );
}
