import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
  type UpdateUserRequest,
  type User,
} from '@peerpath/shared';
import { useEffect, useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { applyServerErrors } from '../../api';
import { useTeams } from '../teams/api';
import { useUpdateUser } from '../users/api';

interface EditForm {
  role: Role;
  teamId: string;
  password: string;
  temporaryPassword: boolean;
}

/**
 * An admin changes a user's role and team, or sets a new password for them
 * (temporary by default: they choose their own at their next sign-in). The
 * API's rules apply: admins have no team, everyone else one.
 */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (user: User, what: string) => void;
}) {
  const titleId = useId();
  const teams = useTeams();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<EditForm>();
  const role = useWatch({ control, name: 'role' });

  useEffect(() => {
    if (user) {
      reset({ role: user.role, teamId: user.teamId ?? '', password: '', temporaryPassword: true });
    }
  }, [user, reset]);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const onSubmit = handleSubmit(async (values) => {
    if (!user) return;
    setFormError(null);
    const body: UpdateUserRequest = {};
    if (values.role !== user.role) body.role = values.role;
    const teamId = values.role === 'admin' ? null : values.teamId || null;
    if (teamId !== user.teamId) body.teamId = teamId;
    if (values.password) {
      body.password = values.password;
      body.temporaryPassword = values.temporaryPassword;
    }
    if (Object.keys(body).length === 0) return close();
    try {
      const saved = await update.mutateAsync({ id: user.id, body });
      onSaved(
        saved,
        values.password
          ? values.temporaryPassword
            ? 'has a temporary password and chooses their own at next sign-in'
            : 'has a new password'
          : 'is updated',
      );
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, {
          role: 'Role',
          teamId: 'Team',
          password: 'New password',
        }),
      );
    }
  });

  return (
    <Dialog
      open={Boolean(user)}
      onClose={onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>Change {user?.displayName}</DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <TextField select label="Role" required {...field} value={field.value ?? ''}>
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
                    value={field.value ?? ''}
                    error={Boolean(errors.teamId)}
                    helperText={errors.teamId?.message}
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
              {...register('password', {
                minLength: {
                  value: PASSWORD_MIN_LENGTH,
                  message: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
                },
                maxLength: {
                  value: PASSWORD_MAX_LENGTH,
                  message: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
                },
              })}
            />
            <FormControlLabel
              control={<Checkbox {...register('temporaryPassword')} defaultChecked />}
              label="Temporary: they choose their own password when they next sign in"
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="contained" loading={isSubmitting}>
            Save changes
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
