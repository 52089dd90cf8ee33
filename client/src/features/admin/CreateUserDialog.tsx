import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import {
  LABELS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
  type User,
} from '@peerpath/shared';
import { applyServerErrors } from '../../api';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { useTeams } from '../teams/api';
import { useCreateUser } from '../users/api';

interface UserForm {
  email: string;
  displayName: string;
  role: Role;
  teamId: string;
  password: string;
  temporaryPassword: boolean;
}

const EMPTY: UserForm = {
  email: '',
  displayName: '',
  role: 'worker',
  teamId: '',
  password: '',
  temporaryPassword: true,
};

export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const titleId = useId();
  const teams = useTeams();
  const create = useCreateUser();
  const [showPassword, setShowPassword] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<UserForm>({ defaultValues: EMPTY });
  const role = useWatch({ control, name: 'role' });

  const unsaved = useUnsavedChangesWarning(isDirty);

  const close = () => {
    reset(EMPTY);
    setFormError(null);
    setShowPassword(false);
    onClose();
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await create.mutateAsync({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        teamId: values.role === 'admin' ? null : values.teamId,
        password: values.password,
        temporaryPassword: values.temporaryPassword,
      });
      reset(EMPTY);
      setShowPassword(false);
      onCreated(user);
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, {
          email: 'Email',
          displayName: 'Name',
          role: 'Role',
          teamId: 'Team',
          password: 'First password',
        }),
      );
    }
  });

  return (
    <Dialog
      open={open}
      onClose={() => unsaved.confirmLeave(close)}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>Create a user</DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Stack spacing={2} sx={{ pt: 1 }}>
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
                maxLength: { value: 120, message: 'Keep the name to 120 characters or fewer' },
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
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <TextField
                  select
                  label="Role"
                  required
                  {...field}
                  error={Boolean(errors.role)}
                  helperText={errors.role?.message}
                >
                  {ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {LABELS.role[r]}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            {role !== 'admin' && (
              <Controller
                control={control}
                name="teamId"
                rules={{
                  validate: (v, all) => all.role === 'admin' || Boolean(v) || 'Choose their team',
                }}
                render={({ field }) => (
                  <TextField
                    select
                    label="Team"
                    required
                    {...field}
                    error={Boolean(errors.teamId)}
                    helperText={
                      errors.teamId?.message ??
                      (teams.data?.items.length === 0 ? 'Create a team first.' : undefined)
                    }
                  >
                    {(teams.data?.items ?? []).map((t) => (
                      <MenuItem key={t.id} value={t.id}>
                        {t.name}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            )}
            <TextField
              label="First password"
              type={showPassword ? 'text' : 'password'}
              required
              autoComplete="new-password"
              error={Boolean(errors.password)}
              helperText={
                errors.password?.message ??
                `At least ${PASSWORD_MIN_LENGTH} characters. Share it with them in person or by phone, not by email.`
              }
              {...register('password', {
                required: 'Set a first password',
                minLength: {
                  value: PASSWORD_MIN_LENGTH,
                  message: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
                },
                maxLength: {
                  value: PASSWORD_MAX_LENGTH,
                  message: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
                },
              })}
              slotProps={{
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        onClick={() => setShowPassword((s) => !s)}
                        aria-label={showPassword ? 'Hide password' : 'Show password'}
                        aria-pressed={showPassword}
                        edge="end"
                      >
                        {showPassword ? <VisibilityOff /> : <Visibility />}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              }}
            />
            <FormControlLabel
              control={<Checkbox {...register('temporaryPassword')} defaultChecked />}
              label="Temporary: they choose their own password when they first sign in"
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => unsaved.confirmLeave(close)}>Cancel</Button>
          <Button type="submit" variant="contained" loading={isSubmitting}>
            Create user
          </Button>
        </DialogActions>
      </form>
      {unsaved.dialog}
    </Dialog>
  );
}
