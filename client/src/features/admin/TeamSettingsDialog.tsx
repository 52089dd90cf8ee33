import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { useEffect, useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  INSTRUMENT_KEYS,
  INSTRUMENTS,
  NOTE_FORMATS,
  NOTE_LABELS,
  type InstrumentKey,
  type NoteFormat,
  type Team,
} from '@peerpath/shared';
import { EnumSelect } from '../../components/EnumSelect';
import { FormDialog } from '../../components/FormDialog';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { enumOptions } from '../../lib/options';
import { useUpdateTeam } from '../teams/api';

interface Values {
  instruments: InstrumentKey[];
  format: NoteFormat;
}

const FORMAT_OPTIONS = enumOptions(NOTE_FORMATS, NOTE_LABELS.format);

/**
 * An admin's settings of one team: the outcome measures it takes (offered in
 * the order they were ticked) and the format its session notes start in.
 */
export function TeamSettingsDialog({
  team,
  onClose,
  onSaved,
}: {
  team: Team | null;
  onClose: () => void;
  onSaved: (team: Team) => void;
}) {
  const measuresId = useId();
  const update = useUpdateTeam();
  const form = useForm<Values>({ defaultValues: { instruments: [], format: 'free' } });
  const {
    control,
    reset,
    formState: { isDirty },
  } = form;
  const { setFormError, submit, state } = useFormDialog(form, {
    instruments: 'Outcome measures',
    format: 'Session notes start as',
  });

  useEffect(() => {
    if (team) reset({ instruments: team.instruments, format: team.noteFormat });
  }, [team, reset]);

  const unsaved = useUnsavedChangesWarning(isDirty);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const onSubmit = submit(async (values) => {
    if (!team) return;
    const saved = await update.mutateAsync({ id: team.id, body: values });
    reset({ instruments: saved.instruments, format: saved.noteFormat });
    onSaved(saved);
  });

  return (
    <FormDialog
      open={team !== null}
      title={team ? `${team.name}: settings` : 'Team settings'}
      guard={unsaved}
      onClose={close}
      onSubmit={onSubmit}
      {...state}
      submitLabel="Save settings"
      maxWidth="sm"
      grid={false}
    >
      <Controller
        control={control}
        name="instruments"
        rules={{ validate: (v) => v.length > 0 || 'Choose at least one outcome measure' }}
        render={({ field, fieldState }) => (
          <FormControl
            component="fieldset"
            error={Boolean(fieldState.error)}
            sx={{ mb: 3, mt: 1 }}
            aria-describedby={measuresId}
          >
            <FormLabel component="legend">Outcome measures the team offers</FormLabel>
            <FormGroup>
              {INSTRUMENT_KEYS.map((key) => {
                const chosen = field.value.includes(key);
                return (
                  <FormControlLabel
                    key={key}
                    sx={{ minHeight: 48 }}
                    control={
                      <Checkbox
                        checked={chosen}
                        onChange={() =>
                          field.onChange(
                            chosen ? field.value.filter((k) => k !== key) : [...field.value, key],
                          )
                        }
                      />
                    }
                    label={`${INSTRUMENTS[key].name} · ${INSTRUMENTS[key].about}`}
                  />
                );
              })}
            </FormGroup>
            <FormHelperText id={measuresId}>
              {fieldState.error?.message ??
                'Each person’s first measure is due 30 days after they join, then again every few months.'}
            </FormHelperText>
          </FormControl>
        )}
      />
      <EnumSelect
        control={control}
        name="format"
        label="Session notes start as"
        options={FORMAT_OPTIONS}
        fullWidth
        helperText="Workers can still write each note the way that suits it."
      />
    </FormDialog>
  );
}
