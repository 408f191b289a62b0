import { StandardVersionRow } from './standard-version.entity';

/** The entities this module owns: the versions of the scoring standard. */
export const standardEntities = [StandardVersionRow];
