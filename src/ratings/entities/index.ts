import { StarRating } from './star-rating.entity';
import { StarRatingEntry } from './star-rating-entry.entity';

/** The entities this module owns: published star ratings and their entries. */
export const ratingEntities = [StarRating, StarRatingEntry];
