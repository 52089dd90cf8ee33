import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import {
  GROUP_SESSION_TYPES,
  LABELS,
  SESSION_SETTINGS,
  START_TIME_PATTERN,
  WEEKDAYS,
  WEEKDAY_LABELS,
  type GroupSessionType,
  type Participant,
  type RecurringGroup,
  type SessionSetting,
  type Weekday,
} from '@peerpath/shared';
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { describeError, isApiError } from '../../api';
import { useCurrentUser } from '../../auth';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { GridCells } from '../../components/GridCells';
import { FormError } from '../../components/FormError';
import { enumOptions } from '../../lib/options';
import { newId } from '../../lib/newId';
import { ACTIVE_ROSTER, useParticipantLookup, useParticipants } from '../participants/api';
import { participantLabel } from '../participants/names';
import { useWorkerOptions } from '../users/api';
import { useCreateGroup, useUpdateGroup } from './api';

interface Values {
  name: string;
  type: GroupSessionType;
  setting: SessionSetting;
  weekday: Weekday;
  startTime: string;
  durationMinutes: string;
  facilitatorIds: string[];
  members: string[];
  active: boolean;
}

const TYPES = enumOptions(GROUP_SESSION_TYPES, LABELS.sessionType);
const SETTINGS = enumOptions(SESSION_SETTINGS, LABELS.sessionSetting);
const DAYS = enumOptions(WEEKDAYS, WEEKDAY_LABELS);

function initial(group: RecurringGroup | undefined, me: string): Values {
  return group
    ? {
        name: group.name,
        type: group.type,
        setting: group.setting,
        weekday: group.weekday,
        startTime: group.startTime,
        durationMinutes: String(group.durationMinutes),
        facilitatorIds: group.facilitatorIds,
        members: group.members,
        active: group.active,
      }
    : {
        name: '',
        type: 'support_group',
        setting: 'community_center',
        weekday: 'tuesday',
        startTime: '18:00',
        durationMinutes: '90',
        facilitatorIds: me ? [me] : [],
        members: [],
        active: true,
      };
}

/**
 * Start or change a recurring group: when it meets, who runs it and who
 * belongs. People added join today; people taken off leave today.
 */
