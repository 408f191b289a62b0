import { applyDecorators, PipeTransform } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { DomainError } from './errors';

/** Ids are 32-bit integer columns on PostgreSQL: anything larger is refused before it reaches SQL. */
export const ID_MAX = 2_147_483_647;

/** The id bound of every path, body, query and cursor id. */
export function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= ID_MAX;
}

/**
 * A numeric path id (`/members/:id`): anything that is not a positive 32-bit integer is simply not
 * found, so a typo never reaches the database as an out-of-range value.
 */
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly what: string) {}

  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || !isId(Number(value))) {
      throw DomainError.notFound(this.what);
    }
    return Number(value);
  }
}

export const idParam = (what: string): IdParamPipe => new IdParamPipe(what);

/** A positive 32-bit id in a request body or query. */
export const IsId = (): PropertyDecorator => applyDecorators(IsInt(), Min(1), Max(ID_MAX));

/** An array of positive 32-bit ids. */
export const IsIds = (): PropertyDecorator =>
  applyDecorators(IsInt({ each: true }), Min(1, { each: true }), Max(ID_MAX, { each: true }));
