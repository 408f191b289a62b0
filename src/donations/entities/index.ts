import { Donation } from './donation.entity';

/** The entities this module owns: gifts of points to households. */
export const donationEntities = [Donation];
