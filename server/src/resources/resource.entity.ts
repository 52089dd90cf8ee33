import { Check, Column, Entity, Index } from 'typeorm';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';

/** The resource directory, shared by all teams and written by admins. */
@Entity('resource')
@Check('resource_category_check', inList('category', RESOURCE_CATEGORIES))
@Index('resource_category_idx', ['category', 'active'])
@Index('resource_hsds_service_id_key', ['hsdsServiceId'], { unique: true })
export class ResourceEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  category: ResourceCategory;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The day someone last checked it is still right (`YYYY-MM-DD`); null: never. */
  @Column({ name: 'last_verified_on', type: 'date', nullable: true })
  lastVerifiedOn: string | null;

  /** The HSDS 3.0 ids it was imported under (null: made in PeerPath; its export uses its own ids). */
  @Column({ name: 'hsds_service_id', type: 'varchar', length: 250, nullable: true })
  hsdsServiceId: string | null;

  @Column({ name: 'hsds_organization_id', type: 'varchar', length: 250, nullable: true })
  hsdsOrganizationId: string | null;

  @Column({ name: 'hsds_location_id', type: 'varchar', length: 250, nullable: true })
  hsdsLocationId: string | null;

  @Column({ name: 'hsds_phone_id', type: 'varchar', length: 250, nullable: true })
  hsdsPhoneId: string | null;
}
