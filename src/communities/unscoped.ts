/**
 * TEMPORARY (#15 in progress): the first community, used where a call site has not been given its
 * community yet. Every use is removed before this lands; this file is deleted with the last one.
 */
export const UNSCOPED_COMMUNITY = 1;
