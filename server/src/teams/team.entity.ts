import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../database/base.entity';

@Entity('team')
export class TeamEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 120, unique: true })
  name: string;
}
