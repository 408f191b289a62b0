import { maskPhone, revealTo } from '../common/mask';
import { formatCents, toSafeInteger } from '../common/points';
import { MemberKind } from './entities/member.entity';
import { IdDocumentType } from './id-document';

export interface MemberView {
  id: number;
  passbookNo: string;
  name: string;
  kind: MemberKind;
  /** Full for admins, masked (138****5678) for leaders. */
  phone: string | null;
  active: boolean;
  balance: string;
  teamIds: number[];
  createdAt: string;
  joinedOn: string;
  deactivatedOn: string | null;
  /** The identity document, its number always masked (1101**********1234); null: none given. */
  idDocument: { type: IdDocumentType; number: string } | null;
}

/** A member as `MembersService` reads it from the store. */
export interface MemberRow {
  id: number;
  passbook_no: string;
  name: string;
  kind: MemberKind;
  phone: string | null;
  active: unknown;
  created_at: string;
  /** Null only for rows written before the join-date migration backfilled them. */
  joined_on?: string | null;
  deactivated_on?: string | null;
  id_document_type: IdDocumentType | null;
  id_document_masked: string | null;
  balance: unknown;
}

/** What staff see of a member: the phone in full (`full`) or masked. */
export function memberView(r: MemberRow, teamIds: number[], full: boolean): MemberView {
  return {
    id: r.id,
    passbookNo: r.passbook_no,
    name: r.name,
    kind: r.kind,
    phone: revealTo(r.phone, full, maskPhone),
    active: Boolean(r.active),
    balance: formatCents(toSafeInteger(r.balance)),
    teamIds,
    createdAt: r.created_at,
    joinedOn: r.joined_on ?? r.created_at.slice(0, 10),
    deactivatedOn: r.deactivated_on ?? null,
    idDocument:
      r.id_document_type && r.id_document_masked
        ? { type: r.id_document_type, number: r.id_document_masked }
        : null,
  };
}
