import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PASSWORD_MIN_LENGTH, type ChangePasswordRequest } from '@peerpath/shared';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { api, applyServerErrors } from '../api';
import { useAuth } from '../auth';
import { ScreenCentre } from '../components/ScreenCentre';
import { useNotify } from '../lib/notify';

interface PasswordForm extends ChangePasswordRequest {
  confirm: string;
}

/**
 * Changing one's own password. `forced`: the password is a temporary one an
 * admin set, and nothing else opens until it is changed (sign-out still works).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { user, passwordChanged, logout } = useAuth();
  const navigate = useNavigate();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<PasswordForm>({
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });

  useEffect(() => {
    document.title = 'Change your password · PeerPath';
  }, []);

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await api<void>('/auth/password', {
        method: 'POST',
        body: { currentPassword, newPassword } satisfies ChangePasswordRequest,
      });
      passwordChanged();
      notify('Your password is changed. You stay signed in here; other devices are signed out.');
      await navigate('/', { replace: true });
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, {
          currentPassword: 'Current password',
          newPassword: 'New password',
        }),
      );
    }
  });

  const form = (
    <Paper
      component={forced ? 'main' : 'section'}
      variant="outlined"
      aria-labelledby="change-password-heading"
      sx={{ width: '100%', maxWidth: 440, p: { xs: 3, sm: 4 } }}
    >
      <Typography variant="h1" id="change-password-heading">
        {forced ? 'Choose your own password' : 'Change your password'}
      </Typography>
      {forced && (
        <Alert severity="info" sx={{ mt: 2 }}>
          Welcome{user ? `, ${user.displayName}` : ''}. The password you signed in with was set by
          an administrator for this first time. Choose one only you know to carry on.
        </Alert>
      )}
      {formError && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {formError}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2} sx={{ mt: 3 }}>
          <TextField
            label={forced ? 'Password you were given' : 'Current password'}
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            error={Boolean(errors.currentPassword)}
            helperText={errors.currentPassword?.message}
            {...register('currentPassword', { required: 'Enter your current password' })}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            error={Boolean(errors.newPassword)}
            helperText={
              errors.newPassword?.message ??
              `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`
            }
            {...register('newPassword', {
              required: 'Choose a new password',
              minLength: {
                value: PASSWORD_MIN_LENGTH,
                message: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
              },
            })}
          />
          <TextField
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
            error={Boolean(errors.confirm)}
            helperText={errors.confirm?.message}
            {...register('confirm', {
              validate: (v) => v === getValues('newPassword') || 'The two new passwords differ',
            })}
          />
          <Button type="submit" variant="contained" size="large" loading={isSubmitting}>
            Save new password
          </Button>
          {forced && (
            <Button onClick={() => void logout()} size="large">
              Sign out
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );

  if (!forced) return <Box sx={{ py: 2 }}>{form}</Box>;
  return <ScreenCentre>{form}</ScreenCentre>;
}
