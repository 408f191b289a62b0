import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StaffRole } from '../../common/principal';

export { STAFF_ROLES, type StaffRole } from '../../common/principal';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) username!: string;
  @Column({ name: 'password_hash', type: 'varchar' }) passwordHash!: string;
  @Column({ type: 'varchar' }) role!: StaffRole;
  @Column({ type: 'boolean' }) active!: boolean;
  /** The community a staff user works in; null for a street-office user. */
  @Column({ name: 'community_id', type: 'integer', nullable: true }) communityId!: number | null;
  /** The street office a street-office user (role office) oversees; null for community staff. */
  @Column({ name: 'street_office_id', type: 'integer', nullable: true })
  streetOfficeId!: number | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  /** Set when someone else chose the password (generated, reset); cleared by the user's own change. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;
}
