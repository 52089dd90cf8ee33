import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { INSTRUMENTS, INSTRUMENT_KEYS, bandOf, type InstrumentKey } from '@peerpath/shared';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { confirmOwnPassword, describeError } from '../../api';
import { useCurrentUser } from '../../auth';
import { useSaveMeasurement } from './api';

type Step = 'intro' | 'question' | 'handback' | 'unlock' | 'review';

/**
 * The locked self-entry mode: the person answers on the worker's device, one
 * question a screen, with nothing else of the app in reach. Leaving — or
 * seeing the answers — needs the worker's password; the end screen asks them
 * to hand the device back and shows no score.
 */
export function SelfEntryPage() {
  const { id = '', instrument = '' } = useParams();
  const known = (INSTRUMENT_KEYS as readonly string[]).includes(instrument);
  const key = known ? (instrument as InstrumentKey) : 'barc10';
  const i = INSTRUMENTS[key];
  const user = useCurrentUser();
  const navigate = useNavigate();
  const save = useSaveMeasurement();
  const [step, setStep] = useState<Step>('intro');
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<number[]>([]);
  const [leaving, setLeaving] = useState(false);
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState(false);
  const [searchParams] = useSearchParams();
  const [atDischarge, setAtDischarge] = useState(searchParams.get('at') === 'discharge');

  // The browser's back button stays inside the mode.
  useEffect(() => {
    const stay = () => window.history.pushState(null, '', window.location.href);
    stay();
    window.addEventListener('popstate', stay);
    return () => window.removeEventListener('popstate', stay);
  }, []);

  const answer = (value: number) => {
    const next = [...answers];
    next[index] = value;
    setAnswers(next);
    if (index + 1 < i.items.length) setIndex(index + 1);
    else setStep('handback');
  };

  const unlock = async () => {
    const ok = await confirmOwnPassword(user, password);
    setPassword('');
    if (!ok) {
      setWrong(true);
      return;
    }
    setWrong(false);
    if (leaving) void navigate(`/participants/${id}`, { replace: true });
    else setStep('review');
  };

  const score = answers.reduce((a, b) => a + b, 0);
  const big = { minHeight: 64, fontSize: '1.15rem', justifyContent: 'flex-start', px: 3 };

  // An address with a measure PeerPath does not know: say so rather than ask another one's questions.
  if (!known) {
    return (
      <Box component="main" sx={{ maxWidth: 560, mx: 'auto', p: 2, display: 'grid', gap: 2 }}>
        <Typography variant="h5" component="h1">
          This isn’t a measure PeerPath knows
        </Typography>
        <Button variant="contained" sx={big} href={`/participants/${id}`}>
          Back to their page
        </Button>
      </Box>
    );
  }

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100dvh',
        maxWidth: 560,
        mx: 'auto',
        p: 2,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      {step !== 'unlock' && step !== 'review' && (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            size="small"
            startIcon={<LockOutlined />}
            onClick={() => {
              setLeaving(true);
              setStep('unlock');
            }}
          >
            Worker: leave
          </Button>
        </Box>
      )}

      {step === 'intro' && (
        <>
          <Typography variant="h5" component="h1">
            A few questions, just for you
          </Typography>
          <Typography sx={{ fontSize: '1.1rem' }}>
            There are {i.items.length} questions. There are no right or wrong answers. {i.intro}
          </Typography>
          <Button variant="contained" sx={big} onClick={() => setStep('question')}>
            Start
          </Button>
        </>
      )}

      {step === 'question' && (
        <>
          <Typography aria-live="polite">
            Question {index + 1} of {i.items.length}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={(index / i.items.length) * 100}
            aria-label="Progress"
            sx={{ height: 10, borderRadius: 5 }}
          />
          <Typography variant="body2" color="text.secondary">
            {i.intro}
          </Typography>
          <Typography variant="h5" component="h1" sx={{ minHeight: '4em' }}>
            {i.items[index]}
          </Typography>
          <Box role="group" aria-label="Answers" sx={{ display: 'grid', gap: 1.5 }}>
            {i.answers.map((a) => (
              <Button
                key={a.value}
                variant={answers[index] === a.value ? 'contained' : 'outlined'}
                sx={big}
                onClick={() => answer(a.value)}
              >
                {a.label}
              </Button>
            ))}
          </Box>
          {index > 0 && (
            <Button onClick={() => setIndex(index - 1)} sx={{ alignSelf: 'flex-start' }}>
              Back to the last question
            </Button>
          )}
        </>
      )}

      {step === 'handback' && (
        <>
          <Typography variant="h4" component="h1">
            Thank you
          </Typography>
          <Typography sx={{ fontSize: '1.2rem' }}>
            That’s all of them. Please hand this back to your worker.
          </Typography>
          <Button
            variant="outlined"
            sx={{ ...big, mt: 'auto' }}
            onClick={() => {
              setLeaving(false);
              setStep('unlock');
            }}
          >
            I’m the worker
          </Button>
        </>
      )}

      {step === 'unlock' && (
        <Box
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
          sx={{ display: 'grid', gap: 2 }}
        >
          <Typography variant="h5" component="h1">
            Your password, {user.displayName}
          </Typography>
          <TextField
            type="password"
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={wrong}
            helperText={wrong ? 'That password is not right.' : ' '}
            autoFocus
          />
          <Button type="submit" variant="contained" sx={big} disabled={!password}>
            {leaving ? 'Leave the questions' : 'Review the answers'}
          </Button>
          <Button
            onClick={() => setStep(leaving ? (answers.length ? 'question' : 'intro') : 'handback')}
          >
            Go back
          </Button>
        </Box>
      )}

      {step === 'review' && (
        <>
          <Typography variant="h5" component="h1">
            {i.name}: review and save
          </Typography>
          <Typography>
            Score {score} — {bandOf(i, score).label}
          </Typography>
          <Box component="ol" sx={{ pl: 3, m: 0 }}>
            {i.items.map((item, n) => (
              <li key={item}>
                <Typography variant="body2">
                  {item}: <strong>{i.answers.find((a) => a.value === answers[n])?.label}</strong>
                </Typography>
              </li>
            ))}
          </Box>
          <FormControlLabel
            control={
              <Checkbox checked={atDischarge} onChange={(e) => setAtDischarge(e.target.checked)} />
            }
            label="Taken at discharge"
            sx={{ minHeight: 48 }}
          />
          {save.isError && <Typography color="error">{describeError(save.error)}</Typography>}
          <Button
            variant="contained"
            sx={big}
            disabled={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  participantId: id,
                  instrument: key,
                  answers,
                  selfEntered: true,
                  ...(atDischarge ? { timepoint: 'discharge' as const } : {}),
                },
                { onSuccess: () => void navigate(`/participants/${id}`, { replace: true }) },
              )
            }
          >
            Save
          </Button>
        </>
      )}
    </Box>
  );
}
