import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { Database } from '../common/db/database';
import { storageUnavailable } from '../common/db/storage-failure';
import { DomainError, ErrorCode } from '../common/errors';

/** What a healthy service answers (OpenAPI only). */
class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ enum: ['up'] }) db!: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  /** 200 {status: "ok", db: "up"}; 503 STORAGE_UNAVAILABLE with details {status: "degraded", db}. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  async health() {
    try {
      await this.db.read((em) => em.query('SELECT 1'));
    } catch (err) {
      const reason =
        err instanceof DomainError ? (err.details?.reason as string | undefined) : undefined;
      throw degraded(reason ?? 'down');
    }
    // A full disk still answers reads: the write path knows it is full.
    const failure = this.db.storage.failure;
    if (failure) {
      throw degraded(failure);
    }
    return { status: 'ok', db: 'up' };
  }
}

function degraded(db: string): DomainError {
  const refusal = storageUnavailable(db === 'full' || db === 'busy' ? db : 'down');
  return new DomainError(ErrorCode.STORAGE_UNAVAILABLE, refusal.message, {
    status: 'degraded',
    db,
  });
}
