import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { pageDtoOf, PageQueryDto } from '../common/pagination';
import { Route } from '../common/route';
import { FileObjectionDto, MyObjectionDto } from './dto/objection.dto';
import { ObjectionsService } from './objections.service';

@ApiTags('star-ratings')
@ApiBearerAuth()
@Controller('me/objections')
export class MyObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post()
  @Route({
    roles: ['volunteer'],
    summary:
      'Object to a published star rating during its notice period: about one\'s own entry ("self") or an entry of the notice (its ref)',
    created: MyObjectionDto,
  })
  file(@Body() dto: FileObjectionDto, @CurrentPrincipal() principal: Principal) {
    return this.objections.file(principal, dto);
  }

  @Get()
  @Route({
    roles: ['volunteer'],
    summary: "The volunteer's own objections, newest first, with the answers",
    ok: pageDtoOf(MyObjectionDto),
  })
  mine(@Query() page: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.objections.mine(principal, page);
  }
}
