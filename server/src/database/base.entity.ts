import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Every record has a uuid id, chosen by the database (`gen_random_uuid()`) or by
 * a client that retries a create safely (SPEC §4).
 */
export abstract class BaseRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** `CHECK (col IN ('a','b'))` for an enum stored as text. */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
}

/** `CHECK (col <@ ARRAY['a','b'])` for an array of enum values. */
export function subsetOf(column: string, values: readonly string[]): string {
  return `"${column}" <@ ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
}
