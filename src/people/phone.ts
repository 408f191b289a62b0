/**
 * A volunteer's phone: a mainland mobile number, 11 digits starting 13–19. Typed or pasted forms
 * (spaces, dashes, a +86 or 0086 prefix) are accepted and stored as the bare 11 digits, so the same
 * number is the same text wherever it came from (the form, an edit, an imported roster).
 */
export const MAINLAND_MOBILE_RE = /^1[3-9]\d{9}$/;
export const PHONE_MESSAGE = 'phone must be a mainland mobile number: 11 digits starting 13-19';

/** The bare digits of a phone as typed; a string that is no phone comes back trimmed, to be refused. */
export function normalisePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s\-()（）]/g, '');
  const bare = compact.replace(/^(\+86|0086)/, '');
  return /^\d+$/.test(bare) ? bare : raw.trim();
}

export const isMainlandMobile = (phone: string): boolean => MAINLAND_MOBILE_RE.test(phone);
