import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createAppendOnlyTriggers } from '../src/common/db/append-only';

const now = (): string => new Date().toISOString();

/** Users and sessions, the double-entry ledger with its append-only triggers, and idempotency keys. */
export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'integer', isNullable: true },
          { name: 'member_id', type: 'integer', isNullable: true },
          { name: 'expires_at', type: 'varchar', length: '32' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'idx_sessions_user', columnNames: ['user_id'] },
          { name: 'idx_sessions_member', columnNames: ['member_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'accounts',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'passbook_no', type: 'varchar', length: '16', isNullable: true, isUnique: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'balances',
        columns: [
          { name: 'account_id', type: 'integer', isPrimary: true },
          { name: 'balance', type: 'bigint', default: 0 },
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_transactions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'bigint', isUnique: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'effective_date', type: 'varchar', length: '10' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'reverses', type: 'varchar', length: '36', isNullable: true, isUnique: true },
          { name: 'description', type: 'varchar', length: '500' },
          { name: 'meta', type: 'text', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        foreignKeys: [
          {
            columnNames: ['reverses'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_ledger_transactions_kind_date', columnNames: ['kind', 'effective_date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'postings',
        columns: [
          { name: 'transaction_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'integer', isPrimary: true },
          { name: 'seq', type: 'bigint' },
          { name: 'amount', type: 'bigint' },
          { name: 'balance_after', type: 'bigint' },
        ],
        foreignKeys: [
          {
            columnNames: ['transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    // The statement reads an account's postings newest first by seq: one index seek per page.
    await q.createIndex(
      'postings',
      new TableIndex({
        name: 'idx_postings_account_seq',
        columnNames: ['account_id', 'seq'],
        isUnique: true,
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'principal', type: 'varchar', length: '64', isPrimary: true },
          { name: 'key', type: 'varchar', length: '128', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status_code', type: 'integer' },
          { name: 'response_body', type: 'text' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    if (q.connection.driver.options.type === 'postgres') {
      // A stable name so the write retry can tell a lost race on a key from other conflicts.
      await q.query(
        `ALTER TABLE idempotency_keys RENAME CONSTRAINT "${await pkName(q, 'idempotency_keys')}" TO pk_idempotency_keys`,
      );
    }

    // Database-level refusal of UPDATE and DELETE, so history cannot be rewritten even by SQL in code.
    await createAppendOnlyTriggers(q, ['ledger_transactions', 'postings']);

    // System accounts: issuance is where earned and adjusted points come from, shop where redeemed
    // points go, so that all balances always sum to zero.
    for (const [kind, name] of [
      ['issuance', '积分发行 Issuance'],
      ['shop', '公益坊 Shop'],
    ]) {
      await q.query(
        q.connection.driver.options.type === 'postgres'
          ? 'INSERT INTO accounts (kind, name, created_at) VALUES ($1, $2, $3)'
          : 'INSERT INTO accounts (kind, name, created_at) VALUES (?, ?, ?)',
        [kind, name, now()],
      );
    }
    await q.query('INSERT INTO balances (account_id, balance) SELECT id, 0 FROM accounts');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'idempotency_keys',
      'postings',
      'ledger_transactions',
      'balances',
      'accounts',
      'sessions',
      'users',
    ]) {
      await q.dropTable(t);
    }
  }
}

async function pkName(q: QueryRunner, table: string): Promise<string> {
  const rows: { conname: string }[] = await q.query(
    `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
    [table],
  );
  return rows[0].conname;
}
