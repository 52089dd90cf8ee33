import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  LIFE_AREAS,
  WELLNESS_SECTIONS,
  type LifeArea,
  type Participant,
  type RecoveryPlan,
  type WellnessSection,
} from '@peerpath/shared';
import { useState } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type UseFormRegister,
} from 'react-hook-form';
import { newId } from '../../lib/newId';
import { FormSection } from '../../components/FormSection';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { participantName } from '../participants/names';
import { useCreatePlan, useUpdatePlan } from './api';
import { LIFE_AREA, WELLNESS_PROMPT } from './lifeAreas';
import { maxLength } from '../../lib/formRules';

interface StepValues {
  stepId: string;
  text: string;
  done: boolean;
}
interface GoalValues {
  goalId: string;
  lifeArea: LifeArea | '';
  statement: string;
  targetOn: string;
  steps: StepValues[];
}
interface PlanValues {
  strengths: string;
  whatMatters: string;
  wellness: Record<WellnessSection, string>;
  goals: GoalValues[];
}

const blankGoal = (): GoalValues => ({
  goalId: '',
  lifeArea: '',
  statement: '',
  targetOn: '',
  steps: [],
});

function toValues(plan?: RecoveryPlan): PlanValues {
  return {
    strengths: plan?.strengths ?? '',
    whatMatters: plan?.whatMatters ?? '',
    wellness: Object.fromEntries(
      WELLNESS_SECTIONS.map((k) => [k, plan?.wellness[k] ?? '']),
    ) as Record<WellnessSection, string>,
    goals: plan?.goals.length
      ? plan.goals.map((g) => ({
          goalId: g.id,
          lifeArea: g.lifeArea,
          statement: g.statement,
          targetOn: g.targetOn ?? '',
          steps: g.steps.map((s) => ({ stepId: s.id, text: s.text, done: s.done })),
        }))
      : [blankGoal()],
  };
}

function GoalFields({
  index,
  control,
  register,
  errors,
  onRemove,
}: {
  index: number;
  control: Control<PlanValues>;
  register: UseFormRegister<PlanValues>;
  errors: { statement?: { message?: string }; lifeArea?: { message?: string } } | undefined;
  onRemove?: () => void;
}) {
  const steps = useFieldArray({ control, name: `goals.${index}.steps` });
  const area = useWatch({ control, name: `goals.${index}.lifeArea` });
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 }, mb: 2 }} data-testid="goal-fields">
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.05rem' }}>
          Goal {index + 1}
        </Typography>
        {onRemove && (
          <IconButton aria-label={`Remove goal ${index + 1}`} onClick={onRemove}>
            <DeleteOutlineOutlined />
          </IconButton>
        )}
      </Box>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 5 }}>
          <Controller
            control={control}
            name={`goals.${index}.lifeArea`}
            rules={{ required: 'Choose the part of life this goal is about' }}
            render={({ field, fieldState }) => (
              <TextField
                select
                fullWidth
                required
                label="Part of life"
                {...field}
                error={Boolean(fieldState.error)}
                helperText={fieldState.error?.message}
              >
                {LIFE_AREAS.map((a) => (
                  <MenuItem key={a} value={a}>
                    <ListItemIcon sx={{ minWidth: 36, color: 'primary.main' }}>
                      {LIFE_AREA[a].icon}
                    </ListItemIcon>
                    {LIFE_AREA[a].label}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 7 }}>
          <DateInput control={control} name={`goals.${index}.targetOn`} label="Hoping for (date)" />
        </Grid>
        <Grid size={12}>
          <TextField
            fullWidth
            required
            multiline
            minRows={2}
            label="In your words: what do you want?"
            placeholder="I want to…"
            {...register(`goals.${index}.statement`, {
              required: 'Write the goal in the person’s own words',
              maxLength: maxLength(1000),
            })}
            error={Boolean(errors?.statement)}
            helperText={errors?.statement?.message ?? (area ? LIFE_AREA[area].prompt : '')}
          />
        </Grid>
      </Grid>
      <Typography variant="body2" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
        Small steps towards it
      </Typography>
      {steps.fields.map((s, j) => (
        <Box key={s.id} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mb: 1 }}>
          <TextField
            fullWidth
            size="small"
            label={`Step ${j + 1}`}
            {...register(`goals.${index}.steps.${j}.text`, {
              required: 'Write the step, or remove it',
              maxLength: maxLength(500),
            })}
          />
          <IconButton aria-label={`Remove step ${j + 1}`} onClick={() => steps.remove(j)}>
            <DeleteOutlineOutlined />
          </IconButton>
        </Box>
      ))}
      {steps.fields.length < 20 && (
        <Button
          size="small"
          startIcon={<AddOutlined />}
          onClick={() => steps.append({ stepId: '', text: '', done: false })}
        >
          Add a step
        </Button>
      )}
    </Paper>
  );
}

