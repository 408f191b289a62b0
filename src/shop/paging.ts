import { DomainError } from '../common/errors';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque keyset cursor over descending ids. */
export function encodeIdCursor(id: number): string {
  return Buffer.from(`i:${id}`).toString('base64url');
}

/** Anything not produced by encodeIdCursor is a 400. */
export function decodeIdCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  const m = /^i:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    throw DomainError.validation('cursor is not valid', { field: 'cursor' });
  }
  return Number(m[1]);
}

/** One page from rows fetched with limit + 1, newest first. */
export function pageOf<R extends { id: number }, V>(
  rows: R[],
  limit: number,
  view: (row: R) => V,
): Page<V> {
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  return {
    items: kept.map(view),
    nextCursor: more ? encodeIdCursor(kept[kept.length - 1].id) : null,
  };
}
