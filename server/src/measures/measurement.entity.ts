import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BAND_KEYS, INSTRUMENT_KEYS, type InstrumentKey } from '@peerpath/shared';
import { BaseRecord, inList, RecordKeyColumn } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** One outcome measure taken with a participant (SPEC §9). Never edited; a wrong one is voided. */
@Entity('measurement')
@Check('measurement_instrument_check', inList('instrument', INSTRUMENT_KEYS))
@Check('measurement_band_check', inList('band', BAND_KEYS))
@Check(
  'measurement_void_check',
  `("voided_at" IS NULL AND "voided_by_id" IS NULL AND "void_reason" IS NULL) OR ` +
    `("voided_at" IS NOT NULL AND "voided_by_id" IS NOT NULL AND length(btrim("void_reason")) > 0)`,
)
@Index('measurement_participant_idx', ['participantId', 'instrument', 'takenOn'])
@Index('measurement_team_taken_idx', ['teamId', 'instrument', 'takenOn'])
// The outcomes report's index-only scan; created in the OutcomesIndex migration (INCLUDE, partial).
@Index('measurement_outcomes_idx', { synchronize: false })
// The outcomes report's reads outside its month roll-up; created in the OutcomeMonthRollups migration.
@Index('measurement_course_taken_idx', { synchronize: false })
@Index('measurement_course_next_idx', { synchronize: false })
export class MeasurementEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'measurement_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'measurement_participant_fk' })
  participant?: ParticipantEntity;

  @Column({ type: 'varchar', length: 16 })
  instrument: InstrumentKey;

  @Column({ name: 'taken_on', type: 'date' })
  takenOn: string;

  @Column({ type: 'smallint', array: true })
  answers: number[];

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'varchar', length: 24 })
  band: string;

  /** Marked as taken at discharge; baseline and follow-up are worked out from the dates. */
  @Column({ name: 'at_discharge', type: 'boolean', default: false })
  atDischarge: boolean;

  @Column({ name: 'self_entered', type: 'boolean', default: false })
  selfEntered: boolean;

  @Column({ name: 'administered_by_id', type: 'uuid' })
  administeredById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'administered_by_id',
    foreignKeyConstraintName: 'measurement_administered_by_fk',
  })
  administeredBy?: UserEntity;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by_id', type: 'uuid', nullable: true })
  voidedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voided_by_id', foreignKeyConstraintName: 'measurement_voided_by_fk' })
  voidedBy?: UserEntity;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  /**
   * The person's baseline score of the instrument, on each live measurement
   * after the baseline (null on the baseline and on voided ones), and the day
   * of their next live measurement of it (null on the latest): written only by
   * the triggers of migration OutcomeMonthRollups, read only by the outcomes
   * report's SQL.
   */
  @Column({
    name: 'baseline_score',
    type: 'smallint',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  baselineScore?: number | null;

  @Column({
    name: 'next_taken_on',
    type: 'date',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  nextTakenOn?: string | null;

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