/**
 * Writing a plan with the person: strengths first, what matters to them,
 * goals in their words by part of life with small steps, and their wellness
 * plan. One form for a new draft and for changing one.
 */
export function PlanForm({
  participant,
  plan,
  onSaved,
  onCancel,
}: {
  participant: Participant;
  /** The draft being changed; none for a first plan. */
  plan?: RecoveryPlan;
  onSaved: (plan: RecoveryPlan) => void;
  onCancel: () => void;
}) {
  const name = participantName(participant);
  const [createId] = useState(newId);
  const create = useCreatePlan(participant.id);
  const update = useUpdatePlan(plan?.id ?? '');
  const form = useForm<PlanValues>({ defaultValues: toValues(plan) });
  const {
    control,
    register,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const { formError, submit } = useFormDialog(form, {
    strengths: 'What I am good at',
    whatMatters: 'What matters to me',
    goals: 'Goals',
  });
  const unsaved = useUnsavedChangesWarning(isDirty);
  const goals = useFieldArray({ control, name: 'goals' });

  const onSubmit = submit(async (v) => {
    const body = {
      strengths: v.strengths.trim() || null,
      whatMatters: v.whatMatters.trim() || null,
      wellness: Object.fromEntries(WELLNESS_SECTIONS.map((k) => [k, v.wellness[k].trim() || null])),
      goals: v.goals.map((g) => ({
        ...(g.goalId ? { id: g.goalId } : {}),
        lifeArea: g.lifeArea as LifeArea,
        statement: g.statement.trim(),
        targetOn: g.targetOn || null,
        steps: g.steps.map((s) => ({
          ...(s.stepId ? { id: s.stepId } : {}),
          text: s.text.trim(),
          done: s.done,
        })),
      })),
    };
    const saved = plan
      ? await update.mutateAsync({ ...body, version: plan.version })
      : await create.mutateAsync({ ...body, id: createId });
    unsaved.release();
    onSaved(saved);
  });

  return (
    <PickersProvider>
      <form onSubmit={onSubmit} noValidate aria-label={plan ? 'Edit the plan' : 'New plan'}>
        {formError && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {formError}
          </Alert>
        )}
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Write it together with {name}, in their words. Nothing here is final until {name} agrees
          to it.
        </Typography>

        <FormSection
          labelled
          spacing={4}
          title="What I am good at"
          hint="Start here. Strengths, skills, what is going well — in their words."
        >
          <TextField
            fullWidth
            multiline
            minRows={3}
            label="In your words: what are you good at?"
            {...register('strengths', { maxLength: maxLength(4000) })}
            error={Boolean(errors.strengths)}
            helperText={errors.strengths?.message}
          />
        </FormSection>

        <FormSection
          labelled
          spacing={4}
          title="What matters to me"
          hint="The people, places and things that matter most."
        >
          <TextField
            fullWidth
            multiline
            minRows={2}
            label="In your words: what matters most to you?"
            {...register('whatMatters', { maxLength: maxLength(4000) })}
            error={Boolean(errors.whatMatters)}
            helperText={errors.whatMatters?.message}
          />
        </FormSection>

        <FormSection
          labelled
          spacing={4}
          title="My goals"
          hint="What they want, in any part of life. A plan needs at least one goal before it is agreed."
        >
          {goals.fields.map((g, i) => (
            <GoalFields
              key={g.id}
              index={i}
              control={control}
              register={register}
              errors={errors.goals?.[i]}
              onRemove={goals.fields.length > 1 ? () => goals.remove(i) : undefined}
            />
          ))}
          {goals.fields.length < 20 && (
            <Button startIcon={<AddOutlined />} onClick={() => goals.append(blankGoal())}>
              Add another goal
            </Button>
          )}
        </FormSection>

        <FormSection
          labelled
          spacing={4}
          title="Staying well"
          hint="Their wellness plan: leave out anything they do not want to write now."
        >
          {WELLNESS_SECTIONS.map((k) => (
            <TextField
              key={k}
              fullWidth
              multiline
              minRows={2}
              sx={{ mb: 2 }}
              label={LABELS.wellnessSection[k]}
              {...register(`wellness.${k}`, { maxLength: maxLength(4000) })}
              error={Boolean(errors.wellness?.[k])}
              helperText={errors.wellness?.[k]?.message ?? WELLNESS_PROMPT[k]}
            />
          ))}
        </FormSection>

        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save the draft'}
          </Button>
          <Button size="large" onClick={() => unsaved.confirmLeave(onCancel)}>
            Cancel
          </Button>
        </Box>
      </form>
      {unsaved.dialog}
    </PickersProvider>
  );
}
