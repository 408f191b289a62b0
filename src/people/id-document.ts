import type { KeyRing } from '../common/keys/key-ring';
import { maskIdNumber } from '../common/mask';

/**
 * A volunteer's identity document (证件) as the national volunteer record system (全国志愿服务信息系统)
 * holds it: its type and number. The number is stored sealed (see src/common/keys/key-ring.ts) and
 * shown masked; this file is the one home of what a valid number of each type is.
 */

export const ID_DOCUMENT_TYPES = [
  'resident_id',
  'hk_macao_permit',
  'taiwan_permit',
  'passport',
  'other',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** The names the certificate and the national export print. */
export const ID_DOCUMENT_NAMES: Record<IdDocumentType, string> = {
  resident_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
  other: '其他',
};

/** Spaces and dashes dropped, letters in capitals: what is checked and stored. */
export function normaliseIdNumber(number: string): string {
  return number.replace(/[\s-]/g, '').toUpperCase();
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643-1999 check character of a resident ID's first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  const sum = Array.from(first17).reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return CHECK_CHARS[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1800 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  );
}

/**
 * Why a (normalised) number is not one of its type, or null when it is: a resident ID is 18
 * characters, 17 digits with a real birth date and the GB 11643 check character (a digit or X).
 */
export function idNumberProblem(type: IdDocumentType, number: string): string | null {
  switch (type) {
    case 'resident_id':
      if (!/^\d{17}[\dX]$/.test(number)) {
        return 'a resident ID number is 18 characters: 17 digits and a digit or X';
      }
      if (!isRealDate(number.slice(6, 14))) {
        return 'the resident ID number does not hold a real date of birth';
      }
      if (residentIdCheckChar(number.slice(0, 17)) !== number[17]) {
        return 'the resident ID number’s check digit does not match (GB 11643): a digit was mistyped';
      }
      return null;
    case 'hk_macao_permit':
      return /^[HM]\d{8}(\d{2})?$/.test(number)
        ? null
        : 'a Mainland Travel Permit for Hong Kong and Macao residents is H or M and 8 or 10 digits';
    case 'taiwan_permit':
      return /^\d{8}(\d{2})?$/.test(number)
        ? null
        : 'a Mainland Travel Permit for Taiwan residents is 8 or 10 digits';
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(number) ? null : 'a passport number is 5-17 letters or digits';
    case 'other':
      return /^[A-Z0-9]{2,30}$/.test(number) ? null : 'a document number is 2-30 letters or digits';
  }
}

/** The member's columns for a document (all null: none): the number only masked and sealed. */
export function idDocumentColumns(
  keys: KeyRing,
  doc: { type: IdDocumentType; number: string } | null,
): {
  idDocumentType: IdDocumentType | null;
  idDocumentMasked: string | null;
  idDocumentSealed: string | null;
} {
  return doc === null
    ? { idDocumentType: null, idDocumentMasked: null, idDocumentSealed: null }
    : {
        idDocumentType: doc.type,
        idDocumentMasked: maskIdNumber(doc.number),
        idDocumentSealed: keys.seal(doc.number),
      };
}
