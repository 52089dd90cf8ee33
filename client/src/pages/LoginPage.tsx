import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { UseFormSetError } from 'react-hook-form';
import { applyServerErrors, isApiError } from '../api';
import { useAuth } from '../auth/context';
import { FullPageLoading } from '../components/Loading';
import { PasswordField } from '../components/PasswordField';
import { PlainField } from '../components/PlainField';
import { ScreenCentre } from '../components/ScreenCentre';
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

type Fields = { email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

/** The form's own checks, as the person sees them: the first problem of each field. */
function check(name: keyof Fields, value: string): string | undefined {
  if (name === 'email') {
    if (!value) return 'Enter your email address';
    if (!/^\S+@\S+\.\S+$/.test(value)) return 'Enter an email address like name@example.org';
    return undefined;
  }
  return value ? undefined : 'Enter your password';
}

export interface LoginPageProps {
  /** Where to go once signed in (the page that sent the person here, else home). */
  from: string;
  /** Goes there (the router's navigate, or the app's first load when shown without it). */
  onSignedIn(to: string): void | Promise<void>;
}

/**
 * The sign-in page. A plain form, without the router or a form library: it is the first page
 * a phone downloads, so it carries only what it shows (see `main.tsx`).
 */
export function LoginPage({ from, onSignedIn }: LoginPageProps) {
  const { status, login, expired } = useAuth();
  const [formError, setFormError] = useState<string | null>(null);
  const [values, setValues] = useState<Fields>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const focus = (name: keyof Fields) =>
    (name === 'email' ? emailInput : passwordInput).current?.focus();
  const alreadySignedIn = status === 'signed-in' && !isSubmitting;

  useEffect(() => {
    document.title = 'Sign in · PeerPath';
  }, []);

  // Signed in already (a session restored from the cookie): straight on.
  useEffect(() => {
    if (alreadySignedIn) void onSignedIn(from);
  }, [alreadySignedIn, from, onSignedIn]);

  if (status === 'loading') return <FullPageLoading />;
  if (alreadySignedIn) return null;

  const field = (name: keyof Fields) => ({
    name,
    value: values[name],
    // After the first try, each field is checked again as it is typed in.
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [name]: value }));
      if (submitted) setErrors((errs) => ({ ...errs, [name]: check(name, value) }));
    },
  });

  const setError: UseFormSetError<Fields> = (name, error, options) => {
    const key = name as keyof Fields;
    setErrors((errs) => ({ ...errs, [key]: error.message }));
    if (options?.shouldFocus) focus(key);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const found: FieldErrors = {
      email: check('email', values.email),
      password: check('password', values.password),
    };
    setErrors(found);
    const first = (['email', 'password'] as const).find((name) => found[name]);
    if (first) {
      focus(first);
      return;
    }
    setFormError(null);
    setSubmitting(true);
    try {
      await login(values.email.trim(), values.password);
      await onSignedIn(from);
    } catch (error) {
      if (isApiError(error, 400)) {
        setFormError(applyServerErrors(error, setError, { email: 'Email', password: 'Password' }));
      } else {
        setFormError(messageFor(error));
      }
      setSubmitting(false);
    }
  };

  return (
    <ScreenCentre>
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
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack spacing={2}>
            <PlainField
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              error={Boolean(errors.email)}
              helperText={errors.email}
              ref={emailInput}
              {...field('email')}
            />
            <PasswordField
              label="Password"
              autoComplete="current-password"
              required
              error={Boolean(errors.password)}
              helperText={errors.password}
              ref={passwordInput}
              {...field('password')}
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
    </ScreenCentre>
  );
}
