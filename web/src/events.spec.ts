import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api';
import {
  checkInParams,
  clockTime,
  eventDay,
  eventErrorSentence,
  placesLeft,
  signupClosed,
  type EventView,
} from './events';

const signup = (capacity: number | null, signedUp: number, deadline: string | null = null) => ({
  signup: { audience: 'teams' as const, capacity, deadline, signedUp },
});

const refusal = (status: number, code: string, details: Record<string, unknown> = {}) =>
  new ApiError(status, code, 'english message from the service', details);

describe('events (the volunteer pages)', () => {
  it('should name the day with its weekday', () => {
    expect(eventDay('2026-12-12')).toBe('12月12日（周六）');
    expect(eventDay('2026-12-02')).toBe('12月2日（周三）');
  });

  it("should show an instant's time in the community's zone", () => {
    expect(clockTime('2026-12-12T01:02:00.000Z')).toBe('09:02');
  });

  it('should count the places left, never below none, and none at all without a capacity', () => {
    expect(placesLeft(signup(20, 17))).toBe(3);
    expect(placesLeft(signup(5, 5))).toBe(0);
    expect(placesLeft(signup(5, 6))).toBe(0);
    expect(placesLeft(signup(null, 40))).toBeNull();
    expect(placesLeft({ signup: null })).toBeNull();
  });

  it('should close sign-up at its deadline', () => {
    const at = Date.parse('2026-12-11T10:00:00.000Z');
    const e = signup(5, 0, '2026-12-11T10:00:00.000Z');
    expect(signupClosed(e, at - 1)).toBe(false);
    expect(signupClosed(e, at)).toBe(true);
    expect(signupClosed(signup(5, 0, null), at)).toBe(false);
  });

  it('should read the event and code of a check-in address, and nothing from a broken one', () => {
    expect(checkInParams('?event=12&code=K7M2Q9XA')).toEqual({ eventId: 12, code: 'K7M2Q9XA' });
    expect(checkInParams('?event=12')).toBeNull();
    expect(checkInParams('?event=abc&code=K7M2Q9XA')).toBeNull();
    expect(checkInParams('?event=-1&code=K7M2Q9XA')).toBeNull();
    expect(checkInParams('')).toBeNull();
  });

  it("should say a refusal with the event's own capacity, deadline and day", () => {
    const event = {
      date: '2026-12-12',
      ...signup(30, 30, '2026-12-11T10:00:00.000Z'),
    } as unknown as EventView;
    expect(
      eventErrorSentence(
        refusal(409, 'CONFLICT', { reason: 'EVENT_FULL', capacity: 30, signedUp: 30 }),
        event,
      ),
    ).toBe('报名人数已满（共 30 个名额），这次报不上了。');
    expect(eventErrorSentence(refusal(409, 'CONFLICT', { reason: 'SIGNUP_CLOSED' }), event)).toBe(
      '报名已在 12月11日 18:00 截止，不能再报名或取消。',
    );
    expect(
      eventErrorSentence(refusal(403, 'FORBIDDEN', { reason: 'CHECKIN_CODE_INVALID' }), event),
    ).toBe('二维码已过期，请重新扫描现场屏幕上的二维码。');
    expect(
      eventErrorSentence(
        refusal(409, 'CONFLICT', {
          reason: 'NOT_EVENT_DAY',
          date: '2026-12-12',
          today: '2026-12-11',
        }),
        event,
      ),
    ).toBe('这个活动在 12月12日（周六），只能在当天签到、签退。');
    expect(eventErrorSentence(refusal(404, 'NOT_FOUND'), event)).toContain('请找队长登记');
    // Anything else reads as on every page.
    expect(eventErrorSentence(refusal(429, 'RATE_LIMITED'), event)).toBe(
      '操作太频繁了，请等一会儿再试。',
    );
  });
});
