import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, HTTP_STATUS_OF, REASONS, ReasonedCode } from '../../src/common/errors';
import { ApiError } from './api';
import { describeError, REASON_SENTENCES } from './errors';
import { setLang } from './i18n';

const refusal = (status: number, code: string, details: Record<string, unknown> = {}) =>
  new ApiError(status, code, 'english message from the service', details);

describe(describeError.name, () => {
  it('should say how many points are short', () => {
    const err = refusal(409, 'INSUFFICIENT_POINTS', {
      passbookNo: 'V7K2MQ9X',
      balance: '10.00',
      required: '26.00',
      shortBy: '16.00',
    });
    expect(describeError(err)).toBe(
      '积分不够：存折里有 10.00 分，这次需要 26.00 分，还差 16.00 分。请减少物品或数量。',
    );
  });

  it('should name the item that is out of stock and what is left', () => {
    const err = refusal(409, 'OUT_OF_STOCK', {
      catalogItemId: 3,
      name: '大米 5斤',
      requested: 4,
      available: 1,
    });
    expect(describeError(err)).toBe(
      '「大米 5斤」库存不够：要 4 件，只剩 1 件。请减少数量或换别的物品。',
    );
    const unnamed = refusal(409, 'OUT_OF_STOCK', { catalogItemId: 3, requested: 2, available: 0 });
    expect(describeError(unnamed, { itemName: (id) => (id === 3 ? '食用油' : undefined) })).toBe(
      '「食用油」库存不够：要 2 件，只剩 0 件。请减少数量或换别的物品。',
    );
  });

  it('should say what of a redemption can still be returned', () => {
    expect(
      describeError(
        refusal(409, 'CONFLICT', {
          reason: 'RETURN_EXCEEDS_REMAINING',
          redemptionId: 4,
          catalogItemId: 3,
          name: '大米 5斤',
          requested: 3,
          remaining: 1,
        }),
      ),
    ).toBe('「大米 5斤」最多还能退 1 件（这次要退 3 件），请改小数量。');
    expect(
      describeError(
        refusal(409, 'CONFLICT', {
          reason: 'RETURN_EXCEEDS_REMAINING',
          catalogItemId: 3,
          requested: 1,
          remaining: 0,
        }),
        { itemName: (id) => (id === 3 ? '食用油' : undefined) },
      ),
    ).toBe('「食用油」已经全部退过了，不能再退。');
    expect(
      describeError(
        refusal(409, 'COUPON_ALREADY_USED', {
          reason: 'RETURN_COUPON_USED',
          redemptionId: 4,
          catalogItemId: 5,
          name: '理发券',
          requested: 3,
          returnable: 2,
          coupons: [{ code: 'ABCDEFGHJKMN', usedAt: '2026-06-15T02:00:00.000Z' }],
        }),
      ),
    ).toBe('「理发券」有 1 张服务券已经用过，用过的券不能退；这一项最多还能退 2 件。');
    expect(
      describeError(
        refusal(409, 'COUPON_ALREADY_USED', {
          reason: 'RETURN_COUPON_USED',
          name: '理发券',
          returnable: 0,
          coupons: [{}],
        }),
      ),
    ).toBe('「理发券」的服务券都已经用过了，用过的券不能退。');
    expect(
      describeError(refusal(409, 'CONFLICT', { reason: 'PARTLY_RETURNED', redemptionId: 4 })),
    ).toBe('这次兑换已经退过一部分，不能再整笔取消；请把剩下的物品办理退货。');
    expect(
      describeError(
        refusal(409, 'REDEMPTION_WINDOW_CLOSED', {
          reason: 'RETURN_WINDOW_PASSED',
          redemptionId: 4,
          windowId: 1,
          action: 'return',
        }),
      ),
    ).toBe('这次兑换所在的兑换期已经结束，柜台不能再办理退货，请找管理员处理。');
    expect(
      describeError(
        refusal(409, 'ALREADY_REVERSED', {
          reason: 'REDEMPTION_CANCELLED',
          redemptionId: 4,
          cancelledAt: '2026-06-15T02:00:00.000Z',
        }),
      ),
    ).toMatch(
      /^这次兑换已经在 2026-06-1\d \d\d:00 取消了，积分和物品都已退回，不能再退货或取消。$/,
    );
  });

  it('should say the window is closed and when the next one opens', () => {
    expect(
      describeError(refusal(409, 'REDEMPTION_WINDOW_CLOSED', { opensAt: null, next: null })),
    ).toBe('现在不是兑换期，不能兑换。');
    const withNext = describeError(
      refusal(409, 'REDEMPTION_WINDOW_CLOSED', {
        next: { id: 2, opensAt: '2026-09-25T01:00:00.000Z' },
      }),
    );
    expect(withNext).toMatch(/^现在不是兑换期，不能兑换。下次兑换期 2026-09-2\d \d\d:00 开始。$/);
  });

  it('should tell which member is over which daily cap', () => {
    const err = refusal(422, 'CAP_EXCEEDED', {
      serviceDate: '2026-06-14',
      violations: [
        {
          memberId: 7,
          limit: 'item',
          itemCode: 'haircut',
          max: '3.00',
          alreadyLogged: '2.00',
          requested: '2.00',
          remaining: '1.00',
        },
        {
          memberId: 8,
          limit: 'dailyHours',
          itemCode: 'patrol',
          max: '12.00',
          alreadyLogged: '10.50',
          requested: '2.00',
          remaining: '1.50',
        },
      ],
    });
    const names: Record<number, string> = { 7: '张志明', 8: '刘淑珍' };
    expect(
      describeError(err, {
        memberName: (id) => names[id as number],
        standardItemName: (c) => (c === 'haircut' ? '理发' : undefined),
      }),
    ).toBe(
      '超过每日上限：张志明 的「理发」每天最多 3，当天已记 2，还能记 1；刘淑珍 每天服务最多 12 小时，当天已记 10.5 小时，还能记 1.5 小时。请改小数量后再提交。',
    );
  });

  it('should read a 401 by where it happened', () => {
    const err = refusal(401, 'UNAUTHENTICATED');
    expect(describeError(err, { login: 'passbook' })).toBe('存折号或密码不对，请再试一次。');
    expect(describeError(err, { login: 'staff' })).toBe('用户名或密码不对，请再试一次。');
    expect(describeError(err)).toBe('登录已过期，请重新登录。');
  });

  it('should give the lockout time in minutes', () => {
    const err = refusal(423, 'ACCOUNT_LOCKED', { retryAfterSeconds: 840 });
    expect(describeError(err)).toBe(
      '密码错误次数太多，已暂时锁定，请 14 分钟后再试。忘记密码请找社区工作人员。',
    );
  });

  it('should name the 404 by what was looked up', () => {
    expect(describeError(refusal(404, 'NOT_FOUND'), { subject: 'coupon' })).toBe(
      '没有这张服务券，请核对券码。',
    );
    expect(describeError(refusal(404, 'NOT_FOUND'), { subject: 'passbook' })).toBe(
      '没有找到存折。请核对存折号（8位，V或H开头），或重新扫码。',
    );
  });

  it('should promise no double posting when the service did not answer', () => {
    expect(describeError(new ApiError(0, 'NETWORK', 'no answer'))).toBe(
      '连不上服务器，请检查网络后再按一次（同一笔操作不会重复记账）。',
    );
    expect(describeError(refusal(500, 'INTERNAL_ERROR'))).toBe(
      '服务器出错了，这次操作没有完成。请再按一次（不会重复记账）。',
    );
  });

  it('should say of each field what is wrong with it, from the service details', () => {
    const err = refusal(400, 'VALIDATION_FAILED', {
      fields: [
        { field: 'participants.0.quantity', problems: ['quantity must be a whole number'] },
        { field: 'serviceDate', problems: ['serviceDate must be a date written YYYY-MM-DD'] },
        {
          field: 'name',
          problems: ['name must be text on one line', 'name must be 1 to 100 characters'],
        },
        { field: 'phone', problems: ['phone should not be empty'] },
      ],
    });
    expect(describeError(err)).toBe(
      '请改正：数量要填整数；服务日期日期或时间格式不对；姓名/名称只能写一行（不能换行）；电话必须填写。',
    );
    const tooLong = refusal(400, 'VALIDATION_FAILED', {
      fields: [
        { field: 'reason', problems: ['reason must be shorter than or equal to 500 characters'] },
        { field: 'price', problems: ['price must be a decimal with at most two decimal places'] },
        { field: 'stock', problems: ['stock must not be greater than 100000'] },
        { field: 'extra', problems: ['property extra should not exist'] },
      ],
    });
    expect(describeError(tooLong)).toBe(
      '请改正：原因太长了（最多 500 个字）；积分价格要填数字，最多两位小数；库存太大了（最多 100000）；extra不能填写这一项。',
    );
  });

  it('should read a single-field refusal from its message', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'year must be between 2000 and 2100', {
      field: 'year',
    });
    expect(describeError(err)).toBe('请改正：year超出范围（要在 2000 到 2100 之间）。');
    const unknown = new ApiError(400, 'VALIDATION_FAILED', 'no team with id 9', {
      field: 'teamIds',
    });
    expect(describeError(unknown)).toBe('请改正：服务队填写不正确。');
  });

  it('should say what is wrong with a join date or a range of months', () => {
    const say = (details: Record<string, unknown>) =>
      describeError(refusal(400, 'VALIDATION_FAILED', details));
    expect(say({ field: 'joinedOn', reason: 'JOINED_IN_FUTURE', latest: '2026-06-15' })).toBe(
      '加入日期不能晚于今天（2026-06-15）。',
    );
    expect(say({ field: 'joinedOn', reason: 'JOINED_TOO_EARLY', earliest: '2000-01-01' })).toBe(
      '加入日期不能早于 2000-01-01。',
    );
    expect(
      say({ field: 'joinedOn', reason: 'JOINED_AFTER_LEFT', deactivatedOn: '2026-04-02' }),
    ).toBe('加入日期不能晚于停用日期（2026-04-02）。');
    expect(say({ field: 'to', reason: 'RANGE_REVERSED' })).toBe('结束月份不能早于开始月份。');
    expect(say({ field: 'to', reason: 'RANGE_TOO_LONG', max: 120 })).toBe(
      '一次最多统计 120 个月，请缩短范围。',
    );
    expect(say({ field: 'from', reason: 'INVALID_MONTH' })).toBe('月份请写成 2026-06 这样的格式。');
  });

  it('should never show the service message as is', () => {
    const codes = [
      'ALREADY_REVERSED',
      'COUPON_ALREADY_USED',
      'PERIOD_CLOSED',
      'CONFLICT',
      'IDEMPOTENCY_KEY_REUSED',
      'HOUSEHOLD_NOT_ELIGIBLE',
      'UNKNOWN_ITEM',
      'SERVICE_DATE_OUT_OF_RANGE',
      'RATE_LIMITED',
      'FORBIDDEN',
      'SOMETHING_NEW',
    ];
    for (const code of codes) {
      expect(describeError(refusal(409, code))).not.toContain('english message');
    }
  });
});

