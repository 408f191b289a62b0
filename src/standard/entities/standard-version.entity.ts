import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of the scoring standard, stored when its content first appears in
 * config/scoring-standard.json. Rows are never changed: records keep the version that scored them.
 */
@Entity('standard_versions')
export class StandardVersionRow {
  /** The community (社区) the row belongs to. */
  // TEMPORARY (#15): default 1 until every writer sets it; then the default goes (see unscoped.ts).
  @Column({ name: 'community_id', type: 'integer', default: 1 }) communityId!: number;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ name: 'effective_from', type: 'varchar' }) effectiveFrom!: string;
  @Column({ name: 'content_hash', type: 'varchar' }) contentHash!: string;
  /** The normalised standard as JSON (amounts in hundredths). */
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'loaded_at', type: 'varchar' }) loadedAt!: string;
}
