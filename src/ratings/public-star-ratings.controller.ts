import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { Route } from '../common/route';
import { PublicCommunityQuery } from './dto/rating-page.dto';
import { PublicNoticeDto } from './dto/rating-responses.dto';
import { StarRatingsService } from './star-ratings.service';
import { yearPipe } from './year.pipe';

@ApiTags('public')
@Controller('public/star-ratings')
export class PublicStarRatingsController {
  constructor(private readonly ratings: StarRatingsService) {}

  @Get(':year')
  @Public()
  @Route({
    summary:
      "The published rating as a public notice (公示): masked names and stars only, of the community named by ?community=<code> (without it the first community), with that community's name and issuer",
    ok: PublicNoticeDto,
  })
  notice(@Param('year', yearPipe()) year: number, @Query() query: PublicCommunityQuery) {
    return this.ratings.publicNoticeOf(query.community, year);
  }
}