describe('describeError by details.reason', () => {
  const reasons = (Object.keys(REASONS) as ReasonedCode[]).flatMap((code) =>
    Object.keys(REASONS[code]).map((reason) => [code, reason] as const),
  );
  const sentence = (code: ReasonedCode, reason: string, details: Record<string, unknown> = {}) =>
    describeError(refusal(HTTP_STATUS_OF[code], code, { reason, ...details }));

  beforeAll(() => {
    // setLang marks the page's language; a bare element stands in for the page here.
    (globalThis as { document?: unknown }).document = { documentElement: {} };
  });
  afterAll(() => {
    setLang('zh');
    delete (globalThis as { document?: unknown }).document;
  });

  it('should have a sentence of its own for every reason the API names', () => {
    const missing = reasons.filter(([code, reason]) => !REASON_SENTENCES[code]?.[reason]);
    expect(missing).toEqual([]);
    const unknown = Object.entries(REASON_SENTENCES).flatMap(([code, byReason]) =>
      Object.keys(byReason).filter((r) => !(r in (REASONS[code as ReasonedCode] ?? {}))),
    );
    expect(unknown).toEqual([]);
  });

  it.each(['zh', 'en'] as const)('should say each reason in its own words (%s)', (lang) => {
    setLang(lang);
    const said = reasons.map(([code, reason]) => sentence(code, reason));
    for (const text of said) {
      expect(text).not.toContain('english message');
      expect(text.length).toBeGreaterThan(5);
    }
    // Within a code, each reason reads differently from the others.
    const byCode = new Map<ReasonedCode, Set<string>>();
    reasons.forEach(([code], i) => byCode.set(code, (byCode.get(code) ?? new Set()).add(said[i])));
    for (const [code, texts] of byCode) {
      expect({ code, distinct: texts.size }).toEqual({
        code,
        distinct: Object.keys(REASONS[code]).length,
      });
    }
  });

  it('should pick the sentence by the reason, not by which details are present', () => {
    setLang('zh');
    // The same details under two reasons: the reason alone decides.
    const details = { year: 2026, publishedAt: '2027-01-08T02:00:00.000Z' };
    expect(sentence(ErrorCode.CONFLICT, 'RATING_ALREADY_PUBLISHED', details)).toBe(
      '2026年的评星已经公示过了。',
    );
    expect(sentence(ErrorCode.PERIOD_CLOSED, 'RATING_PUBLISHED', details)).toBe(
      '2026年的评星已经公示，不能再重新计算。',
    );
    expect(sentence(ErrorCode.CONFLICT, 'YEAR_NOT_OVER', { year: 2026 })).toBe(
      '2026年还没有结束，要到 2027 年1月1日以后才能公示评星。',
    );
    expect(sentence(ErrorCode.CONFLICT, 'DUPLICATE_NAME', { field: 'username' })).toBe(
      '用户名已经存在或正在使用，请换一个。',
    );
    expect(sentence(ErrorCode.CONFLICT, 'PASSBOOK_CLOSED', { passbookNo: 'V7K2MQ9X' })).toBe(
      '存折 V7K2MQ9X 已停用，不能办理。',
    );
    expect(
      sentence(ErrorCode.REDEMPTION_WINDOW_CLOSED, 'CANCEL_WINDOW_PASSED', {
        redemptionId: 4,
      }),
    ).toBe('这次兑换所在的兑换期已经结束，柜台不能再取消，请找管理员处理。');
    expect(
      sentence(ErrorCode.SERVICE_DATE_OUT_OF_RANGE, 'DATE_TOO_OLD', {
        earliest: '2026-03-17',
        latest: '2026-06-15',
      }),
    ).toBe('服务日期太久以前了，最早只能补记到 2026-03-17。');
    // The event refusals name the member and the item from the page's context.
    const ctx = {
      memberName: (id: unknown) => (id === 7 ? '王秀英' : id === 8 ? '李建国' : undefined),
      standardItemName: (code: unknown) => (code === 'leifeng_fair' ? '雷锋号便民大集' : undefined),
    };
    expect(
      describeError(
        refusal(409, 'CONFLICT', {
          reason: 'LIKELY_DUPLICATE',
          duplicates: [{ memberId: 7, recordId: 3, eventId: null, itemCode: 'leifeng_fair' }],
        }),
        ctx,
      ),
    ).toBe(
      '王秀英当天已经有一条「雷锋号便民大集」的服务记录，可能重复登记了。如果确实是第二次服务，请确认后再提交。',
    );
    expect(
      describeError(
        refusal(409, 'CONFLICT', { reason: 'ATTENDANCE_OPEN', memberIds: [7, 8] }),
        ctx,
      ),
    ).toBe('王秀英、李建国签到了还没有签退。请先为他们签退或补录时间，再结算活动。');
    expect(sentence(ErrorCode.CONFLICT, 'EVENT_NOT_PLANNED', { status: 'cancelled' })).toBe(
      '这个活动已经取消，不能再报名、签到或修改。',
    );
    expect(sentence(ErrorCode.CONFLICT, 'EVENT_NOT_PLANNED', { status: 'closed' })).toBe(
      '这个活动已经结束结算，不能再报名、签到或修改。',
    );
    // A CONFLICT without a reason (an answer stored before reasons) gets the general sentence.
    expect(describeError(refusal(409, 'CONFLICT', { passbookNo: 'V7K2MQ9X' }))).toBe(
      '和现有记录冲突，请刷新后再看。',
    );
  });
});
