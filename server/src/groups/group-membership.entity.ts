import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { RecurringGroupEntity } from './group.entity';

/**
 * One stretch of a participant's membership of a recurring group: from the
 * day they joined to the day they left (null while they are a member). A
 * person who leaves and comes back has two rows; at most one is open.
 */
@Entity('group_membership')
@Check('group_membership_dates_check', `"left_on" IS NULL OR "left_on" >= "joined_on"`)
@Index('group_membership_open_idx', ['groupId', 'participantId'], {
  unique: true,
  where: '"left_on" IS NULL',
})
@Index('group_membership_participant_idx', ['participantId'])
export class GroupMembershipEntity extends BaseRecord {
  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @ManyToOne(() => RecurringGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'group_membership_group_fk' })
  group?: RecurringGroupEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'participant_id',
    foreignKeyConstraintName: 'group_membership_participant_fk',
  })
  participant?: ParticipantEntity;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;
}
