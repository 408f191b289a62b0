import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './errors';

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

/** `?limit=&cursor=` of every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: LIMIT_MAX, default: LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque keyset cursor over ascending ids. */
export function encodeIdCursor(id: number): string {
  return Buffer.from(`i:${id}`).toString('base64url');
}

/** Decodes a cursor made by encodeIdCursor; anything else is a 400. */
export function decodeIdCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  const m = /^i:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    throw DomainError.validation('cursor is not valid', { field: 'cursor' });
  }
  return Number(m[1]);
}

/** Cuts a page fetched with limit + 1 rows into items and the cursor of the next page. */
export function toPage<R extends { id: number }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  return {
    items: kept.map(map),
    nextCursor: more ? encodeIdCursor(kept[kept.length - 1].id) : null,
  };
}

/** `%` and `_` typed by a user match themselves in LIKE (used with ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
