import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  @Get()
  @Public()
  async health() {
    try {
      await this.db.read((em) => em.query('SELECT 1'));
    } catch {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'database is not reachable', {
        db: 'down',
      });
    }
    return { status: 'ok', db: 'up' };
  }
}
