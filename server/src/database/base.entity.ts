import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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

/**
 * The record key of SPEC §14's cell key method: a random number in [0, 1)
 * given by the database on insert (migration RecordKeys), never changed and
 * never shown. It is not selected, inserted or updated through the entity;
 * only the funder exports' SQL reads it, as sums per published cell.
 */
export function RecordKeyColumn(): PropertyDecorator {
  return Column({
    name: 'record_key',
    type: 'double precision',
    default: () => 'random()',
    select: false,
    insert: false,
    update: false,
  });
}
