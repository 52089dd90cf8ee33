import { Check, Column, Entity, Index } from 'typeorm';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';

/** The resource directory, shared by all teams and written by admins. */
@Entity('resource')
@Check('resource_category_check', inList('category', RESOURCE_CATEGORIES))
@Index('resource_category_idx', ['category', 'active'])
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
}
