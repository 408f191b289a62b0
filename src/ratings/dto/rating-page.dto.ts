import { pageQueryOf } from '../../common/pagination';
import { RATINGS_PAGE_MAX } from '../star-ratings.service';

/** The rating sheet's page: longer pages than other lists, and the whole sheet without `limit`. */
export class RatingPageQuery extends pageQueryOf(RATINGS_PAGE_MAX, {
  defaultLimit: null,
  description: 'Page size; without it the whole rating sheet is returned',
}) {}
