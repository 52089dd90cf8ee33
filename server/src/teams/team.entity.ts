import { Check, Column, Entity, Index } from 'typeorm';
import { NOTE_FORMATS, type InstrumentKey, type NoteFormat } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';

@Entity('team')
@Check('team_note_format_check', inList('note_format', NOTE_FORMATS))
// Unique ignoring case: a unique index on lower(name) (TeamNameIgnoresCase migration).
@Index('team_name_lower_key', { synchronize: false })
export class TeamEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** The format the team's session notes start in (SPEC §8). */
  @Column({ name: 'note_format', type: 'varchar', length: 8, default: 'free' })
  noteFormat: NoteFormat;
  /** The outcome measures the team takes (SPEC §9); BARC-10 until an admin chooses. */
  @Column({ type: 'text', array: true, default: () => "'{barc10}'" })
  instruments: InstrumentKey[];
}
