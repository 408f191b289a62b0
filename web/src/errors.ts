/**
 * Every refusal of the API, turned into one sentence a clerk, a leader or an elderly volunteer can
 * act on. The API's `code` (and its `details`: which item is out, how many points are short) decides
 * the sentence; the API's English `message` is never shown as is.
 */
import { ApiError } from './api';
import { L } from './i18n';
import { formatDateTime } from './format';
import { validationSentence } from './validation-sentences';

/** What the page knows that helps name things the details only give by id. */
export interface ErrorContext {
  /** What was being done, e.g. looking up a passbook or using a coupon; picks the 404 sentence. */
  subject?:
    | 'passbook'
    | 'coupon'
    | 'member'
    | 'household'
    | 'transaction'
    | 'team'
    | 'item'
    | 'rating'
    | 'report'
    | 'window'
    | 'redemption';
  /** The passbook number the user typed, named in a "not found". */
  passbookNo?: string;
  /** Which login form (wrong credentials read differently). */
  login?: 'staff' | 'passbook';
  itemName?: (catalogItemId: unknown) => string | undefined;
  memberName?: (memberId: unknown) => string | undefined;
  standardItemName?: (itemCode: unknown) => string | undefined;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

/** "2.50" -> "2.5", "3.00" -> "3": quantities read better without trailing zeros. */
const trim = (v: string | undefined): string =>
  v === undefined ? '?' : v.includes('.') ? v.replace(/\.?0+$/, '') : v;

const FIELD_NAMES: Record<string, [string, string]> = {
  name: ['姓名/名称', 'name'],
  username: ['用户名', 'username'],
  password: ['密码', 'password'],
  pin: ['密码（PIN）', 'PIN'],
  passbookNo: ['存折号', 'passbook number'],
  phone: ['电话', 'phone'],
  kind: ['类别', 'kind'],
  role: ['角色', 'role'],
  price: ['积分价格', 'price'],
  stock: ['库存', 'stock'],
  quantity: ['数量', 'quantity'],
  points: ['积分', 'points'],
  amount: ['积分', 'amount'],
  reason: ['原因', 'reason'],
  serviceDate: ['服务日期', 'service date'],
  itemCode: ['服务项目', 'service item'],
  title: ['活动名称', 'activity title'],
  participants: ['参加人员', 'participants'],
  teamId: ['服务队', 'team'],
  householdId: ['受助家庭', 'household'],
  hardship: ['困难类别', 'hardship'],
  opensAt: ['开始时间', 'opening time'],
  closesAt: ['结束时间', 'closing time'],
  lines: ['兑换物品', 'items'],
  leaderUserIds: ['队长', 'leaders'],
  teamIds: ['服务队', 'teams'],
  memberId: ['志愿者', 'volunteer'],
  code: ['券码', 'coupon code'],
  newPin: ['新密码（6位数字）', 'new PIN (6 digits)'],
  newPassword: ['新密码（至少8位）', 'new password (8+ characters)'],
};

function fieldLabel(field: string): string {
  // "participants.0.quantity" -> the last meaningful part.
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  const key = parts[parts.length - 1] ?? field;
  const pair = FIELD_NAMES[key];
  return pair ? L(pair[0], pair[1]) : key;
}

function fieldsOf(details: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof details.field === 'string') {
    out.push(details.field);
  }
  if (Array.isArray(details.fields)) {
    for (const f of details.fields as { field?: unknown }[]) {
      if (typeof f?.field === 'string') {
        out.push(f.field);
      }
    }
  }
  return [...new Set(out.map(fieldLabel))];
}

function notFound(ctx: ErrorContext, d: Record<string, unknown>): string {
  switch (ctx.subject) {
    case 'passbook': {
      const no = str(d.passbookNo) ?? ctx.passbookNo ?? '';
      return L(
        `没有找到存折${no}。请核对存折号（8位，V或H开头），或重新扫码。`,
        `No passbook ${no} found. Check the 8-character number (starting V or H) or scan again.`,
      );
    }
    case 'coupon':
      return L('没有这张服务券，请核对券码。', 'No such coupon: check the code.');
    case 'member':
      return L('没有找到这位志愿者。', 'Volunteer not found.');
    case 'household':
      return L('没有找到这个家庭。', 'Household not found.');
    case 'transaction':
      return L('没有找到这笔记录。', 'Entry not found.');
    case 'team':
      return L('没有找到这个服务队。', 'Team not found.');
    case 'item':
      return L('没有找到这个物品。', 'Item not found.');
    case 'rating':
      return L('这一年还没有评星结果。', 'There is no star rating for that year yet.');
    case 'report':
      return L('没有这个季度的报表。', 'No report for that quarter.');
    case 'window':
      return L('没有找到这个兑换期。', 'Redemption window not found.');
    case 'redemption':
      return L('没有找到这次兑换。', 'Redemption not found.');
    case undefined:
      return L('没有找到要找的内容。', 'Not found.');
  }
}

