import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import {
  LABELS,
  RESOURCE_CATEGORIES,
  type Resource,
  type ResourceCategory,
} from '@peerpath/shared';
import { Controller, useForm } from 'react-hook-form';
import { type FieldLabels } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { GridCells } from '../../components/GridCells';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { enumOptions } from '../../lib/options';
import { useSaveResource } from './api';
import { FormDialog } from '../../components/FormDialog';
import { LongTextField } from '../../components/LongTextField';

interface ResourceFormValues {
  name: string;
  category: ResourceCategory;
  description: string;
  phone: string;
  url: string;
  address: string;
  tags: string;
  active: boolean;
}

const CATEGORIES = enumOptions(RESOURCE_CATEGORIES, LABELS.resourceCategory);

const FIELD_LABELS: FieldLabels<ResourceFormValues> = {
  name: 'Name',
  category: 'Category',
  description: 'Description',
  phone: 'Phone',
  url: 'Website',
  address: 'Address',
  tags: 'Tags',
  active: 'Listed',
};

/** Adding or changing an entry of the resource directory (admins). */
export function ResourceDialog({
  resource,
  open,
  onClose,
  onSaved,
}: {
  resource?: Resource;
  open: boolean;
  onClose: () => void;
  onSaved: (r: Resource) => void;
}) {
  const save = useSaveResource(resource?.id);
  const form = useForm<ResourceFormValues>({
    defaultValues: {
      name: resource?.name ?? '',
      category: resource?.category ?? 'peer_support_group',
      description: resource?.description ?? '',
      phone: resource?.phone ?? '',
      url: resource?.url ?? '',
      address: resource?.address ?? '',
      tags: resource?.tags.join(', ') ?? '',
      active: resource?.active ?? true,
    },
  });
  const { control, register, formState } = form;
  const { errors, isDirty } = formState;
  const unsaved = useUnsavedChangesWarning(isDirty);
  const { submit, state } = useFormDialog(form, FIELD_LABELS);
  const onSubmit = submit(async (v) => {
    const saved = await save.mutateAsync({
      name: v.name.trim(),
      category: v.category,
      description: v.description.trim() || null,
      phone: v.phone.trim() || null,
      url: v.url.trim() || null,
      address: v.address.trim() || null,
      tags: [
        ...new Set(
          v.tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ],
      active: v.active,
    });
    unsaved.release();
    onSaved(saved);
  });
  const text = (name: keyof ResourceFormValues) => ({
    label: FIELD_LABELS[name],
    error: Boolean(errors[name]),
    helperText: errors[name]?.message,
  });
  return (
    <FormDialog
      open={open}
      title={resource ? `Edit “${resource.name}”` : 'Add a resource'}
      guard={unsaved}
      onClose={onClose}
      onSubmit={onSubmit}
      {...state}
      submitLabel="Save resource"
      grid={false}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <Grid size={12}>
          <TextField
            {...text('name')}
            required
            autoFocus
            {...register('name', { validate: (v) => v.trim().length > 0 || 'Enter the name' })}
          />
        </Grid>
        <GridCells>
          <EnumSelect
            control={control}
            name="category"
            label={FIELD_LABELS.category}
            options={CATEGORIES}
          />
          <TextField {...text('phone')} type="tel" {...register('phone')} />
        </GridCells>
        <GridCells sm={12}>
          <TextField
            {...text('url')}
            type="url"
            placeholder="https://"
            {...register('url', {
              validate: (v) =>
                !v.trim() ||
                /^https?:\/\/\S+$/.test(v.trim()) ||
                'Start the address with http:// or https://',
            })}
          />
          <TextField {...text('address')} {...register('address')} />
          <LongTextField {...text('description')} {...register('description')} />
          <TextField
            {...text('tags')}
            {...register('tags')}
            helperText={
              errors.tags?.message ??
              'Words to find it by, separated by commas: 24/7, free, spanish.'
            }
          />
          <Controller
            control={control}
            name="active"
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Switch
                    checked={field.value}
                    onChange={(e) => field.onChange(e.target.checked)}
                  />
                }
                label="Listed in the directory"
              />
            )}
          />
        </GridCells>
      </Grid>
    </FormDialog>
  );
}
