import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import {
  BILLING_MAX_MODIFIERS,
  type BillingProfile,
  type BillingRounding,
  type CreateBillingProfileRequest,
} from '@peerpath/shared';
import { useEffect, useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { FieldLabels } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { newId } from '../../lib/newId';
import { useCreateBillingProfile, useUpdateBillingProfile } from './api';
import { maxLength } from '../../lib/formRules';

interface ProfileForm {
  name: string;
  code: string;
  /** Typed as one line: "HE U8" or "HE, U8". */
  modifiers: string;
  groupModifier: string;
  rounding: BillingRounding;
  maxUnitsPerDay: string;
  maxGroupSize: string;
  unitRate: string;
  requiresActivePlan: boolean;
  requiresCosign: boolean;
  requiresCredential: boolean;
  active: boolean;
}

const EMPTY: ProfileForm = {
  name: '',
  code: 'H0038',
  modifiers: '',
  groupModifier: '',
  rounding: 'eight_minute',
  maxUnitsPerDay: '',
  maxGroupSize: '',
  unitRate: '',
  requiresActivePlan: false,
  requiresCosign: false,
  requiresCredential: false,
  active: true,
};

const LABELS_FOR: FieldLabels<ProfileForm> = {
  name: 'Name',
  code: 'Service code',
  modifiers: 'Modifiers',
  groupModifier: 'Group modifier',
  rounding: 'Counting minutes as units',
  maxUnitsPerDay: 'Most units a day',
  maxGroupSize: 'Largest group',
  unitRate: 'Amount per unit',
  requiresActivePlan: 'Needs a current recovery plan',
  requiresCosign: 'Needs a co-signed note',
  requiresCredential: 'Needs a certified worker',
  active: 'In use',
};

/** Plain words for the two rounding rules (SPEC §13). */
export const ROUNDING_CHOICES: { value: BillingRounding; label: string; help: string }[] = [
  {
    value: 'eight_minute',
    label: 'Eight-minute rule',
    help: 'A unit counts from 8 minutes: 7 minutes is 0 units, 8 to 22 minutes is 1, 23 to 37 is 2, 38 is 3.',
  },
  {
    value: 'floor15',
    label: 'Whole 15 minutes only',
    help: 'Only full quarter hours count: 14 minutes is 0 units, 15 to 29 minutes is 1, 30 is 2.',
  },
];

function toForm(p: BillingProfile): ProfileForm {
  return {
    name: p.name,
    code: p.code,
    modifiers: p.modifiers.join(' '),
    groupModifier: p.groupModifier ?? '',
    rounding: p.rounding,
    maxUnitsPerDay: p.maxUnitsPerDay === null ? '' : String(p.maxUnitsPerDay),
    maxGroupSize: p.maxGroupSize === null ? '' : String(p.maxGroupSize),
    unitRate: p.unitRate === null ? '' : p.unitRate.toFixed(2),
    requiresActivePlan: p.requiresActivePlan,
    requiresCosign: p.requiresCosign,
    requiresCredential: p.requiresCredential,
    active: p.active,
  };
}

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v.trim()));

function toBody(v: ProfileForm): Omit<CreateBillingProfileRequest, 'id'> {
  return {
    name: v.name.trim(),
    code: v.code.trim().toUpperCase(),
    modifiers: v.modifiers
      .split(/[\s,]+/)
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean),
    groupModifier: v.groupModifier.trim().toUpperCase() || null,
    rounding: v.rounding,
    maxUnitsPerDay: numberOrNull(v.maxUnitsPerDay),
    maxGroupSize: numberOrNull(v.maxGroupSize),
    unitRate: numberOrNull(v.unitRate),
    requiresActivePlan: v.requiresActivePlan,
    requiresCosign: v.requiresCosign,
    requiresCredential: v.requiresCredential,
    active: v.active,
  };
}

const wholeNumber = (v: string) =>
  v.trim() === '' || /^\d+$/.test(v.trim()) || 'Enter a whole number, or leave it empty';

/**
 * An admin adds a payer's billing rules, or changes them (SPEC §13). Every
 * rule is a field; the server's objections show on the field they name.
 */
