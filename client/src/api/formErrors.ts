import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiRequestError, describeError } from './errors';

/** The form's fields and the words shown for them (replacing the API's field name). */
export type FieldLabels<T extends FieldValues> = Partial<Record<FieldPath<T>, string>>;

/**
 * Puts the server's field errors (`errors: {field: [messages]}`) onto the
 * matching react-hook-form fields (`attendance.0.status` lands on
 * `attendance` when only that is a field). Returns the message for the whole
 * form: null when every error found its field, else the server's message.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  labels: FieldLabels<T>,
  /** API field → form field, where they differ (`participantId` → `participant`). */
  aliases: Partial<Record<string, FieldPath<T>>> = {},
): string | null {
  if (!(error instanceof ApiRequestError) || !error.errors) return describeError(error);
  const fields = Object.keys(labels) as FieldPath<T>[];
  let placed = 0;
  let unplaced = false;
  for (const [path, messages] of Object.entries(error.errors)) {
    const head = path.split('.')[0]!;
    const target =
      aliases[path] ??
      aliases[head] ??
      fields.find((f) => f === path) ??
      fields.find((f) => path.startsWith(`${f}.`));
    if (!target) {
      unplaced = true;
      continue;
    }
    const label = labels[target] ?? target;
    const message = messages
      .map((m) => humanise(m, path.split('.').pop() ?? path, label))
      .join(' ');
    setError(target, { type: 'server', message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  return unplaced || placed === 0 ? describeError(error) : null;
}

/** "displayName must not be empty" → "Name must not be empty". */
function humanise(message: string, property: string, label: string): string {
  const text = message.startsWith(property) ? `${label}${message.slice(property.length)}` : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
