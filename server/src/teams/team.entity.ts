import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base.entity';

@Entity('team')
// Unique ignoring case: a unique index on lower(name) (TeamNameIgnoresCase migration).
@Index('team_name_lower_key', { synchronize: false })
export class TeamEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** The outcome measures the team takes (SPEC §9); BARC-10 until an admin chooses. */
  @Column({ type: 'text', array: true, default: () => "'{barc10}'" })
  instruments: string[];
}
