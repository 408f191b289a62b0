import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { idParam } from '../common/id-param.pipe';
import { pageDtoOf } from '../common/pagination';
import { communityOf } from '../access/access.policy';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { RatingPageQuery } from './dto/rating-page.dto';
import { RatingViewDto } from './dto/rating-responses.dto';
import { ObjectionDto, ObjectionListQuery, ResolveObjectionDto } from './dto/objection.dto';
import { ObjectionsService } from './objections.service';
import { StarRatingsService } from './star-ratings.service';
import { yearPipe } from './year.pipe';

@ApiTags('star-ratings')
@ApiBearerAuth()
@Controller('star-ratings')
export class StarRatingsController {
  constructor(
    private readonly ratings: StarRatingsService,
    private readonly objections: ObjectionsService,
  ) {}

  @Post(':year/run')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Compute or recompute the draft rating of a year in the admin's community (not once published)",
  })
  @ApiOkResponse({ type: RatingViewDto })
  run(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.run(communityOf(principal), year, actorOf(principal));
  }

  @Post(':year/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Publish the draft as computed; closes the year to new service records in the admin's community",
  })
  @ApiOkResponse({ type: RatingViewDto })
  publish(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.publish(communityOf(principal), year, actorOf(principal));
  }

  @Post(':year/finalize')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End the notice period: stars granted (final). Refused before the period ends, while an objection is open, or when earned points changed',
  })
  @ApiOkResponse({ type: RatingViewDto })
  finalize(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.finalize(communityOf(principal), year, actorOf(principal));
  }

  @Get(':year/objections')
  @Roles('admin', 'office')
  @ApiOperation({
    summary:
      "Objections to the year's rating, newest first (?status=open|accepted|rejected); a street-office user names the community",
  })
  @ApiOkResponse({ type: pageDtoOf(ObjectionDto) })
  listObjections(
    @Param('year', yearPipe()) year: number,
    @Query() query: ObjectionListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.list(principal, year, query);
  }

  @Post(':year/objections/:id/resolve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Answer an objection (accepted: its correction was posted first, naming it; the rating is recomputed and the notice restarted or extended)',
  })
  @ApiOkResponse({ type: ObjectionDto })
  resolve(
    @Param('year', yearPipe()) year: number,
    @Param('id', idParam('objection')) id: number,
    @Body() dto: ResolveObjectionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.resolve(principal, year, id, dto, actorOf(principal));
  }

  @Get(':year')
  @Roles('admin', 'office')
  @ApiOperation({
    summary:
      "The rating of a year with names, passbook numbers and points: the admin's community, or for a street-office user the one named by ?community=",
  })
  @ApiOkResponse({ type: RatingViewDto })
  get(
    @Param('year', yearPipe()) year: number,
    @Query() page: RatingPageQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.ratings.read(principal, year, page);
  }
}
