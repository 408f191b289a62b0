import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { idParam } from '../common/id-param.pipe';
import { pageDtoOf } from '../common/pagination';
import { communityOf } from '../access/access.policy';
import { actorOf, CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
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
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      "Compute or recompute the draft rating of a year in the admin's community (not once published)",
    ok: RatingViewDto,
  })
  run(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.run(communityOf(principal), year, actorOf(principal));
  }

  @Post(':year/publish')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      "Publish the draft as computed; closes the year to new service records in the admin's community",
    ok: RatingViewDto,
  })
  publish(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.publish(communityOf(principal), year, actorOf(principal));
  }

  @Post(':year/finalize')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      'End the notice period: stars granted (final). Refused before the period ends, while an objection is open, or when earned points changed',
    ok: RatingViewDto,
  })
  finalize(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.finalize(communityOf(principal), year, actorOf(principal));
  }

  @Get(':year/objections')
  @Route({
    roles: ['admin', 'office'],
    summary:
      "Objections to the year's rating, newest first (?status=open|accepted|rejected); a street-office user names the community",
    ok: pageDtoOf(ObjectionDto),
  })
  listObjections(
    @Param('year', yearPipe()) year: number,
    @Query() query: ObjectionListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.list(principal, year, query);
  }

  @Post(':year/objections/:id/resolve')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      'Answer an objection (accepted: its correction was posted first, naming it; the rating is recomputed and the notice restarted or extended)',
    ok: ObjectionDto,
  })
  resolve(
    @Param('year', yearPipe()) year: number,
    @Param('id', idParam('objection')) id: number,
    @Body() dto: ResolveObjectionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.resolve(principal, year, id, dto, actorOf(principal));
  }

  @Get(':year')
  @Route({
    roles: ['admin', 'office'],
    summary:
      "The rating of a year with names, passbook numbers and points: the admin's community, or for a street-office user the one named by ?community=",
    ok: RatingViewDto,
  })
  get(
    @Param('year', yearPipe()) year: number,
    @Query() page: RatingPageQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.ratings.read(principal, year, page);
  }
}
