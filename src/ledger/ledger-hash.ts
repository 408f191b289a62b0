import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashableTransaction {
  id: string;
  seq: number;
  kind: string;
  effectiveDate: string;
  createdAt: string;
  actor: string;
  reverses: string | null;
  description: string;
  meta: string | null;
  postings: { accountId: number; amount: number }[];
}

/** SHA-256 over the previous hash and a canonical rendering of the transaction and its postings. */
export function transactionHash(prevHash: string, t: HashableTransaction): string {
  const postings = [...t.postings]
    .sort((a, b) => a.accountId - b.accountId)
    .map((p) => [p.accountId, p.amount]);
  const canonical = JSON.stringify([
    prevHash,
    t.seq,
    t.id,
    t.kind,
    t.effectiveDate,
    t.createdAt,
    t.actor,
    t.reverses,
    t.description,
    t.meta,
    postings,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