export function GroupDialog({
  open,
  group,
  onClose,
  onSaved,
}: {
  open: boolean;
  group?: RecurringGroup;
  onClose: () => void;
  onSaved: (g: RecurringGroup) => void;
}) {
  const me = useCurrentUser();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const [values, setValues] = useState(() => initial(group, me.role === 'admin' ? '' : me.id));
  const [createId] = useState(newId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateGroup();
  const update = useUpdateGroup(group?.id ?? '');
  const facilitators = useWorkerOptions();
  const roster = useParticipants(ACTIVE_ROSTER);
  const lookup = useParticipantLookup(values.members);
  const people = useMemo(() => {
    const all = new Map<string, Participant>(lookup.known);
    for (const p of roster.data?.items ?? []) all.set(p.id, p);
    return [...all.values()].sort((a, b) => participantLabel(a).localeCompare(participantLabel(b)));
  }, [lookup.known, roster.data]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  /** A select bound to `key`: its value and its change. */
  const choice = <K extends 'type' | 'setting' | 'weekday'>(key: K) => ({
    value: values[key],
    onChange: (v: Values[K]) => set(key, v),
  });
  /** A text field bound to `key`: its value, its change and its error. */
  const text = (key: 'name' | 'startTime' | 'durationMinutes') => ({
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.target.value),
    error: Boolean(errors[key]),
    helperText: errors[key],
  });

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!values.name.trim()) e.name = 'Give the group a name people know it by';
    if (!START_TIME_PATTERN.test(values.startTime)) e.startTime = 'Enter a time such as 18:30';
    const n = Number(values.durationMinutes);
    if (!Number.isInteger(n) || n < 1 || n > 720) e.durationMinutes = 'Whole minutes, 1 to 720';
    return e;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const e = check();
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const body = {
      name: values.name.trim(),
      type: values.type,
      setting: values.setting,
      weekday: values.weekday,
      startTime: values.startTime,
      durationMinutes: Number(values.durationMinutes),
      facilitatorIds: values.facilitatorIds,
      members: values.members,
      active: values.active,
    };
    try {
      const saved = group
        ? await update.mutateAsync({ ...body, version: group.version })
        : await create.mutateAsync({
            ...body,
            id: createId,
            ...(me.role === 'admin' && people[0] ? { teamId: people[0].teamId } : {}),
          });
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 409) && group) {
        setFormError('Someone else changed this group. Close this and open it again.');
        return;
      }
      if (isApiError(error) && error.errors) {
        const fieldErrors: Record<string, string> = {};
        for (const [k, v] of Object.entries(error.errors)) {
          fieldErrors[k.split('.')[0]!] = v[0] ?? 'Check this';
        }
        setErrors(fieldErrors);
      }
      setFormError(describeError(error));
    }
  };

  const saving = create.isPending || update.isPending;
  return (
    <Dialog open={open} onClose={onClose} fullScreen={phone} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-label={group ? 'Edit group' : 'New group'}
      >
        <DialogTitle>{group ? `Edit ${group.name}` : 'Start a group'}</DialogTitle>
        <DialogContent>
          <FormError message={formError} />
          <Grid container spacing={2} sx={{ pt: 1 }}>
            <Grid size={12}>
              <TextField
                label="Name"
                required
                autoFocus
                {...text('name')}
                helperText={errors.name ?? 'For example, Tuesday Recovery Circle'}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
            </Grid>
            <GridCells>
              <ChoiceSelect label="Type" {...choice('type')} options={TYPES} error={errors.type} />
              <ChoiceSelect label="Setting" {...choice('setting')} options={SETTINGS} />
            </GridCells>
            <Grid size={{ xs: 12, sm: 4 }}>
              <ChoiceSelect label="Meets every" {...choice('weekday')} options={DAYS} />
            </Grid>
            <Grid size={{ xs: 6, sm: 4 }}>
              <TextField
                label="Starts at"
                type="time"
                required
                {...text('startTime')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Grid>
            <Grid size={{ xs: 6, sm: 4 }}>
              <TextField
                label="Minutes"
                type="number"
                required
                {...text('durationMinutes')}
                slotProps={{ htmlInput: { min: 1, max: 720, step: 5, inputMode: 'numeric' } }}
              />
            </Grid>
            <GridCells sm={12}>
              {/* Workers do not list their colleagues: a worker's group keeps who runs it. */}
              {me.role !== 'worker' && (
                <Autocomplete
                  multiple
                  options={facilitators.map((f) => f.value)}
                  getOptionLabel={(id) =>
                    facilitators.find((f) => f.value === id)?.label ?? 'A colleague'
                  }
                  value={values.facilitatorIds}
                  onChange={(_e, v) => set('facilitatorIds', v)}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label="Run by"
                      error={Boolean(errors.facilitatorIds)}
                      helperText={errors.facilitatorIds}
                    />
                  )}
                />
              )}
              <Autocomplete
                multiple
                options={people.map((p) => p.id)}
                getOptionLabel={(id) => {
                  const p = people.find((x) => x.id === id);
                  return p ? participantLabel(p) : 'Someone';
                }}
                value={values.members}
                onChange={(_e, v) => set('members', v)}
                filterSelectedOptions
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label="Members"
                    error={Boolean(errors.members)}
                    helperText={
                      errors.members ??
                      'Type a name to add someone. New members join today; anyone you take off leaves today.'
                    }
                  />
                )}
              />
              {group && (
                <FormControlLabel
                  control={
                    <Switch
                      checked={values.active}
                      onChange={(e) => set('active', e.target.checked)}
                    />
                  }
                  label="This group still meets"
                />
              )}
            </GridCells>
          </Grid>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} size="large">
            Cancel
          </Button>
          <Button type="submit" variant="contained" size="large" disabled={saving}>
            {group ? 'Save group' : 'Start group'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
