import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

/** A street office (街道): the communities it oversees, and its office users. */
@Entity('street_offices')
export class StreetOffice {
  @PrimaryGeneratedColumn() id!: number;
  /** Null: the name comes from STREET_OFFICE_NAME (an installation that predates communities). */
  @Column({ type: 'varchar', nullable: true }) name!: string | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

/**
 * A community (社区): its own members, teams, standard, shop, windows, ratings and books. `code`
 * names its folder of rules under `config/communities/<code>/` and its public pages (`?community=`).
 */
@Entity('communities')
export class Community {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'street_office_id', type: 'integer' }) streetOfficeId!: number;
  @Column({ type: 'varchar' }) code!: string;
  /** Null: the name comes from COMMUNITY_NAME (the community an upgraded installation became). */
  @Column({ type: 'varchar', nullable: true }) name!: string | null;
  /** Who issues its public notice; null: NOTICE_ISSUER, else "<name>志愿服务站". */
  @Column({ type: 'varchar', nullable: true }) issuer!: string | null;
  /** The prev_hash of its ledger's first transaction. */
  @Column({ name: 'genesis_hash', type: 'varchar' }) genesisHash!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  /** For its certificates (志愿服务记录证明): the person in charge (负责人) and the contact. */
  @Column({ name: 'person_in_charge', type: 'varchar', nullable: true })
  personInCharge!: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', nullable: true }) contactPhone!: string | null;
  @Column({ name: 'contact_address', type: 'varchar', nullable: true })
  contactAddress!: string | null;
}

/** A volunteer moved from one community to another (记录转移接续). */
@Entity('member_transfers')
export class MemberTransfer {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'from_community_id', type: 'integer' }) fromCommunityId!: number;
  @Column({ name: 'to_community_id', type: 'integer' }) toCommunityId!: number;
  @Column({ name: 'from_passbook_no', type: 'varchar' }) fromPassbookNo!: string;
  @Column({ name: 'to_passbook_no', type: 'varchar' }) toPassbookNo!: string;
  /** Verified service hours carried, in hundredths. */
  @Column({ type: 'bigint', transformer: bigintTransformer }) hours!: number;
  @Column({ type: 'varchar' }) reason!: string;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
