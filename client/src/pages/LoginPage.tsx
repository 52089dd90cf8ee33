import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LoginRequest } from '@peerpath/shared';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { applyServerErrors, isApiError } from '../api';
import { useAuth } from '../auth';
import { FullPageLoading } from '../components/Loading';
import { PasswordField } from '../components/PasswordField';
import { PlainField } from '../components/PlainField';
import { hasEntriesOfAnyone } from '../offline/outbox';
import { ColorModeToggle } from '../theme';
import { FormError } from '../components/FormError';

function messageFor(error: unknown): string {
  if (isApiError(error, 429)) {
    return 'Too many attempts. Sign-in for this account is paused for a while to keep it safe. Please wait about 15 minutes and try again, or ask your administrator for help.';
  }
  if (isApiError(error, 401))
    return 'That email and password do not match an active account. Please check them and try again.';
  if (isApiError(error, 0))
    return 'PeerPath cannot reach the server. Check your connection and try again.';
  return 'Signing in did not work just now. Please try again in a moment.';
}

export function LoginPage() {
  const { status, login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginRequest>({ defaultValues: { email: '', password: '' } });

  useEffect(() => {
    document.title = 'Sign in · PeerPath';
  }, []);

  if (status === 'loading') return <FullPageLoading />;
  if (status === 'signed-in' && !isSubmitting) return <Navigate to={from} replace />;

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    try {
      await login(email.trim(), password);
      await navigate(from, { replace: true });
    } catch (error) {
      if (isApiError(error, 400)) {
        setFormError(applyServerErrors(error, setError, { email: 'Email', password: 'Password' }));
      } else {
        setFormError(messageFor(error));
      }
    }
  });

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8 }}>
        <ColorModeToggle />
      </Box>
      <Paper
        component="main"
        variant="outlined"
        sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 4 } }}
      >
        <Typography sx={{ color: 'primary.main', fontWeight: 700, letterSpacing: 0.5 }}>
          PeerPath
        </Typography>
        <Typography variant="h1" component="h1" sx={{ mt: 1 }}>
          Sign in
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 1, mb: 3 }}>
          Walking alongside the people you support.
        </Typography>
        {expired && !formError && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Your session has ended. Please sign in again.
          </Alert>
        )}
        {hasEntriesOfAnyone() && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            Entries saved on this device have not been sent yet. Sign in with the same account to
            send them; signing in with another account deletes them.
          </Alert>
        )}
        <FormError message={formError} />
        <form onSubmit={onSubmit} noValidate>
          <Stack spacing={2}>
            <PlainField
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              error={Boolean(errors.email)}
              helperText={errors.email?.message}
              {...register('email', {
                required: 'Enter your email address',
                pattern: {
                  value: /^\S+@\S+\.\S+$/,
                  message: 'Enter an email address like name@example.org',
                },
              })}
            />
            <PasswordField
              label="Password"
              autoComplete="current-password"
              required
              error={Boolean(errors.password)}
              helperText={errors.password?.message}
              {...register('password', { required: 'Enter your password' })}
            />
            <Button type="submit" variant="contained" size="large" loading={isSubmitting}>
              Sign in
            </Button>
          </Stack>
        </form>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
          Forgotten your password? Your PeerPath administrator can set a new one for you.
        </Typography>
      </Paper>
    </Box>
  );
}
