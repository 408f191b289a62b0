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
    | 'redemption'
    | 'certificate';
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
  joinedOn: ['加入日期', 'join date'],
  number: ['证件号码', 'ID number'],
  personInCharge: ['负责人', 'person in charge'],
  contactPhone: ['联系电话', 'contact phone'],
  contactAddress: ['地址', 'address'],
  handler: ['经办人', 'handled by'],
  purpose: ['用途', 'purpose'],
  from: ['起始', 'start'],
  to: ['截止', 'end'],
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
    case 'certificate':
      return L(
        '没有这个编号的证明。请核对编号，或重新扫描证明上的二维码。',
        'No certificate has this number: check it, or scan the QR code on the certificate again.',
      );
    case undefined:
      return L('没有找到要找的内容。', 'Not found.');
  }
}

type Details = Record<string, unknown>;
type Sentence = (d: Details, ctx: ErrorContext) => string;

const yearOf = (d: Details): string | undefined => str(d.year);

function nextWindowSentence(d: Details): string {
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

function takenSentence(d: Details, fallback: [string, string]): string {
  const fields = fieldsOf(d);
  const zh = fields.length ? fields.join('、') : fallback[0];
  const en = fields.length ? fields.join(', ') : fallback[1];
  return L(`${zh}已经存在或正在使用，请换一个。`, `That ${en} is already taken; choose another.`);
}

/**
 * The sentence of each case the API names in `details.reason` (its README lists them), by code and
 * reason: the page picks the sentence from the reason and reads only names and numbers from the
 * other details. A code without a reason (an older answer) falls back to the code's own sentence.
 */
export const REASON_SENTENCES: Record<string, Record<string, Sentence>> = {
  CONFLICT: {
    DUPLICATE_NAME: (d) => takenSentence(d, ['名称', 'name']),
    PASSBOOK_NO_TAKEN: (d) => takenSentence(d, ['存折号', 'passbook number']),
    PHOTO_LIMIT_REACHED: (d) =>
      L(
        `这个活动已经存了 ${typeof d.limit === 'number' ? d.limit : ''} 张照片，最多这么多：请先删掉一张再上传。`,
        `This event already keeps ${typeof d.limit === 'number' ? d.limit : 'its most'} photos: delete one before adding another.`,
      ),
    RECORDS_PENDING: () =>
      L(
        '这位志愿者还有待审核的服务记录：请先通过或驳回，再办理转出。',
        'Some of this volunteer’s service records still wait for approval: approve or reject them before the move.',
      ),
    BALANCE_NOT_ZERO: (d) => {
      const balance = typeof d.balance === 'string' ? `${d.balance} ` : '';
      return L(
        `存折里还有 ${balance}积分。积分留在发放它的社区：请先兑换或捐赠，余额为 0.00 后再转出。`,
        `The passbook still holds ${balance}points. Points stay in the community that issued them: redeem or donate them first, then move at 0.00.`,
      );
    },
    LIKELY_DUPLICATE: (d, ctx) => {
      const first = Array.isArray(d.duplicates)
        ? (d.duplicates as { memberId?: unknown; itemCode?: unknown }[])[0]
        : undefined;
      const who = ctx.memberName?.(first?.memberId) ?? L('这位志愿者', 'This volunteer');
      const item = ctx.standardItemName?.(first?.itemCode) ?? str(first?.itemCode) ?? '';
      return L(
        `${who}当天已经有一条「${item}」的服务记录，可能重复登记了。如果确实是第二次服务，请确认后再提交。`,
        `${who} already has a record of "${item}" that day: likely logged twice. If it really was a second service, confirm it is not a duplicate and submit again.`,
      );
    },
    OVERLAPPING_SERVICE: () =>
      L(
        '这位志愿者在这段时间里已经有另一条服务记录（见提示中的活动），同一时间不能在两处服务。请核对签到、签退时间。',
        'This volunteer already served at another event at this time: nobody serves in two places at once. Check the check-in and check-out times.',
      ),
    EVENT_NOT_PLANNED: (d) =>
      L(
        d.status === 'cancelled'
          ? '这个活动已经取消，不能再报名、签到或修改。'
          : '这个活动已经结束结算，不能再报名、签到或修改。',
        d.status === 'cancelled'
          ? 'This event was cancelled: sign-up, attendance and records no longer change.'
          : 'This event is closed: sign-up, attendance and records no longer change.',
      ),
    NOT_EVENT_DAY: () =>
      L(
        '签到和签退只能在活动当天进行。忘记签退的，请在活动名单里“补录”时间并写明原因。',
        "Check-in and check-out happen on the event's own day. For a forgotten check-out, set the time by hand (补录) with a reason.",
      ),
    NOT_CHECKED_IN: () =>
      L(
        '这位志愿者还没有签到，不能签退。请先签到。',
        'This volunteer has not checked in, so cannot check out: check in first.',
      ),
    ATTENDANCE_OPEN: (d, ctx) => {
      const ids = Array.isArray(d.memberIds) ? (d.memberIds as unknown[]) : [];
      const who = ids.map((id) => ctx.memberName?.(id) ?? `#${str(id) ?? '?'}`).join('、');
      return L(
        `${who || '有的志愿者'}签到了还没有签退。请先为他们签退或补录时间，再结算活动。`,
        `${who || 'Some volunteers'}: checked in but not out. Check them out or correct their times before closing the event.`,
      );
    },
    EVENT_EMPTY: () =>
      L(
        '这个活动没有人签到或登记参加，不能结算。如果活动没有举行，请取消它。',
        'Nobody attended this event, so there is nothing to close; cancel it if it did not take place.',
      ),
    ALREADY_EXISTS: () =>
      L(
        '刚才有人同时提交了相同的内容，请刷新后再看。',
        'The same thing was just created by someone else; reload and check.',
      ),
    SELF_DEACTIVATION: () =>
      L('不能停用自己正在使用的账号。', 'You cannot deactivate your own account.'),
    LAST_ADMIN: () =>
      L(
        '这是最后一个管理员账号，不能停用或改成别的角色。请先把另一位用户设为管理员。',
        'This is the last active admin: make another user admin first.',
      ),
    MEMBER_INACTIVE: () =>
      L(
        '这位志愿者已停用，不能再记录服务或加入服务队。',
        'This volunteer has been deactivated: no more service or teams.',
      ),
    PASSBOOK_CLOSED: (d) =>
      L(
        `存折 ${str(d.passbookNo) ?? ''} 已停用，不能办理。`,
        `Passbook ${str(d.passbookNo) ?? ''} is closed.`,
      ),
    EVENT_FULL: (d) => {
      const capacity = typeof d.capacity === 'number' ? `${d.capacity} ` : '';
      return L(
        `这次活动的 ${capacity}个名额已经报满。有人取消报名后会空出名额。`,
        `All ${capacity}places of this event are taken. A place frees when someone withdraws.`,
      );
    },
    SIGNUP_CLOSED: () =>
      L(
        '这次活动的报名已经截止，不能再报名或取消报名。',
        'Sign-up for this event has closed: you can no longer sign up or withdraw.',
      ),
    RECORD_REJECTED: () =>
      L(
        '这条服务记录已被驳回，不能再通过。如确有服务，请重新登记。',
        'This record was rejected and cannot be approved; log the service again if it was done.',
      ),
    RECORD_ALREADY_POSTED: () =>
      L(
        '这条服务记录已经记入积分，不能驳回；记错了请用冲正更正。',
        'This record is already credited; correct it with a reversal instead.',
      ),
    RECORD_NOT_POSTED: () =>
      L(
        '这条服务记录还没有记入积分（待审核或已驳回），没有可冲正的。',
        'This record was never credited (pending or rejected): there is nothing to reverse.',
      ),
    REVERSAL_NOT_REVERSIBLE: () =>
      L(
        '冲正记录本身不能再冲正；如需更正请另记一笔调整。',
        'A reversal cannot be reversed; post an adjustment instead.',
      ),
    RETURN_EXCEEDS_REMAINING: (d, ctx) => {
      const name = str(d.name) ?? ctx.itemName?.(d.catalogItemId) ?? L('这个物品', 'this item');
      const remaining = str(d.remaining) ?? '0';
      return remaining === '0'
        ? L(`「${name}」已经全部退过了，不能再退。`, `"${name}" has all been returned already.`)
        : L(
            `「${name}」最多还能退 ${remaining} 件（这次要退 ${str(d.requested) ?? '?'} 件），请改小数量。`,
            `At most ${remaining} of "${name}" can still be returned (${str(d.requested) ?? '?'} asked); lower the quantity.`,
          );
    },
    PARTLY_RETURNED: () =>
      L(
        '这次兑换已经退过一部分，不能再整笔取消；请把剩下的物品办理退货。',
        'Part of this redemption has been returned; return the remaining items instead of cancelling.',
      ),
    SHOP_RETURN: () =>
      L(
        '这是一笔公益坊退货记录，物品已经回到库存，不能冲正。',
        'This is a shop return; its items are back in stock and it cannot be reversed.',
      ),
    REDEMPTION_NEEDS_CANCEL: () =>
      L(
        '这是一笔兑换，请用「取消兑换」退回：积分和库存都会回来，服务券作废。',
        'This is a redemption: cancel it instead, so the stock comes back and its coupons are void.',
      ),
    WINDOW_ALREADY_CLOSED: () =>
      L('这个兑换期已经结束了。', 'This redemption window has already closed.'),
    COUPON_VOID: () =>
      L(
        '这张券已作废（它的兑换已被取消），不能使用。',
        'This coupon is void: its redemption was cancelled.',
      ),
    COUPON_RETURNED: (d) =>
      L(
        `这张券${str(d.code) ? ` ${str(d.code)} ` : ''}已经退回（退货时作废），不能再用或再退。`,
        `This coupon${str(d.code) ? ` ${str(d.code)}` : ''} was given back in a return: it cannot be used or returned again.`,
      ),
    ITEM_INACTIVE: (d, ctx) => {
      const names = (
        Array.isArray(d.items) ? (d.items as { name?: unknown; catalogItemId?: unknown }[]) : []
      )
        .map((i) => str(i.name) ?? ctx.itemName?.(i.catalogItemId))
        .filter((n): n is string => n !== undefined);
      const zh = names.length ? names.map((n) => `「${n}」`).join('、') : '有的物品';
      const en = names.length ? names.map((n) => `"${n}"`).join(', ') : 'An item';
      return L(`${zh}已下架，请换别的物品。`, `${en} is no longer offered; choose another.`);
    },
    RATING_ALREADY_PUBLISHED: (d) =>
      L(
        `${yearOf(d) ?? ''}年的评星已经公示过了。`,
        `The ${yearOf(d) ?? ''} rating is already published.`,
      ),
    YEAR_NOT_OVER: (d) => {
      const year = Number(yearOf(d));
      return L(
        `${year}年还没有结束，要到 ${year + 1} 年1月1日以后才能公示评星。`,
        `${year} is not over yet; its rating can be published from 1 January ${year + 1}.`,
      );
    },
    DRAFT_OUTDATED: (d) =>
      L(
        `草稿计算之后又有 ${str(d.changedMembers) ?? ''} 人的积分变了。请先「重新计算草稿」，核对后再公示。`,
        `Points of ${str(d.changedMembers) ?? ''} member(s) changed since the draft; recompute and check it before publishing.`,
      ),
    NOTICE_NOT_OPEN: (d) => {
      const endsAt = str(d.endsAt);
      return endsAt
        ? L(
            `${yearOf(d) ?? ''}年评星的公示期已于 ${formatDateTime(endsAt)} 结束，不能再提出异议。`,
            `The notice period of the ${yearOf(d) ?? ''} rating ended at ${formatDateTime(endsAt)}; objections are no longer taken.`,
          )
        : L(
            `${yearOf(d) ?? ''}年的评星还没有公示，公示期内才能提出异议。`,
            `The ${yearOf(d) ?? ''} rating is not on notice yet; objections are taken during the notice period.`,
          );
    },
    NOTICE_NOT_OVER: (d) =>
      L(
        `公示期到 ${formatDateTime(str(d.endsAt) ?? '')} 才结束，结束后才能确认公布。`,
        `The notice period runs until ${formatDateTime(str(d.endsAt) ?? '')}; finalize after it ends.`,
      ),
    OBJECTIONS_OPEN: (d) =>
      L(
        `还有 ${str(d.count) ?? ''} 条异议没有答复，请先逐条答复再确认公布。`,
        `${str(d.count) ?? ''} objection(s) still await an answer; resolve them before finalizing.`,
      ),
    RATING_NOT_PUBLISHED: (d) =>
      L(
        `${yearOf(d) ?? ''}年的评星还是草稿，请先公示，公示期满后再确认公布。`,
        `The ${yearOf(d) ?? ''} rating is a draft; publish it and let the notice period run first.`,
      ),
    RATING_ALREADY_FINAL: (d) =>
      L(
        `${yearOf(d) ?? ''}年的评星已经正式公布了。`,
        `The ${yearOf(d) ?? ''} rating is final already.`,
      ),
    OBJECTION_RESOLVED: () =>
      L('这条异议已经答复过了，请刷新后再看。', 'This objection was answered already; reload.'),
    NO_RECORDED_SERVICE: (d) =>
      L(
        `这位志愿者在 ${str(d.from) ?? ''} 至 ${str(d.to) ?? ''} 没有已核实的服务记录，无法开具证明。`,
        `This volunteer has no verified service from ${str(d.from) ?? ''} to ${str(d.to) ?? ''}; there is nothing to certify.`,
      ),
    CERTIFICATE_REVOKED: (d) =>
      str(d.revokedAt)
        ? L(
            `这份证明已于 ${formatDateTime(str(d.revokedAt)!)} 作废，不能再次作废。`,
            `This certificate was already revoked at ${formatDateTime(str(d.revokedAt)!)}.`,
          )
        : L('这份证明已经作废了。', 'This certificate was already revoked.'),
    MENU_ITEM_WITHDRAWN: () =>
      L(
        '这项服务已经从菜单上撤下，不能再点单或修改。',
        'This service was withdrawn from the menu; it can no longer be ordered or edited.',
      ),
    ORDER_NOT_PLACED: () =>
      L(
        '这张服务单已经有人处理过了（接单、婉拒或取消），请刷新后再看。',
        'This order was already taken, declined or cancelled; reload.',
      ),
    ORDER_NOT_ACCEPTED: () =>
      L(
        '这张服务单还没有被服务队接单，接单后才能确认完成。',
        'This order was not accepted by the team; accept it before confirming it done.',
      ),
    ORDER_CLOSED: () =>
      L(
        '这张服务单已经完成、被婉拒或已取消，不能再取消。',
        'This order is done, declined or cancelled already; it can no longer be cancelled.',
      ),
    ORDER_NOT_DONE: () =>
      L(
        '服务还没有完成，服务队确认完成后才能评价。',
        'The service is not done yet; rate it after the team confirms it done.',
      ),
    ORDER_ALREADY_RATED: () =>
      L(
        '这次服务已经评价过了，每张服务单只评价一次。',
        'This order was rated already; a rating is given once.',
      ),
    WISH_CLAIMED: (d) => {
      const claim = (d.claim ?? {}) as { name?: unknown };
      const who = str(claim.name) ?? '别人';
      return L(
        `这个心愿已经由${who}认领了。一个心愿一次只能由一方认领，对方放弃后才能再认领。`,
        `This wish is claimed by ${who} already; it is free again when they release it.`,
      );
    },
    WISH_NOT_OPEN: () =>
      L(
        '这个心愿已经实现了，不能再更改。',
        'This wish was fulfilled already and no longer changes.',
      ),
    WISH_NOT_CLAIMED: () =>
      L(
        '这个心愿还没有人认领：请先由志愿者或服务队认领。',
        'Nobody has claimed this wish yet: a volunteer or a team claims it first.',
      ),
  },
  FORBIDDEN: {
    ROLE_NOT_ALLOWED: () => L('您的账号没有这项权限。', 'Your account may not do this.'),
    NOT_WISH_CLAIMER: () =>
      L(
        '这个心愿是别人认领的：只有认领的人或管理员可以放弃认领。',
        'Someone else claimed this wish: only they or an admin may release it.',
      ),
    EVENT_PHOTO_KEPT: () =>
      L(
        '活动已经结束，照片作为服务记录的凭证保留：只有管理员可以删除。',
        'The event is over: its photos are kept as evidence of its records, and only an admin may delete one.',
      ),
    NOT_TEAM_LEADER: () =>
      L('您不是这个服务队的队长，不能为它办理。', 'You do not lead this team.'),
    NOT_IN_TEAM: (d, ctx) => {
      const ids = Array.isArray(d.memberIds) ? (d.memberIds as unknown[]) : [];
      const who = ids.map((id) => ctx.memberName?.(id) ?? `#${str(id) ?? '?'}`).join('、');
      return L(
        `${who || '有的志愿者'}不在这个服务队里，请在他们所在的服务队下登记。`,
        `${who || 'Some volunteers'}: not in this team; log the service under a team they serve in.`,
      );
    },
    NOT_TEAM_MEMBER: (d, ctx) => {
      const ids = Array.isArray(d.memberIds) ? (d.memberIds as unknown[]) : [];
      const who = ids.map((id) => ctx.memberName?.(id) ?? `#${str(id) ?? '?'}`).join('、');
      return L(
        `${who || '有的志愿者'}不是这个服务队的队员，只能派本队队员接单。`,
        `${who || 'Some volunteers'}: not a member of this team; send the team's own members.`,
      );
    },
    ADMIN_ONLY_ITEM: (d, ctx) => {
      const item = ctx.standardItemName?.(d.itemCode) ?? str(d.itemCode) ?? '';
      return L(`「${item}」只能由管理员记录。`, `"${item}" is awarded by an administrator only.`);
    },
    OWN_PASSBOOK_ONLY: () =>
      L('只能从自己的存折捐出积分。', 'You can give only from your own passbook.'),
    NOT_TAKING_PART: () =>
      L(
        '这位志愿者不在活动的服务队里，也没有报名，不能参加这次活动。',
        "This volunteer is in none of the event's teams and did not sign up, so cannot take part.",
      ),
    CHECKIN_CODE_INVALID: () =>
      L(
        '签到码不对或已过期（每分钟更换一次）。请重新扫描活动现场的签到码。',
        'The check-in code is wrong or has expired (it changes every minute): scan the code at the event again.',
      ),
  },
  REDEMPTION_WINDOW_CLOSED: {
    RETURN_WINDOW_PASSED: () =>
      L(
        '这次兑换所在的兑换期已经结束，柜台不能再办理退货，请找管理员处理。',
        'The window of this redemption has closed; only an administrator can take a return now.',
      ),
    WINDOW_NOT_OPEN: (d) => nextWindowSentence(d),
    CANCEL_WINDOW_PASSED: () =>
      L(
        '这次兑换所在的兑换期已经结束，柜台不能再取消，请找管理员处理。',
        'The window of this redemption has closed; only an administrator can cancel it now.',
      ),
  },
  COUPON_ALREADY_USED: {
    RETURN_COUPON_USED: (d, ctx) => {
      const name = str(d.name) ?? ctx.itemName?.(d.catalogItemId) ?? L('这项服务券', 'this coupon');
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
    },
    COUPON_USED: (d) => {
      const usedAt = str(d.usedAt);
      return usedAt
        ? L(
            `这张券已经在 ${formatDateTime(usedAt)} 用过了，不能再用。`,
            `This coupon was already used at ${formatDateTime(usedAt)}.`,
          )
        : L('这张券已经用过了，不能再用。', 'This coupon has already been used.');
    },
    REDEMPTION_COUPON_USED: () =>
      L(
        '这次兑换的服务券已经用过了，不能取消这次兑换。',
        'A coupon of this redemption has been used, so it cannot be cancelled.',
      ),
  },
  ALREADY_REVERSED: {
    TRANSACTION_REVERSED: () =>
      L('这笔记录已经冲正过了，不能再冲正。', 'This entry has already been reversed.'),
    REDEMPTION_CANCELLED: (d) =>
      L(
        `这次兑换已经在 ${formatDateTime(str(d.cancelledAt) ?? '')} 取消了，积分和物品都已退回，不能再退货或取消。`,
        `This redemption was cancelled at ${formatDateTime(str(d.cancelledAt) ?? '')}; everything is already back.`,
      ),
  },
  PERIOD_CLOSED: {
    YEAR_CLOSED: (d) => closedYearSentence(d),
    RATING_PUBLISHED: (d) => {
      const year = yearOf(d);
      return L(
        `${year ? `${year}年` : '这一年'}的评星已经公示，不能再重新计算。`,
        `The star rating ${year ? `of ${year} ` : ''}is published and can no longer be recomputed.`,
      );
    },
  },
  SERVICE_DATE_OUT_OF_RANGE: {
    DATE_IN_FUTURE: (d) =>
      L(
        `服务日期不能是将来的日子，最晚只能选 ${str(d.latest) ?? '今天'}。`,
        `The service date cannot be in the future; the latest is ${str(d.latest) ?? 'today'}.`,
      ),
    DATE_TOO_OLD: (d) =>
      L(
        `服务日期太久以前了，最早只能补记到 ${str(d.earliest) ?? ''}。`,
        `That service date is too long ago; the earliest that may be logged is ${str(d.earliest) ?? ''}.`,
      ),
    NO_STANDARD: () =>
      L(
        '这一天没有可用的积分标准，请换一个日期。',
        'No scoring standard applies on that date; choose another date.',
      ),
  },
  HOUSEHOLD_NOT_ELIGIBLE: {
    HOUSEHOLD_NOT_VERIFIED: () =>
      L(
        '这个家庭还没有核实，暂时不能接受捐赠或兑换，请找社区工作人员。',
        'This household is not verified yet: no gifts or redemptions until the community office verifies it.',
      ),
    HOUSEHOLD_INACTIVE: () =>
      L(
        '这个家庭已停用，不能接受捐赠，请选择别的家庭。',
        'This household is no longer active and cannot receive gifts; choose another.',
      ),
  },
  UNKNOWN_ITEM: {
    NOT_AN_EVENT_ITEM: () =>
      L(
        '这个服务项目不在本次活动的项目里，请从活动的项目中选择。',
        "That item is not one of this event's items; choose one of the event's items.",
      ),
    NOT_IN_STANDARD: () =>
      L(
        '积分标准里没有这个服务项目，请重新选择。',
        'That item is not in the scoring standard; choose again.',
      ),
    NOT_IN_CATALOG: () =>
      L(
        '没有这个兑换物品，请刷新物品列表后重新选择。',
        'No such item in the catalog; reload the list and choose again.',
      ),
  },
};

function closedYearSentence(d: Details): string {
  const year = yearOf(d);
  return L(
    `${year ? `${year}年` : '这一年'}的评星已经公示，这一年已结账，不能再记录或修改。`,
    `The star rating ${year ? `of ${year} ` : ''}is published; that year is closed.`,
  );
}

/** A join date out of range (members) or a bad month range (the growth report). */
function joinAndRangeSentence(reason: string | undefined, d: Record<string, unknown>) {
  const why: string = reason ?? '';
  switch (why) {
    case 'JOINED_IN_FUTURE':
      return L(
        `加入日期不能晚于今天（${str(d.latest) ?? ''}）。`,
        `The join date cannot be after today (${str(d.latest) ?? ''}).`,
      );
    case 'JOINED_TOO_EARLY':
      return L(
        `加入日期不能早于 ${str(d.earliest) ?? '2000-01-01'}。`,
        `The join date cannot be before ${str(d.earliest) ?? '2000-01-01'}.`,
      );
    case 'JOINED_AFTER_LEFT':
      return L(
        `加入日期不能晚于停用日期（${str(d.deactivatedOn) ?? ''}）。`,
        `The join date cannot be after the day the member was deactivated (${str(d.deactivatedOn) ?? ''}).`,
      );
    case 'INVALID_MONTH':
      return L('月份请写成 2026-06 这样的格式。', 'Write the month like 2026-06.');
    case 'RANGE_REVERSED':
      return L('结束月份不能早于开始月份。', 'The last month cannot be before the first.');
    case 'RANGE_TOO_LONG':
      return L(
        `一次最多统计 ${str(d.max) ?? '120'} 个月，请缩短范围。`,
        `At most ${str(d.max) ?? '120'} months at a time; shorten the range.`,
      );
    default:
      return null;
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
  const byReason = REASON_SENTENCES[err.code]?.[str(d.reason) ?? ''];
  if (byReason) {
    return byReason(d, ctx);
  }
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
      if (str(d.reason) === 'SAME_AS_CURRENT') {
        return L(
          '新密码不能和现在的密码一样，请换一个。',
          'The new password must differ from the current one; choose another.',
        );
      }
      const joinOrRange = joinAndRangeSentence(str(d.reason), d);
      if (joinOrRange) {
        return joinOrRange;
      }
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
    case 'REDEMPTION_WINDOW_CLOSED':
      return nextWindowSentence(d);
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
      return L('这笔记录已经冲正过了，不能再冲正。', 'This entry has already been reversed.');
    case 'COUPON_ALREADY_USED':
      return L(
        '这张券已经用过了，不能再用（也不能取消这次兑换）。',
        'This coupon has already been used (so the redemption cannot be cancelled).',
      );
    case 'PERIOD_CLOSED':
      return closedYearSentence(d);
    case 'CONFLICT':
      return L(
        '和现有记录冲突，请刷新后再看。',
        'This conflicts with existing data; reload and check.',
      );
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
    case 'SERVICE_DATE_OUT_OF_RANGE':
      return L(
        '这一天没有可用的积分标准，或日期超出可补记的范围。',
        'No scoring standard applies on that date, or it is out of range.',
      );
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
