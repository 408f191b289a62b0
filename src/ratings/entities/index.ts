import { StarRating } from './star-rating.entity';
import { StarRatingEntry } from './star-rating-entry.entity';
import { StarRatingObjection } from './star-rating-objection.entity';
import { StarRatingRestatement } from './star-rating-restatement.entity';

/** The entities this module owns: star ratings, their entries, objections and restatements. */
export const ratingEntities = [
  StarRating,
  StarRatingEntry,
  StarRatingObjection,
  StarRatingRestatement,
];
