import {
  CHECKIN_CODE_ALPHABET,
  CHECKIN_CODE_LENGTH,
  checkinCode,
  checkinWindow,
  currentCheckinCode,
  isValidCheckinCode,
} from './checkin-code';

const SECRET = 'ab'.repeat(32);
const OTHER_SECRET = 'cd'.repeat(32);
const AT = new Date('2026-12-13T01:00:30.000Z');

describe('checkin-code', () => {
  it('should make 8 characters of the unambiguous alphabet, the same for the same window', () => {
    const code = checkinCode(SECRET, 7, checkinWindow(AT));
    expect(code).toHaveLength(CHECKIN_CODE_LENGTH);
    expect([...code].every((c) => CHECKIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect(checkinCode(SECRET, 7, checkinWindow(AT))).toBe(code);
    expect(CHECKIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('should differ by window, event and secret', () => {
    const w = checkinWindow(AT);
    const code = checkinCode(SECRET, 7, w);
    expect(checkinCode(SECRET, 7, w + 1)).not.toBe(code);
    expect(checkinCode(SECRET, 8, w)).not.toBe(code);
    expect(checkinCode(OTHER_SECRET, 7, w)).not.toBe(code);
  });

  it('should put instants of one minute in one window', () => {
    expect(checkinWindow(new Date('2026-12-13T01:00:00.000Z'))).toBe(
      checkinWindow(new Date('2026-12-13T01:00:59.999Z')),
    );
    expect(checkinWindow(new Date('2026-12-13T01:01:00.000Z'))).toBe(
      checkinWindow(new Date('2026-12-13T01:00:00.000Z')) + 1,
    );
  });

  it('should accept the current and the previous window only', () => {
    const { code, validUntil } = currentCheckinCode(SECRET, 7, AT);
    expect(validUntil).toBe('2026-12-13T01:02:00.000Z');
    expect(isValidCheckinCode(SECRET, 7, code, AT)).toBe(true);
    expect(isValidCheckinCode(SECRET, 7, code, new Date('2026-12-13T01:01:59.999Z'))).toBe(true);
    expect(isValidCheckinCode(SECRET, 7, code, new Date('2026-12-13T01:02:00.000Z'))).toBe(false);
    expect(isValidCheckinCode(SECRET, 7, code, new Date('2026-12-13T00:59:59.999Z'))).toBe(false);
  });

  it('should ignore case and spaces and refuse other events, other lengths and junk', () => {
    const { code } = currentCheckinCode(SECRET, 7, AT);
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    expect(isValidCheckinCode(SECRET, 7, typed, AT)).toBe(true);
    expect(isValidCheckinCode(SECRET, 8, code, AT)).toBe(false);
    expect(isValidCheckinCode(SECRET, 7, code.slice(0, 7), AT)).toBe(false);
    expect(isValidCheckinCode(SECRET, 7, `${code}2`, AT)).toBe(false);
    expect(isValidCheckinCode(SECRET, 7, '', AT)).toBe(false);
    expect(isValidCheckinCode(SECRET, 7, '中文中文中文中文', AT)).toBe(false);
  });
});
