import { applyDecorators, PipeTransform } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { DomainError } from './errors';

/** Ids are 32-bit integer columns on PostgreSQL: anything larger is refused before it reaches SQL. */
export const ID_MAX = 2_147_483_647;

/**
 * A numeric path id (`/members/:id`): anything that is not a positive 32-bit integer is simply not
 * found, so a typo never reaches the database as an out-of-range value.
 */
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly what: string) {}

  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > ID_MAX) {
      throw DomainError.notFound(this.what);
    }
    return Number(value);
  }
}

export const idParam = (what: string): IdParamPipe => new IdParamPipe(what);

/** A positive 32-bit id in a request body or query. */
export const IsId = (): PropertyDecorator => applyDecorators(IsInt(), Min(1), Max(ID_MAX));
