/** A `date` column read by pg comes back as a string (see the type parser in app.module). */
export function toIsoDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}
