import { PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/errors';

/** A path id: anything but a plain positive integer in range is simply not found. */
export class IdPipe implements PipeTransform<string, number> {
  constructor(private readonly what: string) {}

  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
      throw DomainError.notFound(this.what);
    }
    return Number(value);
  }
}
