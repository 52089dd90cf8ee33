/**
 * A text field's length limit for react-hook-form's `maxLength`, with the
 * words every form says it in: "Keep it to 4,000 characters or fewer".
 */
export function maxLength(value: number): { value: number; message: string } {
  return { value, message: `Keep it to ${value.toLocaleString('en')} characters or fewer` };
}
