import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { EnumSelect } from '../../components/EnumSelect';
import { useTeamOptions } from './api';

/**
 * The team a record or a person belongs to, chosen by an admin among every
 * team: the form's `teamId`, required (with `message`) whenever `needed` says
 * the form asks for a team (always, when left out).
 */
export function TeamSelect<T extends FieldValues>({
  control,
  label = 'Team',
  message,
  needed,
  helperText,
}: {
  control: Control<T>;
  label?: string;
  message: string;
  needed?: (values: T) => boolean;
  helperText?: ReactNode;
}) {
  const teams = useTeamOptions();
  return (
    <EnumSelect
      control={control}
      name={'teamId' as FieldPath<T>}
      label={label}
      required
      rules={{ validate: (v, all) => (needed && !needed(all)) || Boolean(v) || message }}
      options={teams}
      helperText={helperText}
    />
  );
}
