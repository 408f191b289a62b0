import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { pageDtoOf, PageQueryDto } from '../common/pagination';
import { FileObjectionDto, MyObjectionDto } from './dto/objection.dto';
import { ObjectionsService } from './objections.service';

@ApiTags('star-ratings')
@ApiBearerAuth()
@Controller('me/objections')
export class MyObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post()
  @Roles('volunteer')
  @ApiOperation({
    summary:
      'Object to a published star rating during its notice period: about one\'s own entry ("self") or an entry of the notice (its ref)',
  })
  @ApiCreatedResponse({ type: MyObjectionDto })
  file(@Body() dto: FileObjectionDto, @CurrentPrincipal() principal: Principal) {
    return this.objections.file(principal, dto);
  }

  @Get()
  @Roles('volunteer')
  @ApiOperation({ summary: "The volunteer's own objections, newest first, with the answers" })
  @ApiOkResponse({ type: pageDtoOf(MyObjectionDto) })
  mine(@Query() page: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.objections.mine(principal, page);
  }
}
