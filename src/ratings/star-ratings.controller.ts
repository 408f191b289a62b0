import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Compute or recompute the draft rating of a year (not once published)' })
  @ApiOkResponse({ type: RatingViewDto })
  run(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.run(year, actorOf(principal));
  }

  @Post(':year/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the draft as computed; closes the year to new service records',
  })
  @ApiOkResponse({ type: RatingViewDto })
  publish(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.publish(year, actorOf(principal));
  }

  @Get(':year')
  @Roles('admin')
  @ApiOperation({ summary: 'The rating of a year with names, passbook numbers and points' })
  @ApiOkResponse({ type: RatingViewDto })
  get(@Param('year', yearPipe()) year: number, @Query() page: RatingPageQuery) {
    return this.ratings.get(year, page);
  }
}
