import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { PublicNoticeDto } from './dto/rating-responses.dto';
import { StarRatingsService } from './star-ratings.service';
import { yearPipe } from './year.pipe';

@ApiTags('public')
@Controller('public/star-ratings')
export class PublicStarRatingsController {
  constructor(private readonly ratings: StarRatingsService) {}

  @Get(':year')
  @Public()
  @ApiOperation({
    summary: 'The published rating as a public notice (公示): masked names and stars only',
  })
  @ApiOkResponse({ type: PublicNoticeDto })
  notice(@Param('year', yearPipe()) year: number) {
    return this.ratings.publicNotice(year);
  }
}