/** The sentence for an error thrown by the API module (or anything else). */
export function describeError(err: unknown, ctx: ErrorContext = {}): string {
  if (!(err instanceof ApiError)) {
    return L(
      '页面出了问题，请刷新后重试。',
      'Something went wrong on this page; reload and try again.',
    );
  }
  const d = err.details;
  switch (err.code) {
    case 'NETWORK':
      return L(
        '连不上服务器，请检查网络后再按一次（同一笔操作不会重复记账）。',
        'The service cannot be reached. Check the network and press again (nothing is posted twice).',
      );
    case 'VALIDATION_FAILED': {
      const raw = [
        str(d.field),
        ...(Array.isArray(d.fields)
          ? (d.fields as { field?: unknown }[]).map((f) => str(f?.field))
          : []),
      ];
      if (raw.includes('currentPin') || raw.includes('currentPassword')) {
        return L('原密码不对，请再输入一次。', 'The current password is wrong; enter it again.');
      }
      return (
        validationSentence(d, err.message, fieldLabel) ??
        L('填写的内容不正确，请检查后再试。', 'Some input is not valid; check it and try again.')
      );
    }
    case 'IDEMPOTENCY_KEY_REQUIRED':
      return L('页面版本过旧，请刷新后重试。', 'This page is out of date; reload and try again.');
    case 'IDEMPOTENCY_KEY_REUSED':
      return L(
        '上一次提交可能已经成功了。请先刷新查看存折记录，确认没有记上再重新操作。',
        'The previous attempt may already have gone through. Reload and check the statement before trying again.',
      );
    case 'UNAUTHENTICATED':
      if (ctx.login === 'passbook') {
        return L('存折号或密码不对，请再试一次。', 'Passbook number or PIN is wrong; try again.');
      }
      if (ctx.login === 'staff') {
        return L('用户名或密码不对，请再试一次。', 'Username or password is wrong; try again.');
      }
      return L('登录已过期，请重新登录。', 'Your session has ended; please log in again.');
    case 'ACCOUNT_LOCKED': {
      const until = str(d.lockedUntil) ?? str(d.until);
      const seconds = Number(str(d.retryAfterSeconds) ?? NaN);
      const when = until
        ? L(`请在 ${formatDateTime(until)} 以后再试`, `try again after ${formatDateTime(until)}`)
        : Number.isFinite(seconds)
          ? L(
              `请 ${Math.ceil(seconds / 60)} 分钟后再试`,
              `try again in ${Math.ceil(seconds / 60)} minutes`,
            )
          : L('请稍后再试', 'try again later');
      return L(
        `密码错误次数太多，已暂时锁定，${when}。忘记密码请找社区工作人员。`,
        `Too many wrong attempts: locked for a while, ${when}. Ask community staff if you forgot it.`,
      );
    }
    case 'RATE_LIMITED':
      return L('操作太频繁了，请等一会儿再试。', 'Too many requests; wait a moment and try again.');
    case 'FORBIDDEN':
      return L('您的账号没有这项权限。', 'Your account may not do this.');
    case 'NOT_FOUND':
      return notFound(ctx, d);
    case 'REDEMPTION_WINDOW_CLOSED': {
      if (d.redemptionId !== undefined && d.action === 'return') {
        return L(
          '这次兑换所在的兑换期已经结束，柜台不能再办理退货，请找管理员处理。',
          'The window of this redemption has closed; only an administrator can take a return now.',
        );
      }
      if (d.redemptionId !== undefined) {
        return L(
          '这次兑换所在的兑换期已经结束，柜台不能再取消，请找管理员处理。',
          'The window of this redemption has closed; only an administrator can cancel it now.',
        );
      }
      const next =
        str(d.nextOpensAt) ??
        str((d.next as { opensAt?: unknown } | undefined)?.opensAt) ??
        str(d.opensAt);
      return next
        ? L(
            `现在不是兑换期，不能兑换。下次兑换期 ${formatDateTime(next)} 开始。`,
            `The shop is not open for redemption now. The next window opens ${formatDateTime(next)}.`,
          )
        : L('现在不是兑换期，不能兑换。', 'The shop is not open for redemption now.');
    }
    case 'INSUFFICIENT_POINTS': {
      const shortBy = str(d.shortBy);
      const balance = str(d.balance);
      const required = str(d.required);
      if (shortBy && balance && required) {
        return L(
          `积分不够：存折里有 ${balance} 分，这次需要 ${required} 分，还差 ${shortBy} 分。请减少物品或数量。`,
          `Not enough points: the passbook has ${balance}, this needs ${required}, ${shortBy} short. Remove some items.`,
        );
      }
      return L('存折积分不够。', 'Not enough points in the passbook.');
    }
    case 'OUT_OF_STOCK': {
      const name =
        str(d.name) ??
        str(d.itemName) ??
        ctx.itemName?.(d.catalogItemId ?? d.id ?? d.itemId) ??
        L('这个物品', 'This item');
      const available = str(d.available);
      const requested = str(d.requested);
      if (available !== undefined) {
        return L(
          `「${name}」库存不够：${requested ? `要 ${requested} 件，` : ''}只剩 ${available} 件。请减少数量或换别的物品。`,
          `"${name}" is short: ${requested ? `${requested} wanted, ` : ''}only ${available} left. Lower the quantity or choose another item.`,
        );
      }
      return L(
        `「${name}」没有库存了，请换别的物品。`,
        `"${name}" is out of stock; choose another item.`,
      );
    }
    case 'ALREADY_REVERSED':
      if (d.redemptionId !== undefined && d.cancelledAt !== undefined) {
        return L(
          `这次兑换已经在 ${formatDateTime(str(d.cancelledAt) ?? '')} 取消了，积分和物品都已退回，不能再退货或取消。`,
          `This redemption was cancelled at ${formatDateTime(str(d.cancelledAt) ?? '')}; everything is already back.`,
        );
      }
      return L('这笔记录已经冲正过了，不能再冲正。', 'This entry has already been reversed.');
    case 'COUPON_ALREADY_USED': {
      if (d.returnable !== undefined) {
        const name =
          str(d.name) ?? ctx.itemName?.(d.catalogItemId) ?? L('这项服务券', 'this coupon');
        const used = Array.isArray(d.coupons) ? d.coupons.length : 0;
        const returnable = str(d.returnable) ?? '0';
        return returnable === '0'
          ? L(
              `「${name}」的服务券都已经用过了，用过的券不能退。`,
              `Every coupon of "${name}" has been used; used coupons cannot be returned.`,
            )
          : L(
              `「${name}」有 ${used} 张服务券已经用过，用过的券不能退；这一项最多还能退 ${returnable} 件。`,
              `${used} coupon(s) of "${name}" have been used and cannot be returned; at most ${returnable} can be.`,
            );
      }
      const usedAt = str(d.usedAt);
      return usedAt
        ? L(
            `这张券已经在 ${formatDateTime(usedAt)} 用过了，不能再用。`,
            `This coupon was already used at ${formatDateTime(usedAt)}.`,
          )
        : L(
            '这张券已经用过了，不能再用（也不能取消这次兑换）。',
            'This coupon has already been used (so the redemption cannot be cancelled).',
          );
    }
    case 'PERIOD_CLOSED': {
      const year = str(d.year);
      return L(
        `${year ? `${year}年` : '这一年'}的评星已经公示，这一年已结账，不能再记录或修改。`,
        `The star rating ${year ? `of ${year} ` : ''}is published; that year is closed.`,
      );
    }
    case 'CONFLICT': {
      if (d.reason === 'RETURN_EXCEEDS_REMAINING') {
        const name = str(d.name) ?? ctx.itemName?.(d.catalogItemId) ?? L('这个物品', 'this item');
        const remaining = str(d.remaining) ?? '0';
        return remaining === '0'
          ? L(`「${name}」已经全部退过了，不能再退。`, `"${name}" has all been returned already.`)
          : L(
              `「${name}」最多还能退 ${remaining} 件（这次要退 ${str(d.requested) ?? '?'} 件），请改小数量。`,
              `At most ${remaining} of "${name}" can still be returned (${str(d.requested) ?? '?'} asked); lower the quantity.`,
            );
      }
      if (d.reason === 'PARTLY_RETURNED') {
        return L(
          '这次兑换已经退过一部分，不能再整笔取消；请把剩下的物品办理退货。',
          'Part of this redemption has been returned; return the remaining items instead of cancelling.',
        );
      }
      if (d.reason === 'SHOP_RETURN') {
        return L(
          '这是一笔公益坊退货记录，物品已经回到库存，不能冲正。',
          'This is a shop return; its items are back in stock and it cannot be reversed.',
        );
      }
      if (d.changedMembers !== undefined) {
        return L(
          `草稿计算之后又有 ${str(d.changedMembers) ?? ''} 人的积分变了。请先「重新计算草稿」，核对后再公示。`,
          `Points of ${str(d.changedMembers) ?? ''} member(s) changed since the draft; recompute and check it before publishing.`,
        );
      }
      if (d.year !== undefined && d.publishedAt !== undefined) {
        return L(
          `${str(d.year) ?? ''}年的评星已经公示过了。`,
          `The ${str(d.year) ?? ''} rating is already published.`,
        );
      }
      if (d.year !== undefined && Object.keys(d).length === 1) {
        const year = Number(str(d.year));
        return L(
          `${year}年还没有结束，要到 ${year + 1} 年1月1日以后才能公示评星。`,
          `${year} is not over yet; its rating can be published from 1 January ${year + 1}.`,
        );
      }
      if (d.passbookNo !== undefined && !d.field && !d.fields) {
        return L(
          `存折 ${str(d.passbookNo) ?? ''} 已停用，不能办理。`,
          `Passbook ${str(d.passbookNo) ?? ''} is closed.`,
        );
      }
      if (d.status === 'void') {
        return L(
          '这张券已作废（它的兑换已被取消），不能使用。',
          'This coupon is void: its redemption was cancelled.',
        );
      }
      const fields = fieldsOf(d);
      return fields.length
        ? L(
            `${fields.join('、')}已经存在或正在使用，请换一个。`,
            `That ${fields.join(', ')} is already taken; choose another.`,
          )
        : L(
            '和现有记录冲突，请刷新后再看。',
            'This conflicts with existing data; reload and check.',
          );
    }
    case 'CAP_EXCEEDED': {
      const violations = Array.isArray(d.violations)
        ? (d.violations as {
            memberId?: unknown;
            limit?: unknown;
            itemCode?: unknown;
            max?: unknown;
            alreadyLogged?: unknown;
            remaining?: unknown;
          }[])
        : [];
      if (violations.length === 0) {
        return L('超过每日上限，请减少数量。', 'Over the daily limit; lower the quantity.');
      }
      const lines = violations.map((v) => {
        const who = ctx.memberName?.(v.memberId) ?? `#${str(v.memberId) ?? '?'}`;
        const max = trim(str(v.max));
        const logged = trim(str(v.alreadyLogged));
        const left = trim(str(v.remaining));
        if (v.limit === 'dailyHours') {
          return L(
            `${who} 每天服务最多 ${max} 小时，当天已记 ${logged} 小时，还能记 ${left} 小时`,
            `${who}: at most ${max} hours a day, ${logged} already logged, ${left} left`,
          );
        }
        const item = ctx.standardItemName?.(v.itemCode) ?? str(v.itemCode) ?? '';
        return L(
          `${who} 的「${item}」每天最多 ${max}，当天已记 ${logged}，还能记 ${left}`,
          `${who}: "${item}" at most ${max} a day, ${logged} already logged, ${left} left`,
        );
      });
      return L(
        `超过每日上限：${lines.join('；')}。请改小数量后再提交。`,
        `Over the daily limit: ${lines.join('; ')}. Lower the quantities and submit again.`,
      );
    }
    case 'SERVICE_DATE_OUT_OF_RANGE': {
      const earliest = str(d.earliest);
      const latest = str(d.latest);
      return earliest && latest
        ? L(
            `服务日期要在 ${earliest} 到 ${latest} 之间（不能是将来，也不能补记太久以前的）。`,
            `The service date must be between ${earliest} and ${latest}.`,
          )
        : L(
            '这一天没有可用的积分标准，或日期超出可补记的范围。',
            'No scoring standard applies on that date, or it is out of range.',
          );
    }
    case 'HOUSEHOLD_NOT_ELIGIBLE':
      return L(
        '这个家庭目前不能接受捐赠（未核实或已停用），请选择别的家庭。',
        'This household cannot receive gifts now (not verified or inactive).',
      );
    case 'UNKNOWN_ITEM':
      return L(
        '积分标准里没有这个服务项目，请重新选择。',
        'That item is not in the scoring standard; choose again.',
      );
    case 'PAYLOAD_TOO_LARGE':
      return L('一次提交的内容太多，请分几次提交。', 'Too much at once; submit in parts.');
    case 'SERVICE_UNAVAILABLE':
      return L(
        '服务器暂时不能用，请稍后再试。',
        'The service is unavailable for a moment; try again shortly.',
      );
    default:
      if (err.status >= 500) {
        return L(
          '服务器出错了，这次操作没有完成。请再按一次（不会重复记账）。',
          'The service failed; nothing was done. Press again (nothing is posted twice).',
        );
      }
      return L('操作没有成功，请检查后再试。', 'That did not work; check and try again.');
  }
}
