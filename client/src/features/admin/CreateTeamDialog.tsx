import TextField from '@mui/material/TextField';
import { useForm } from 'react-hook-form';
import type { Team } from '@peerpath/shared';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { useCreateTeam } from '../teams/api';
import { FormDialog } from '../../components/FormDialog';

export function CreateTeamDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (team: Team) => void;
}) {
  const create = useCreateTeam();
  const form = useForm<{ name: string }>({ defaultValues: { name: '' } });
  const {
    register,
    reset,
    formState: { errors, isDirty },
  } = form;
  const { setFormError, submit, state } = useFormDialog(form, { name: 'Team name' });

  const unsaved = useUnsavedChangesWarning(isDirty);

  const close = () => {
    reset();
    setFormError(null);
    onClose();
  };

  const onSubmit = submit(async ({ name }) => {
    const team = await create.mutateAsync({ name: name.trim() });
    reset();
    onCreated(team);
  });

  return (
    <FormDialog
      open={open}
      title="Create a team"
      guard={unsaved}
      onClose={close}
      onSubmit={onSubmit}
      {...state}
      submitLabel="Create team"
      maxWidth="xs"
      grid={false}
    >
      <TextField
        label="Team name"
        autoFocus
        required
        margin="dense"
        error={Boolean(errors.name)}
        helperText={errors.name?.message ?? 'For example, the program or site the team works from.'}
        {...register('name', {
          required: 'Give the team a name',
          maxLength: { value: 120, message: 'Keep the name to 120 characters or fewer' },
          validate: (v) => v.trim().length > 0 || 'Give the team a name',
        })}
      />
    </FormDialog>
  );
}
