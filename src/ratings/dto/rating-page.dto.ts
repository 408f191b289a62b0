import { ApiPropertyOptional } from '@nestjs/swagger';
import { pageQueryOf } from '../../common/pagination';
import { IsCommunityParam } from '../../common/validation';
import { RATINGS_PAGE_MAX } from '../star-ratings.service';

/** The rating sheet's page: longer pages than other lists, and the whole sheet without `limit`. */
export class RatingPageQuery extends pageQueryOf(RATINGS_PAGE_MAX, {
  defaultLimit: null,
  description: 'Page size; without it the whole rating sheet is returned',
}) {
  @ApiPropertyOptional({
    description:
      "The community's code (or id): a street-office user names one of their communities; community staff read their own (another answers 404)",
    example: 'lingnan',
  })
  @IsCommunityParam()
  community?: string;
}

/** `?community=<code>` of the public notice: without it, the first community (as before). */
export class PublicCommunityQuery {
  @ApiPropertyOptional({
    description: "The community's code; without it the installation's first community",
    example: 'lingnan',
  })
  @IsCommunityParam()
  community?: string;
}
