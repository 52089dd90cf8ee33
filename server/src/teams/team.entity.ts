import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base.entity';

@Entity('team')
// Unique ignoring case: a unique index on lower(name) (TeamNameIgnoresCase migration).
@Index('team_name_lower_key', { synchronize: false })
export class TeamEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 120 })
  name: string;
}
