import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The hash chain over the audit trail: `hash` of row `seq` is
 * sha256(hash of the previous sealed row ‖ the row's canonical text). Written
 * only by the sealer, append-only like audit_event, so an edited, deleted or
 * back-dated audit row is detected by `pnpm audit:verify`.
 */
@Entity('audit_chain')
export class AuditChainEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'sealed_at', type: 'timestamptz', default: () => 'now()' })
  sealedAt: Date;
}
