import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { RatingPageQuery } from './dto/rating-page.dto';
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
  run(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.run(year, actorOf(principal));
  }

  @Post(':year/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the draft as computed; closes the year to new service records',
  })
  publish(@Param('year', yearPipe()) year: number, @CurrentPrincipal() principal: Principal) {
    return this.ratings.publish(year, actorOf(principal));
  }

  @Get(':year')
  @Roles('admin')
  @ApiOperation({ summary: 'The rating of a year with names, passbook numbers and points' })
  get(@Param('year', yearPipe()) year: number, @Query() page: RatingPageQuery) {
    return this.ratings.get(year, page);
  }
}
