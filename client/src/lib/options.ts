/** A choice of a select: an enum value with its shared label, or a record's id with its name. */
export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
}

/** `[{value, label}]` for an enum, with the shared human labels. */
export function enumOptions<V extends string>(
  values: readonly V[],
  labels: Record<V, string>,
): SelectOption<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** `raw` when it is one of `values` (a value read from the address bar), else undefined. */
export function oneOf<V extends string>(values: readonly V[], raw: string): V | undefined {
  return (values as readonly string[]).includes(raw) ? (raw as V) : undefined;
}
