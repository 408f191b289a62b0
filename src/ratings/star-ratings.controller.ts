import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { RatingPageQuery } from './dto/rating-page.dto';
import { RatingViewDto } from './dto/rating-responses.dto';
import { StarRatingsService } from './star-ratings.service';
import { yearPipe } from './year.pipe';

@ApiTags('star-ratings')
@ApiBearerAuth()
@Controller('star-ratings')
export class StarRatingsController {
  constructor(private readonly ratings: StarRatingsService) {}

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
