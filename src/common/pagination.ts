import { Type as ClassOf } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './errors';
import { isId } from './id-param.pipe';

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

/**
 * The `?limit=&cursor=` query of a list whose pages hold at most `max` items: the one page DTO.
 * `defaultLimit` is what a list without `limit` returns (documented; null: the whole list).
 */
export function pageQueryOf(
  max: number,
  options: { defaultLimit?: number | null; description?: string } = {},
) {
  const defaultLimit = options.defaultLimit === undefined ? LIMIT_DEFAULT : options.defaultLimit;
  class PageQuery {
    @ApiPropertyOptional({
      minimum: 1,
      maximum: max,
      ...(defaultLimit === null ? {} : { default: defaultLimit }),
      ...(options.description ? { description: options.description } : {}),
    })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(max)
    limit?: number;

    @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
    @IsOptional()
    @IsString()
    @MaxLength(CURSOR_LENGTH_MAX)
    cursor?: string;
  }
  return PageQuery;
}

/** Longest cursor accepted before decoding (every cursor the codec makes is far shorter). */
export const CURSOR_LENGTH_MAX = 200;

/** `?limit=&cursor=` of every list (at most LIMIT_MAX a page, LIMIT_DEFAULT without a limit). */
export class PageQueryDto extends pageQueryOf(LIMIT_MAX) {}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a cursor field may hold: an id (the one id bound) or a sort key (any safe integer). */
export type CursorField = 'id' | 'integer';

/**
 * The one codec of every list's opaque keyset cursor: a tag naming the list's order and its integer
 * fields (`i:42`, `r:3:5000:17`), base64url.
 */
export function encodeCursor(tag: string, ...fields: number[]): string {
  return Buffer.from([tag, ...fields].join(':')).toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor with this tag and these fields; anything else, an id past
 * the id bound included (PostgreSQL would refuse it), is a 400.
 */
export function decodeCursor(
  tag: string,
  cursor: string | undefined,
  fields: CursorField[],
): number[] | undefined {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const values = parts.slice(1).map(Number);
  const valid =
    parts[0] === tag &&
    values.length === fields.length &&
    parts.slice(1).every((p) => /^-?\d{1,15}$/.test(p)) &&
    fields.every((kind, i) => (kind === 'id' ? isId(values[i]) : Number.isSafeInteger(values[i])));
  if (!valid) {
    throw DomainError.validation('cursor is not valid', { field: 'cursor' });
  }
  return values;
}

/** A cursor over a text sort key (a passbook number): the same codec, the key checked by `shape`. */
export function encodeKeyCursor(tag: string, key: string): string {
  return Buffer.from(`${tag}:${key}`).toString('base64url');
}

/** Decodes a cursor made by encodeKeyCursor with this tag; a key not of `shape` is a 400. */
export function decodeKeyCursor(
  tag: string,
  cursor: string | undefined,
  shape: RegExp,
): string | undefined {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = text.startsWith(`${tag}:`) ? text.slice(tag.length + 1) : '';
  if (!shape.test(key)) {
    throw DomainError.validation('cursor is not valid', { field: 'cursor' });
  }
  return key;
}

/** Keyset cursor over ids (`tag` names the list's order). */
export function encodeIdCursor(id: number, tag = 'i'): string {
  return encodeCursor(tag, id);
}

/** Decodes a cursor made by encodeIdCursor with the same tag; anything else is a 400. */
export function decodeIdCursor(cursor: string | undefined, tag = 'i'): number | undefined {
  return decodeCursor(tag, cursor, ['id'])?.[0];
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

/**
 * The OpenAPI schema of a `Page<T>` whose items are described by `item` (a response DTO class): the
 * one page response DTO, named `<Item>Page` in the document.
 */
export function pageDtoOf(item: ClassOf<unknown>): ClassOf<unknown> {
  class PageDto {
    @ApiProperty({ type: [item] }) items!: unknown[];
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'pass as `cursor` for the next page; null on the last page',
    })
    nextCursor!: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
