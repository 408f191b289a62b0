import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { StandardQueryDto } from './dto/standard-query.dto';
import { StandardVersionsDto, StandardViewDto } from './dto/standard-responses.dto';
import { StandardService } from './standard.service';

@ApiTags('standard')
@ApiBearerAuth()
@Controller('standard')
export class StandardController {
  constructor(private readonly standard: StandardService) {}

  @Get()
  @Roles('admin', 'leader', 'clerk', 'volunteer')
  @ApiOperation({ summary: 'The scoring standard in force on a date (default today)' })
  @ApiOkResponse({ type: StandardViewDto })
  inForce(@Query() query: StandardQueryDto) {
    return this.standard.viewOn(query.date);
  }

  @Get('versions')
  @Roles('admin')
  @ApiOperation({ summary: 'Every stored version of the scoring standard, newest first' })
  @ApiOkResponse({ type: StandardVersionsDto })
  versions() {
    return this.standard.listVersions();
  }
}
