import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import {
  DECIDED_BY,
  LABELS,
  type DecidedBy,
  type DecisionNote,
  type Participant,
} from '@peerpath/shared';
import { useId, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import type { FieldLabels } from '../../api';
import { FormSection } from '../../components/FormSection';
import { GridCells } from '../../components/GridCells';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { today } from '../../lib/dates';
import { newId } from '../../lib/newId';
import { participantName } from '../participants/names';
import { useCreateDecisionNote, useUpdateDecisionNote } from './api';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { LongTextField } from '../../components/LongTextField';
import { maxLength } from '../../lib/formRules';

/** The most options the API takes. */
const OPTIONS_MAX = 10;

interface OptionValues {
  label: string;
  pros: string;
  cons: string;
}

interface DecisionNoteValues {
  topic: string;
  discussedOn: string;
  options: OptionValues[];
  participantPriorities: string;
  decision: string;
  decidedBy: DecidedBy | '';
  nextSteps: string;
  followUpOn: string;
}

const blankOption = (): OptionValues => ({ label: '', pros: '', cons: '' });

function toValues(note?: DecisionNote): DecisionNoteValues {
  return {
    topic: note?.topic ?? '',
    discussedOn: note?.discussedOn ?? today(),
    options: note?.options.length
      ? note.options.map((o) => ({ label: o.label, pros: o.pros ?? '', cons: o.cons ?? '' }))
      : [blankOption(), blankOption()],
    participantPriorities: note?.participantPriorities ?? '',
    decision: note?.decision ?? '',
    decidedBy: note?.decidedBy ?? '',
    nextSteps: note?.nextSteps ?? '',
    followUpOn: note?.followUpOn ?? '',
  };
}

/** The words for the fields the server may object to, each choice's by its number. */
function labelsFor(v: DecisionNoteValues): FieldLabels<DecisionNoteValues> {
  const labels: FieldLabels<DecisionNoteValues> = {
    topic: 'Topic',
    discussedOn: 'Date',
    options: 'Choices',
    participantPriorities: 'What matters most',
    decision: 'The decision',
    decidedBy: 'Who decided',
    nextSteps: 'Next steps',
    followUpOn: 'Check in again on',
  };
  v.options.forEach((_o, i) => {
    labels[`options.${i}.label`] = `Choice ${i + 1}`;
    labels[`options.${i}.pros`] = 'What is good about it';
    labels[`options.${i}.cons`] = 'What might be hard';
  });
  return labels;
}

/**
 * One form for recording a shared decision and for changing it: the topic,
 * the choices weighed, what matters most to the person, what was decided and
 * by whom, and what happens next.
 */
export function DecisionNoteForm({
  participant,
  note,
  onSaved,
  onCancel,
  onSavedOnDevice = onCancel,
}: {
  participant: Participant;
  note?: DecisionNote;
  onSaved: (note: DecisionNote) => void;
  onCancel: () => void;
  /** A new note kept on this device until the connection returns (default: as Cancel). */
  onSavedOnDevice?: () => void;
}) {
  const editing = Boolean(note);
  const name = participantName(participant);
  // One id per form: a retried save after a lost answer cannot record the note twice.
  const [createId] = useState(newId);
  const decidedById = useId();
  const create = useCreateDecisionNote();
  const update = useUpdateDecisionNote(note?.id ?? '');
  const form = useForm<DecisionNoteValues>({ defaultValues: toValues(note) });
  const {
    control,
    register,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const unsaved = useUnsavedChangesWarning(isDirty);
  const { formError, submit } = useFormDialog(form, labelsFor, {
    onSavedOnDevice: () => {
      unsaved.release();
      onSavedOnDevice();
    },
  });
  const options = useFieldArray({ control, name: 'options' });

  const onSubmit = submit(async (v) => {
    const body = {
      topic: v.topic.trim(),
      discussedOn: v.discussedOn || undefined,
      options: v.options.map((o) => ({
        label: o.label.trim(),
        pros: o.pros.trim() || null,
        cons: o.cons.trim() || null,
      })),
      participantPriorities: v.participantPriorities.trim() || null,
      decision: v.decision.trim() || null,
      decidedBy: v.decidedBy as DecidedBy,
      nextSteps: v.nextSteps.trim() || null,
      followUpOn: v.followUpOn || null,
    };
    const saved = note
      ? await update.mutateAsync(body)
      : await create.mutateAsync({ ...body, id: createId, participantId: participant.id });
    unsaved.release();
    onSaved(saved);
  });

  return (
    <PickersProvider>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={editing ? 'Edit decision note' : 'New decision note'}
      >
        <FormError message={formError} />

        <FormSection
          grid
          labelled
          spacing={4}
          title="1. What you talked about"
          hint="The question in front of them, in their words."
        >
          <Grid size={{ xs: 12, sm: 8 }}>
            <TextField
              label="Topic"
              required
              fullWidth
              placeholder="e.g. Whether to try the evening recovery group"
              {...register('topic', {
                validate: (t) => t.trim().length > 0 || 'Say what the decision is about',
                maxLength: maxLength(200),
              })}
              error={Boolean(errors.topic)}
              helperText={errors.topic?.message}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DateInput control={control} name="discussedOn" label="Talked about on" disableFuture />
          </Grid>
        </FormSection>

        <FormSection
          labelled
          spacing={4}
          title="2. The choices you looked at"
          hint="Each option you talked through, with what speaks for it and against it. Doing nothing for now can be a choice too."
        >
          {errors.options?.root?.message || errors.options?.message ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {errors.options?.root?.message ?? errors.options?.message}
            </Alert>
          ) : null}
          <Box component="ol" aria-label="Choices" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {options.fields.map((field, i) => {
              const rowErrors = errors.options?.[i];
              return (
                <Paper
                  component="li"
                  variant="outlined"
                  key={field.id}
                  aria-label={`Choice ${i + 1}`}
                  sx={{ p: 2, mb: 1.5 }}
                >
                  <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
                    <Grid container spacing={2} sx={{ flex: 1 }}>
                      <Grid size={12}>
                        <TextField
                          label={`Choice ${i + 1}`}
                          required
                          fullWidth
                          {...register(`options.${i}.label`, {
                            validate: (t) => t.trim().length > 0 || 'Describe this choice',
                            maxLength: maxLength(200),
                          })}
                          error={Boolean(rowErrors?.label)}
                          helperText={rowErrors?.label?.message}
                        />
                      </Grid>
                      <Grid size={{ xs: 12, sm: 6 }}>
                        <LongTextField
                          label={`What is good about choice ${i + 1}`}
                          fullWidth
                          {...register(`options.${i}.pros`, { maxLength: maxLength(2000) })}
                          error={Boolean(rowErrors?.pros)}
                          helperText={rowErrors?.pros?.message}
                        />
                      </Grid>
                      <Grid size={{ xs: 12, sm: 6 }}>
                        <LongTextField
                          label={`What might be hard about choice ${i + 1}`}
                          fullWidth
                          {...register(`options.${i}.cons`, { maxLength: maxLength(2000) })}
                          error={Boolean(rowErrors?.cons)}
                          helperText={rowErrors?.cons?.message}
                        />
                      </Grid>
                    </Grid>
                    <IconButton
                      aria-label={`Remove choice ${i + 1}`}
                      onClick={() => options.remove(i)}
                      disabled={options.fields.length <= 1}
                    >
                      <DeleteOutlineOutlined />
                    </IconButton>
                  </Box>
                </Paper>
              );
            })}
          </Box>
          <Button
            startIcon={<AddOutlined />}
            onClick={() => options.append(blankOption())}
            disabled={options.fields.length >= OPTIONS_MAX}
          >
            Add another choice
          </Button>
          {options.fields.length >= OPTIONS_MAX && (
            <FormHelperText>Up to {OPTIONS_MAX} choices.</FormHelperText>
          )}
        </FormSection>

        <FormSection
          labelled
          spacing={4}
          title={`3. What matters most to ${name}`}
          hint="Their hopes, worries and values — what they want this decision to protect."
        >
          <TextField
            label="What matters most"
            fullWidth
            multiline
            minRows={3}
            {...register('participantPriorities', { maxLength: maxLength(4000) })}
            error={Boolean(errors.participantPriorities)}
            helperText={errors.participantPriorities?.message}
          />
        </FormSection>

        <FormSection grid labelled spacing={4} title="4. The decision">
          <GridCells sm={12}>
            <LongTextField
              label="What was decided"
              fullWidth
              {...register('decision', { maxLength: maxLength(4000) })}
              error={Boolean(errors.decision)}
              helperText={
                errors.decision?.message ?? 'Leave empty if they want more time to decide.'
              }
            />
            <FormControl error={Boolean(errors.decidedBy)} required>
              <FormLabel id={decidedById}>Who decided</FormLabel>
              <Controller
                control={control}
                name="decidedBy"
                rules={{ validate: (d) => Boolean(d) || 'Choose who made the decision' }}
                render={({ field }) => (
                  <RadioGroup
                    row
                    aria-labelledby={decidedById}
                    name={field.name}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                  >
                    {DECIDED_BY.map((d, i) => (
                      <FormControlLabel
                        key={d}
                        value={d}
                        control={
                          <Radio slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }} />
                        }
                        label={LABELS.decidedBy[d]}
                      />
                    ))}
                  </RadioGroup>
                )}
              />
              {errors.decidedBy && <FormHelperText>{errors.decidedBy.message}</FormHelperText>}
            </FormControl>
          </GridCells>
        </FormSection>

        <FormSection grid labelled spacing={4} title="5. Next steps">
          <Grid size={{ xs: 12, sm: 8 }}>
            <LongTextField
              label="Next steps"
              fullWidth
              {...register('nextSteps', { maxLength: maxLength(4000) })}
              error={Boolean(errors.nextSteps)}
              helperText={errors.nextSteps?.message ?? 'Who does what, and by when.'}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DateInput
              control={control}
              name="followUpOn"
              label="Check in again on"
              helperText="Optional."
            />
          </Grid>
        </FormSection>

        <FormActions
          saveLabel={editing ? 'Save changes' : 'Save decision note'}
          saving={isSubmitting}
          onCancel={() => unsaved.confirmLeave(onCancel)}
        />
      </form>
      {unsaved.dialog}
    </PickersProvider>
  );
}
