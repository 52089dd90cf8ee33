import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Team } from '@peerpath/shared';
import { applyServerErrors } from '../../api';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { useCreateTeam } from '../teams/api';
import { FormError } from '../../components/FormError';

export function CreateTeamDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (team: Team) => void;
}) {
  const titleId = useId();
  const create = useCreateTeam();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<{ name: string }>({ defaultValues: { name: '' } });

  const unsaved = useUnsavedChangesWarning(isDirty);

  const close = () => {
    reset();
    setFormError(null);
    onClose();
  };

  const onSubmit = handleSubmit(async ({ name }) => {
    setFormError(null);
    try {
      const team = await create.mutateAsync({ name: name.trim() });
      reset();
      onCreated(team);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, { name: 'Team name' }));
    }
  });

  return (
    <Dialog
      open={open}
      onClose={() => unsaved.confirmLeave(close)}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>Create a team</DialogTitle>
        <DialogContent>
          <FormError message={formError} />
          <TextField
            label="Team name"
            autoFocus
            required
            margin="dense"
            error={Boolean(errors.name)}
            helperText={
              errors.name?.message ?? 'For example, the program or site the team works from.'
            }
            {...register('name', {
              required: 'Give the team a name',
              maxLength: { value: 120, message: 'Keep the name to 120 characters or fewer' },
              validate: (v) => v.trim().length > 0 || 'Give the team a name',
            })}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => unsaved.confirmLeave(close)}>Cancel</Button>
          <Button type="submit" variant="contained" loading={isSubmitting}>
            Create team
          </Button>
        </DialogActions>
      </form>
      {unsaved.dialog}
    </Dialog>
  );
}
