import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { createAppendOnlyTriggers } from '../src/common/db/append-only';

/**
 * Certificates of recorded service (志愿服务记录证明): a member's identity document (type, masked
 * number, and the number sealed with the key of CERTIFICATE_KEY_DIR, never in clear), the
 * community's person in charge and contact, and the issued certificates: each one's signed
 * canonical payload and signature, and, in a table of their own, the revocations. Both tables are
 * append-only (triggers refuse UPDATE and DELETE): a certificate never changes after issue, and a
 * revocation, once made, cannot be taken back or rewritten.
 */
export class Certificates1764020100000 implements MigrationInterface {
  name = 'Certificates1764020100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('members', [
      new TableColumn({
        name: 'id_document_type',
        type: 'varchar',
        length: '32',
        isNullable: true,
      }),
      // What every answer shows (1101**********1234); the number itself only sealed.
      new TableColumn({
        name: 'id_document_masked',
        type: 'varchar',
        length: '40',
        isNullable: true,
      }),
      new TableColumn({ name: 'id_document_sealed', type: 'text', isNullable: true }),
    ]);
    await q.addColumns('communities', [
      new TableColumn({
        name: 'person_in_charge',
        type: 'varchar',
        length: '50',
        isNullable: true,
      }),
      new TableColumn({ name: 'contact_phone', type: 'varchar', length: '50', isNullable: true }),
      new TableColumn({
        name: 'contact_address',
        type: 'varchar',
        length: '200',
        isNullable: true,
      }),
    ]);
    await q.createTable(
      new Table({
        name: 'certificates',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'community_id', type: 'integer' },
          // <community code>-<year>-<6 digits>; seq counts per community and year from 1.
          { name: 'number', type: 'varchar', length: '48', isUnique: true },
          { name: 'year', type: 'integer' },
          { name: 'seq', type: 'integer' },
          { name: 'member_id', type: 'integer' },
          { name: 'period_from', type: 'varchar', length: '10' },
          { name: 'period_to', type: 'varchar', length: '10' },
          // Hundredths, as in the payload; kept for the register's list.
          { name: 'hours', type: 'bigint' },
          // The canonical JSON that was signed, byte for byte, and its Ed25519 signature (base64).
          { name: 'payload', type: 'text' },
          { name: 'signature', type: 'varchar', length: '100' },
          { name: 'issued_by', type: 'varchar', length: '80' },
          { name: 'issued_at', type: 'varchar', length: '32' },
        ],
        uniques: [{ name: 'uq_certificates_seq', columnNames: ['community_id', 'year', 'seq'] }],
        indices: [
          { name: 'idx_certificates_member', columnNames: ['member_id'] },
          { name: 'idx_certificates_community', columnNames: ['community_id', 'id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate_revocations',
        columns: [
          // The primary key makes one revocation per certificate, also under a race.
          { name: 'certificate_id', type: 'integer', isPrimary: true },
          { name: 'revoked_at', type: 'varchar', length: '32' },
          { name: 'revoked_by', type: 'varchar', length: '80' },
          { name: 'reason', type: 'varchar', length: '200' },
        ],
        foreignKeys: [
          {
            name: 'fk_certificate_revocations_certificate',
            columnNames: ['certificate_id'],
            referencedTableName: 'certificates',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await createAppendOnlyTriggers(q, ['certificates', 'certificate_revocations']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('certificate_revocations');
    await q.dropTable('certificates');
    for (const column of ['contact_address', 'contact_phone', 'person_in_charge']) {
      await q.dropColumn('communities', column);
    }
    for (const column of ['id_document_sealed', 'id_document_masked', 'id_document_type']) {
      await q.dropColumn('members', column);
    }
  }
}
