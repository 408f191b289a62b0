import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IdDocumentType } from '../id-document';

export type MemberKind = 'party_member' | 'resident';
export const MEMBER_KINDS: MemberKind[] = ['party_member', 'resident'];

@Entity('members')
export class Member {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'account_id', type: 'integer' }) accountId!: number;
  @Column({ name: 'passbook_no', type: 'varchar' }) passbookNo!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar' }) kind!: MemberKind;
  @Column({ type: 'varchar', nullable: true }) phone!: string | null;
  @Column({ name: 'pin_hash', type: 'varchar' }) pinHash!: string;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  /** The local date the volunteer joined: the day of creation, or the paper record's (migrated). */
  @Column({ name: 'joined_on', type: 'varchar', nullable: true }) joinedOn!: string | null;
  /** The local date of the last deactivation; null while active. */
  @Column({ name: 'deactivated_on', type: 'varchar', nullable: true }) deactivatedOn!:
    string | null;
  /** The identity document (证件): its type, its number masked, and the number sealed (KeyRing). */
  @Column({ name: 'id_document_type', type: 'varchar', nullable: true })
  idDocumentType!: IdDocumentType | null;
  @Column({ name: 'id_document_masked', type: 'varchar', nullable: true })
  idDocumentMasked!: string | null;
  @Column({ name: 'id_document_sealed', type: 'text', nullable: true })
  idDocumentSealed!: string | null;
}
