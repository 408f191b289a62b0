import { Wish, WishHelper } from './wish.entity';

/** The entities this module owns: wishes (微心愿) and who was credited for them. */
export const wishEntities = [Wish, WishHelper];
