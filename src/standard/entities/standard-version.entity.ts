import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of the scoring standard, stored when its content first appears in
 * config/scoring-standard.json (or the community's own, config/communities/<code>/). Rows are never changed: records keep the version that scored them.
 */
@Entity('standard_versions')
export class StandardVersionRow {
  /** The community (社区) the row belongs to. */
  @PrimaryColumn({ name: 'community_id', type: 'integer' }) communityId!: number;
  /** 1, 2, … within the community. */
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ name: 'effective_from', type: 'varchar' }) effectiveFrom!: string;
  @Column({ name: 'content_hash', type: 'varchar' }) contentHash!: string;
  /** The normalised standard as JSON (amounts in hundredths). */
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'loaded_at', type: 'varchar' }) loadedAt!: string;
}
