import { Account, Balance } from './account.entity';
import { LedgerTransaction, Posting } from './ledger-transaction.entity';

/**
 * The entities this module owns: accounts, balances and the hash-chained transactions with their
 * postings.
 */
export const ledgerEntities = [Account, Balance, LedgerTransaction, Posting];
