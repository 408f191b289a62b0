import { formatCents, toSafeInteger } from '../common/points';
import { maskAddress, maskContact, revealTo } from '../common/mask';
import { Hardship } from './entities/household.entity';

export interface HouseholdView {
  id: number;
  passbookNo: string;
  name: string;
  hardship: Hardship;
  /** Full for admins, masked for clerks. */
  address: string | null;
  contact: string | null;
  verified: boolean;
  active: boolean;
  balance: string;
  createdAt: string;
}

/** What a volunteer sees to choose whom to give to. */
export interface HouseholdChoice {
  id: number;
  name: string;
  hardship: Hardship;
}

/** A household as `HouseholdsService` reads it from the store. */
export interface HouseholdRow {
  id: number;
  passbook_no: string;
  name: string;
  hardship: Hardship;
  address: string | null;
  contact: string | null;
  verified: unknown;
  active: unknown;
  created_at: string;
  balance: unknown;
}

/** What staff see of a household: address and contact in full (`full`) or masked. */
export function householdView(r: HouseholdRow, full: boolean): HouseholdView {
  return {
    id: r.id,
    passbookNo: r.passbook_no,
    name: r.name,
    hardship: r.hardship,
    address: revealTo(r.address, full, maskAddress),
    contact: revealTo(r.contact, full, maskContact),
    verified: Boolean(r.verified),
    active: Boolean(r.active),
    balance: formatCents(toSafeInteger(r.balance)),
    createdAt: r.created_at,
  };
}
