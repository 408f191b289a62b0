import { ParseIntPipe } from '@nestjs/common';
import { DomainError } from '../common/errors';

/** `:year` as a whole number, else 400 VALIDATION_FAILED naming the field. */
export const yearPipe = (): ParseIntPipe =>
  new ParseIntPipe({
    exceptionFactory: () =>
      DomainError.validation('year must be a whole number like 2026', { field: 'year' }),
  });