export function BillingProfileDialog({
  open,
  profile,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The profile to change (null while none is chosen); left out to add one. */
  profile?: BillingProfile | null;
  onClose: () => void;
  onSaved: (profile: BillingProfile, created: boolean) => void;
}) {
  const creating = profile === undefined;
  const roundingId = useId();
  const fullScreen = useMediaQuery(useTheme().breakpoints.down('sm'));
  const create = useCreateBillingProfile();
  const update = useUpdateBillingProfile(profile?.id ?? '');
  const [createId, setCreateId] = useState(newId);
  const form = useForm<ProfileForm>({ defaultValues: EMPTY });
  const {
    register,
    control,
    reset,
    formState: { errors, isDirty },
  } = form;
  const { setFormError, submit, state } = useFormDialog(form, LABELS_FOR, {
    conflict: creating
      ? undefined
      : 'Someone else changed this profile. Close this window and open it again to see their changes.',
  });
  const unsaved = useUnsavedChangesWarning(open && isDirty);

  useEffect(() => {
    if (profile) reset(toForm(profile));
  }, [profile, reset]);

  const close = () => {
    reset(creating ? EMPTY : profile ? toForm(profile) : EMPTY);
    setFormError(null);
    onClose();
  };

  const onSubmit = submit(async (values) => {
    if (creating) {
      const saved = await create.mutateAsync({ ...toBody(values), id: createId });
      reset(EMPTY);
      setCreateId(newId());
      onSaved(saved, true);
    } else if (profile) {
      if (!isDirty) {
        close();
        return;
      }
      const saved = await update.mutateAsync({ ...toBody(values), version: profile.version });
      onSaved(saved, false);
    }
  });

  const text = (name: keyof ProfileForm, help?: string) => ({
    label: LABELS_FOR[name],
    error: Boolean(errors[name]),
    helperText: (errors[name]?.message as string | undefined) ?? help,
    autoComplete: 'off',
    fullWidth: true,
  });

  const check = (
    name: 'requiresActivePlan' | 'requiresCosign' | 'requiresCredential' | 'active',
    help: string,
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <div>
          <FormControlLabel
            sx={{ minHeight: 48 }}
            control={
              <Checkbox
                checked={field.value}
                onChange={(e) => field.onChange(e.target.checked)}
                onBlur={field.onBlur}
              />
            }
            label={LABELS_FOR[name]}
          />
          <FormHelperText sx={{ mt: -0.5, ml: 4 }} error={Boolean(errors[name])}>
            {errors[name]?.message ?? help}
          </FormHelperText>
        </div>
      )}
    />
  );

  return (
    <FormDialog
      open={open}
      title={creating ? 'Add a billing profile' : `Change ${profile?.name ?? ''}`}
      guard={unsaved}
      onClose={close}
      onSubmit={onSubmit}
      {...state}
      submitLabel={creating ? 'Add profile' : 'Save changes'}
      maxWidth="md"
      grid={false}
      large
      fullScreen={fullScreen}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 8 }}>
            <TextField
              {...text('name', 'The payer and programme, as your biller knows it.')}
              required
              autoFocus={creating}
              {...register('name', {
                validate: (v) => v.trim().length > 0 || 'Enter a name for this payer',
                maxLength: maxLength(120),
              })}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              {...text('code', 'H0038 is peer support services.')}
              required
              {...register('code', {
                validate: (v) => v.trim().length > 0 || 'Enter the service code',
              })}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 8 }}>
            <TextField
              {...text(
                'modifiers',
                `Two letters or digits each, separated by spaces, for example HE U8. At most ${BILLING_MAX_MODIFIERS} with the group modifier.`,
              )}
              {...register('modifiers')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              {...text('groupModifier', 'Added for groups, for example HQ. Leave empty if none.')}
              {...register('groupModifier')}
            />
          </Grid>
        </Grid>

        <div>
          <FormLabel id={roundingId}>{LABELS_FOR.rounding}</FormLabel>
          <Controller
            control={control}
            name="rounding"
            render={({ field }) => (
              <RadioGroup aria-labelledby={roundingId} {...field}>
                {ROUNDING_CHOICES.map((r) => (
                  <div key={r.value}>
                    <FormControlLabel
                      value={r.value}
                      control={<Radio />}
                      label={r.label}
                      sx={{ minHeight: 48 }}
                    />
                    <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{r.help}</FormHelperText>
                  </div>
                ))}
              </RadioGroup>
            )}
          />
          {errors.rounding && <FormHelperText error>{errors.rounding.message}</FormHelperText>}
        </div>

        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              {...text('maxUnitsPerDay', 'For one person in one day. Empty: no limit.')}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              {...register('maxUnitsPerDay', { validate: wholeNumber })}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              {...text('maxGroupSize', 'Most people who attended. Empty: no limit.')}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              {...register('maxGroupSize', { validate: wholeNumber })}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              {...text('unitRate', 'In dollars, for example 17.48. Empty if not known.')}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              {...register('unitRate', {
                validate: (v) =>
                  v.trim() === '' ||
                  /^\d+(\.\d{1,2})?$/.test(v.trim()) ||
                  'Enter an amount like 17.48, or leave it empty',
              })}
            />
          </Grid>
        </Grid>

        <div>
          {check(
            'requiresActivePlan',
            'Only services on a day the person has an active recovery plan can be billed.',
          )}
          {check(
            'requiresCosign',
            'Every note needs a supervisor’s co-signature before it can be billed.',
          )}
          {check(
            'requiresCredential',
            'Services by a worker with no peer credential on file cannot be billed.',
          )}
          {check('active', 'Turn off to stop billing this payer. People keep their member id.')}
        </div>
      </Stack>
    </FormDialog>
  );
}
