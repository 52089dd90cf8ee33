import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { BaseRecord } from './base.entity';

/**
 * A record about one participant that belongs to one team (SPEC §1): the team
 * decides who may see it, and the participant is whom it is about. Records that
 * move with the person list their declaration in `participants/move.ts`.
 */
export abstract class ParticipantRecord extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;
}
