import { StaffWishesSection } from './wishes';
import type { components } from '../api-schema';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, enc, get, getAll, itemsOf, post, query, Submission, type Session } from '../api';
import { HouseholdOrdersSection } from './orders';
import { couponStatusLabel, formatDateTime } from '../format';
import { L } from '../i18n';
import { formatCents, timesUnits, toCents } from '../points';
import type { CatalogItem, Coupon, Passbook, Redemption, RedemptionReturn } from '../types';

/** One hit of `GET /api/passbooks?q=`. */
type PassbookMatch = components['schemas']['PassbookMatchDto'];

/** `GET /api/counter/day-summary`. */
type DaySummary = components['schemas']['DaySummaryDto'];
import {
  ErrorMsg,
  Field,
  inputValue,
  Link,
  Loading,
  Msg,
  Section,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';
import { useWindowStatus, WindowBanner } from '../ui/passbook';
import { cleanPassbookNo, looksLikeCouponCode } from '../passbook-no';
import { onScan } from '../scanner';
import { TEXT_MAX } from '../limits';

type Cart = Record<number, number>;

const stockOf = (item: CatalogItem): number => Number(item.stock);

type Paper = '80mm' | 'a4';
const PAPER_KEY = 'lp.receiptPaper';

function savedPaper(): Paper {
  try {
    return localStorage.getItem(PAPER_KEY) === 'a4' ? 'a4' : '80mm';
  } catch {
    return '80mm';
  }
}

/**
 * Prints one part of the page (a receipt, the day's summary) on an 80 mm receipt roll or on A4: a
 * copy of it goes into a print-only container, and for the roll a page exactly as long as it is.
 */
function printPart(el: Element | null, paper: Paper): void {
  if (!el) {
    return;
  }
  const area = document.createElement('div');
  area.id = 'print-area';
  area.className = `print-area paper-${paper}`;
  area.appendChild(el.cloneNode(true));
  document.body.appendChild(area);
  const style = document.createElement('style');
  if (paper === '80mm') {
    const heightMm = Math.ceil((area.scrollHeight * 25.4) / 96) + 12;
    style.textContent = `@page { size: 80mm ${heightMm}mm; margin: 3mm; }`;
  } else {
    style.textContent = '@page { size: A4 portrait; margin: 15mm; }';
  }
  document.head.appendChild(style);
  document.body.classList.add('printing-part');
  let cleaned = false;
  const done = () => {
    if (cleaned) {
      return;
    }
    cleaned = true;
    document.body.classList.remove('printing-part');
    area.remove();
    style.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some browsers never fire afterprint; the copy must not stay.
  setTimeout(done, 1000);
}

function PaperChoice(props: { paper: Paper; onChange: (p: Paper) => void }) {
  return (
    <label class="paper-choice no-print">
      <span>{L('纸张', 'Paper')}</span>
      <select
        value={props.paper}
        onChange={(e) => {
          const p = inputValue(e) === 'a4' ? 'a4' : '80mm';
          try {
            localStorage.setItem(PAPER_KEY, p);
          } catch {
            // not kept: the choice lasts this page
          }
          props.onChange(p);
        }}
      >
        <option value="80mm">{L('小票 80 mm', 'Receipt 80 mm')}</option>
        <option value="a4">A4</option>
      </select>
    </label>
  );
}

function Receipt(props: {
  redemption: Redemption;
  ownerName: string;
  clerkName: string;
  window: { id: number | string; opensAt: string; closesAt: string } | null;
  itemName: (id: number) => string | undefined;
  priceOf: (id: number) => string | undefined;
  reprint?: boolean;
  /** A return of part of the redemption: the receipt is for it. */
  returned?: RedemptionReturn;
  onNext: () => void;
}) {
  const r = props.redemption;
  const ret = props.returned;
  const coupons = r.coupons ?? [];
  const ref = useRef<HTMLDivElement>(null);
  const [paper, setPaper] = useState<Paper>(savedPaper);
  const cancelled = r.status === 'cancelled';
  return (
    <section class="card receipt" data-testid="receipt" aria-live="polite">
      <h2 class="no-print">
        {ret
          ? props.reprint
            ? L('补打退货小票', 'Reprint return receipt')
            : L('退货成功', 'Returned')
          : props.reprint
            ? L('补打小票', 'Reprint receipt')
            : L('兑换成功', 'Redeemed')}
      </h2>
      <div class="receipt-paper" ref={ref}>
        <p class="receipt-title">
          {ret
            ? L('爱心存折 · 公益坊退货小票', 'Love Passbook · shop return receipt')
            : L('爱心存折 · 公益坊兑换小票', 'Love Passbook · shop receipt')}
        </p>
        {props.reprint ? <p class="receipt-reprint">{L('（补打）', '(reprint)')}</p> : null}
        <dl class="receipt-head">
          <dt>{L('小票号', 'Receipt no.')}</dt>
          <dd data-testid="receipt-no">
            {ret ? `No. ${String(r.id)}-R${String(ret.id)}` : `No. ${String(r.id)}`}
          </dd>
          {ret ? (
            <>
              <dt>{L('原兑换', 'Redemption')}</dt>
              <dd>
                No. {String(r.id)} · {formatDateTime(r.createdAt ?? ret.createdAt)}
              </dd>
            </>
          ) : null}
          <dt>{L('存折', 'Passbook')}</dt>
          <dd>
            {props.ownerName} · <span class="mono">{r.passbookNo}</span>
          </dd>
          <dt>{L('时间', 'Time')}</dt>
          <dd>{formatDateTime(ret?.createdAt ?? r.createdAt ?? new Date().toISOString())}</dd>
          <dt>{L('经办', 'Clerk')}</dt>
          <dd data-testid="receipt-clerk">{props.clerkName}</dd>
          <dt>{L('兑换期', 'Window')}</dt>
          <dd data-testid="receipt-window">
            {props.window
              ? `#${String(props.window.id)} ${formatDateTime(props.window.opensAt)} – ${formatDateTime(props.window.closesAt)}`
              : r.windowId !== undefined
                ? `#${String(r.windowId)}`
                : ''}
          </dd>
          {ret ? (
            <>
              <dt>{L('退货原因', 'Reason')}</dt>
              <dd data-testid="receipt-reason">{ret.reason}</dd>
            </>
          ) : null}
        </dl>
        {ret ? <ReturnedLines returned={ret} /> : null}
        {!ret && cancelled ? (
          <p class="receipt-cancelled">
            {L('此次兑换已取消，积分已退回', 'Cancelled: points returned')}
          </p>
        ) : null}
        {ret ? null : (
          <table class="receipt-lines">
            <tbody>
              {r.lines.map((line) => {
                const name =
                  line.name ?? props.itemName(line.catalogItemId) ?? `#${line.catalogItemId}`;
                const price = line.unitPrice ?? props.priceOf(line.catalogItemId);
                const priceCents = toCents(price ?? null);
                const amount =
                  line.amount ??
                  (priceCents !== null
                    ? formatCents(timesUnits(priceCents, Number(line.quantity)))
                    : '');
                return (
                  <tr key={line.catalogItemId}>
                    <td>{name}</td>
                    <td class="num">× {String(line.quantity)}</td>
                    <td class="num">{amount}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={2}>{L('合计扣除', 'Total')}</th>
                <td class="num" data-testid="receipt-total">
                  {r.total}
                </td>
              </tr>
              {r.balanceAfter !== undefined ? (
                <tr>
                  <th colSpan={2}>{L('兑换后余额', 'Balance after')}</th>
                  <td class="num" data-testid="receipt-balance">
                    {r.balanceAfter}
                  </td>
                </tr>
              ) : null}
            </tfoot>
          </table>
        )}
        {!ret && coupons.length ? (
          <div class="receipt-coupons">
            <h3>{L('服务券（凭券码享受服务，请妥善保管）', 'Service coupons (keep the codes)')}</h3>
            <ul data-testid="receipt-coupons">
              {coupons.map((c) => (
                <li key={c.code}>
                  <span>
                    {props.itemName(c.catalogItemId) ?? L('服务券', 'Coupon')}
                    {c.status && c.status !== 'issued' ? ` · ${couponStatusLabel(c.status)}` : ''}
                  </span>
                  <code class="coupon-code coupon-code-big">{c.code}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div class="row no-print">
        <PaperChoice paper={paper} onChange={setPaper} />
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => printPart(ref.current, paper)}
          data-testid="print-receipt"
        >
          {L('打印小票', 'Print receipt')}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          onClick={props.onNext}
          data-testid="next-customer"
        >
          {props.reprint || ret ? L('关闭', 'Close') : L('下一位', 'Next customer')}
        </button>
      </div>
    </section>
  );
}

/** The body of a return receipt: what came back, the points credited, the coupons voided. */
function ReturnedLines(props: { returned: RedemptionReturn }) {
  const ret = props.returned;
  return (
    <>
      <table class="receipt-lines" data-testid="receipt-return-lines">
        <tbody>
          {ret.lines.map((line) => (
            <tr key={line.catalogItemId}>
              <td>{line.name}</td>
              <td class="num">× {String(line.quantity)}</td>
              <td class="num">{line.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{L('退回积分', 'Points back')}</th>
            <td class="num" data-testid="receipt-total">
              +{ret.points}
            </td>
          </tr>
          <tr>
            <th colSpan={2}>{L('退货后余额', 'Balance after')}</th>
            <td class="num" data-testid="receipt-balance">
              {ret.balanceAfter}
            </td>
          </tr>
        </tfoot>
      </table>
      {ret.voidedCoupons.length ? (
        <div class="receipt-coupons">
          <h3>{L('以下服务券已作废', 'These coupons are now void')}</h3>
          <ul data-testid="receipt-voided">
            {ret.voidedCoupons.map((code) => (
              <li key={code}>
                <code class="coupon-code">{code}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** How many units of each line can still come back: not yet returned, and for coupons not used. */
function returnable(
  r: Redemption,
): Map<number, { max: number; usedCoupons: number; left: number }> {
  const out = new Map<number, { max: number; usedCoupons: number; left: number }>();
  for (const line of r.lines) {
    const left = Number(line.quantity) - (line.returnedQuantity ?? 0);
    const coupons = (r.coupons ?? []).filter((c) => c.catalogItemId === line.catalogItemId);
    const isCoupon = line.kind === 'service_coupon' || coupons.length > 0;
    const issued = coupons.filter((c) => c.status === 'issued').length;
    const usedCoupons = coupons.filter((c) => c.status === 'used').length;
    out.set(line.catalogItemId, {
      max: isCoupon ? Math.min(left, issued) : left,
      usedCoupons,
      left,
    });
  }
  return out;
}

/** Whether anything of a redemption can still be returned (the 退货 button shows only then). */
function canReturn(r: Redemption): boolean {
  return r.status !== 'cancelled' && [...returnable(r).values()].some((l) => l.max > 0);
}

/**
 * Returning part of a redemption: a quantity per line (lines whose coupons were used are shown but
 * cannot be chosen), a reason, and a confirm button naming the passbook and the points going back.
 */
function ReturnForm(props: {
  redemption: Redemption;
  itemName: (id: number) => string | undefined;
  onReturned: (ret: RedemptionReturn & { redemption: Redemption }) => void;
  onStale: () => void;
  onClose: () => void;
}) {
  const r = props.redemption;
  const limits = returnable(r);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  // For coupon lines: the codes of the coupons handed back, one per unit (each is voided).
  const [ticked, setTicked] = useState<Record<number, string[]>>({});
  const [reason, setReason] = useState('');
  const issuedOf = (catalogItemId: number) =>
    (r.coupons ?? []).filter((c) => c.catalogItemId === catalogItemId && c.status === 'issued');
  const isCouponLine = (line: Redemption['lines'][number]) =>
    line.kind === 'service_coupon' ||
    (r.coupons ?? []).some((c) => c.catalogItemId === line.catalogItemId);
  // Only codes still unused (the list may have been reloaded under the form).
  const codesOf = (catalogItemId: number) =>
    (ticked[catalogItemId] ?? []).filter((code) =>
      issuedOf(catalogItemId).some((c) => c.code === code),
    );
  const [submission] = useState(() => new Submission());
  const action = useAction();
  const chosen = r.lines
    .map((line) => ({
      line,
      // Kept within what can still come back, also after the list was reloaded under the form.
      quantity: isCouponLine(line)
        ? codesOf(line.catalogItemId).length
        : Math.min(quantities[line.catalogItemId] ?? 0, limits.get(line.catalogItemId)?.max ?? 0),
    }))
    .filter((l) => l.quantity > 0);
  const pointsCents = chosen.reduce(
    (sum, l) => sum + timesUnits(toCents(l.line.unitPrice ?? null) ?? 0, l.quantity),
    0,
  );
  const owner = r.ownerName ? `${r.ownerName} ` : '';
  return (
    <form
      class="return-form stack"
      data-testid={`return-form-${String(r.id)}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen.length || !reason.trim()) {
          return;
        }
        void action.run(async () => {
          try {
            const ret = await submission.send<RedemptionReturn & { redemption: Redemption }>(
              'POST',
              `/redemptions/${enc(String(r.id))}/returns`,
              {
                lines: chosen.map((l) => ({
                  catalogItemId: l.line.catalogItemId,
                  quantity: l.quantity,
                  ...(isCouponLine(l.line) ? { couponCodes: codesOf(l.line.catalogItemId) } : {}),
                })),
                reason: reason.trim(),
              },
            );
            props.onReturned(ret);
          } catch (err) {
            if (
              err instanceof ApiError &&
              ['CONFLICT', 'COUPON_ALREADY_USED', 'ALREADY_REVERSED'].includes(err.code)
            ) {
              // Another counter got there first: show the redemption as it is now.
              props.onStale();
            }
            throw err;
          }
        });
      }}
    >
      <h4>{L(`退货 · 小票 No. ${String(r.id)}`, `Return · receipt No. ${String(r.id)}`)}</h4>
      <table class="return-lines">
        <thead>
          <tr>
            <th>{L('物品', 'Item')}</th>
            <th class="num">{L('兑换', 'Taken')}</th>
            <th class="num">{L('已退', 'Returned')}</th>
            <th class="num">{L('这次退', 'Return now')}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((line) => {
            const name =
              line.name ?? props.itemName(line.catalogItemId) ?? `#${line.catalogItemId}`;
            const limit = limits.get(line.catalogItemId)!;
            const why =
              limit.left <= 0
                ? L('已全部退回', 'all returned')
                : limit.max <= 0
                  ? L('服务券已使用，不能退', 'coupon used: cannot be returned')
                  : limit.usedCoupons > 0
                    ? L(
                        `${limit.usedCoupons} 张券已使用，最多退 ${limit.max}`,
                        `${limit.usedCoupons} used, at most ${limit.max}`,
                      )
                    : null;
            const id = `return-${String(r.id)}-${line.catalogItemId}`;
            return (
              <tr key={line.catalogItemId} class={limit.max <= 0 ? 'return-disabled' : ''}>
                <td>
                  <label for={id}>{name}</label>
                  {why ? (
                    <div class="muted small" data-testid={`return-why-${line.catalogItemId}`}>
                      {why}
                    </div>
                  ) : null}
                </td>
                <td class="num">{String(line.quantity)}</td>
                <td class="num">{String(line.returnedQuantity ?? 0)}</td>
                <td class="num">
                  {isCouponLine(line) ? (
                    <fieldset class="return-coupons" disabled={limit.max <= 0}>
                      <legend class="sr-only">
                        {L(`${name}：收回的券`, `${name}: coupons handed back`)}
                      </legend>
                      {issuedOf(line.catalogItemId).map((c) => (
                        <label key={c.code} class="check">
                          <input
                            type="checkbox"
                            checked={codesOf(line.catalogItemId).includes(c.code)}
                            data-testid={`return-coupon-${c.code}`}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              setTicked((prev) => {
                                const now = (prev[line.catalogItemId] ?? []).filter(
                                  (x) => x !== c.code,
                                );
                                return {
                                  ...prev,
                                  [line.catalogItemId]: on ? [...now, c.code] : now,
                                };
                              });
                            }}
                          />
                          <span class="coupon-code">{c.code}</span>
                        </label>
                      ))}
                      <div class="muted small" data-testid={`return-qty-${line.catalogItemId}`}>
                        {L(
                          `退 ${codesOf(line.catalogItemId).length} 张`,
                          `${codesOf(line.catalogItemId).length} back`,
                        )}
                      </div>
                    </fieldset>
                  ) : (
                    <input
                      id={id}
                      class="qty"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={limit.max}
                      step={1}
                      disabled={limit.max <= 0}
                      value={String(Math.min(quantities[line.catalogItemId] ?? 0, limit.max))}
                      data-testid={`return-qty-${line.catalogItemId}`}
                      onInput={(e) => {
                        const n = Number(inputValue(e));
                        const q = Number.isInteger(n) ? Math.max(0, Math.min(limit.max, n)) : 0;
                        setQuantities((prev) => ({ ...prev, [line.catalogItemId]: q }));
                      }}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Field label={L('退货原因', 'Reason')}>
        <input
          value={reason}
          onInput={(e) => setReason(inputValue(e))}
          required
          maxLength={TEXT_MAX.reason}
          data-testid="return-reason"
        />
      </Field>
      <ErrorMsg
        error={action.error}
        ctx={{ subject: 'redemption', itemName: (id) => props.itemName(Number(id)) }}
        testId="return-error"
      />
      <div class="row">
        <button
          type="submit"
          class="btn btn-danger"
          disabled={action.busy || chosen.length === 0 || !reason.trim()}
          data-testid="confirm-return"
        >
          {action.busy
            ? L('正在退货…', 'Returning…')
            : L(
                `确认退货 · 退回 ${owner}${r.passbookNo} ${formatCents(pointsCents)} 分`,
                `Return: ${formatCents(pointsCents)} points back to ${owner}${r.passbookNo}`,
              )}
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onClose}>
          {L('不退了', 'Keep it')}
        </button>
      </div>
    </form>
  );
}

/** "大米 × 3（已退 1）" for a line of a redemption list. */
function lineText(
  l: Redemption['lines'][number],
  itemName: (id: number) => string | undefined,
): string {
  const name = l.name ?? itemName(l.catalogItemId) ?? `#${l.catalogItemId}`;
  const back = l.returnedQuantity
    ? L(`（已退 ${l.returnedQuantity}）`, ` (${l.returnedQuantity} returned)`)
    : '';
  return `${name} × ${String(l.quantity)}${back}`;
}

function Stepper(props: { item: CatalogItem; value: number; onChange: (n: number) => void }) {
  const max = stockOf(props.item);
  const set = (n: number) =>
    props.onChange(Math.max(0, Math.min(max, Number.isFinite(n) ? Math.trunc(n) : 0)));
  return (
    <div class="stepper">
      <button
        type="button"
        class="btn btn-step"
        aria-label={L(`${props.item.name} 减一`, `one less ${props.item.name}`)}
        disabled={props.value <= 0}
        onClick={() => set(props.value - 1)}
      >
        −
      </button>
      <input
        class="step-input"
        inputMode="numeric"
        aria-label={L(`${props.item.name} 数量`, `${props.item.name} quantity`)}
        data-testid={`qty-${props.item.id}`}
        value={String(props.value)}
        onInput={(e) => set(Number(inputValue(e) || '0'))}
      />
      <button
        type="button"
        class="btn btn-step"
        aria-label={L(`${props.item.name} 加一`, `one more ${props.item.name}`)}
        data-testid={`add-${props.item.id}`}
        disabled={props.value >= max}
        onClick={() => set(props.value + 1)}
      >
        +
      </button>
    </div>
  );
}

function CouponsOfPassbook(props: {
  passbookNo: string;
  itemName: (id: number) => string | undefined;
  version: number;
}) {
  const coupons = useLoad(
    (signal) =>
      get<unknown>(`/passbooks/${enc(props.passbookNo)}/coupons`, { signal }).then((b) =>
        itemsOf<Coupon>(b),
      ),
    [props.passbookNo, props.version],
  );
  const action = useAction();
  const [used, setUsed] = useState<string | null>(null);
  if (coupons.error) {
    return <ErrorMsg error={coupons.error} />;
  }
  if (!coupons.data) {
    return <Loading />;
  }
  if (coupons.data.length === 0) {
    return <p class="muted">{L('这本存折没有服务券。', 'This passbook has no coupons.')}</p>;
  }
  return (
    <div class="stack">
      {used ? (
        <Msg kind="ok" testId="coupon-used">
          {L(`券 ${used} 已核销。`, `Coupon ${used} marked used.`)}
        </Msg>
      ) : null}
      <ErrorMsg error={action.error} ctx={{ subject: 'coupon' }} />
      <ul class="coupons">
        {coupons.data.map((c) => (
          <li key={c.code} class={`coupon coupon-${c.status}`}>
            <span class="coupon-name">
              {c.itemName ?? props.itemName(c.catalogItemId) ?? L('服务券', 'Coupon')}
            </span>
            <code class="coupon-code">{c.code}</code>
            <span class="coupon-status">
              {couponStatusLabel(c.status)}
              {c.usedAt ? ` ${formatDateTime(c.usedAt)}` : ''}
            </span>
            {c.status === 'issued' ? (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    await post(`/coupons/${enc(c.code)}/use`);
                    setUsed(c.code);
                    coupons.reload();
                  })
                }
              >
                {L('标记已使用', 'Mark used')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function UseCouponByCode() {
  const [code, setCode] = useState('');
  const action = useAction();
  const [done, setDone] = useState<{ code: string; usedAt: string } | null>(null);
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = code.trim().toUpperCase().replace(/[\s-]/g, '');
        if (!clean) {
          return;
        }
        setDone(null);
        void action.run(async () => {
          const res = await post<{ code: string; usedAt: string }>(`/coupons/${enc(clean)}/use`);
          setDone(res);
          setCode('');
        });
      }}
    >
      <Field label={L('核销服务券（输入或扫描券码）', 'Use a coupon (type or scan its code)')}>
        <input
          name="couponCode"
          value={code}
          maxLength={TEXT_MAX.couponCode}
          onInput={(e) => setCode(inputValue(e))}
          autoCapitalize="characters"
          spellcheck={false}
          autoComplete="off"
        />
      </Field>
      <button type="submit" class="btn btn-secondary" disabled={action.busy}>
        {L('核销', 'Use')}
      </button>
      <ErrorMsg error={action.error} ctx={{ subject: 'coupon' }} />
      {done ? (
        <Msg kind="ok">
          {L(
            `券 ${done.code} 已核销（${formatDateTime(done.usedAt)}）。`,
            `Coupon ${done.code} used (${formatDateTime(done.usedAt)}).`,
          )}
        </Msg>
      ) : null}
    </form>
  );
}

/** The returns made of a redemption, each with its own receipt to reprint. */
function ReturnsOf(props: {
  r: Redemption;
  onReprint: (r: Redemption, ret?: RedemptionReturn) => void;
}) {
  const returns = props.r.returns ?? [];
  if (!returns.length) {
    return null;
  }
  return (
    <ul class="plain-list returns-of" data-testid={`returns-of-${String(props.r.id)}`}>
      {returns.map((ret) => (
        <li key={ret.id}>
          <span class="tag">{L('退货', 'Return')}</span> {formatDateTime(ret.createdAt)} ·{' '}
          {ret.lines.map((l) => `${l.name} × ${l.quantity}`).join('，')} · +{ret.points} ·{' '}
          {ret.createdByName ?? ''} · {ret.reason}{' '}
          <button
            type="button"
            class="btn btn-link btn-small"
            onClick={() => props.onReprint(props.r, ret)}
            data-testid={`reprint-return-${ret.id}`}
          >
            {L('补打退货小票', 'Reprint return')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function RecentRedemptions(props: {
  passbookNo: string;
  version: number;
  itemName: (id: number) => string | undefined;
  onCancelled: () => void;
  onReprint: (r: Redemption, ret?: RedemptionReturn) => void;
  onReturned: (ret: RedemptionReturn & { redemption: Redemption }) => void;
}) {
  const [returning, setReturning] = useState<Redemption['id'] | null>(null);
  const list = useLoad(
    (signal) =>
      get<unknown>(`/redemptions${query({ passbookNo: props.passbookNo })}`, { signal }).then((b) =>
        itemsOf<Redemption>(b),
      ),
    [props.passbookNo, props.version],
  );
  const [cancelling, setCancelling] = useState<Redemption['id'] | null>(null);
  const [reason, setReason] = useState('');
  const [submission] = useState(() => new Submission());
  const action = useAction();
  if (list.error) {
    return <ErrorMsg error={list.error} />;
  }
  if (!list.data) {
    return <Loading />;
  }
  if (list.data.length === 0) {
    return <p class="muted">{L('还没有兑换记录。', 'No redemptions yet.')}</p>;
  }
  return (
    <div class="stack">
      <ErrorMsg error={action.error} ctx={{ subject: 'redemption' }} />
      <ul class="plain-list">
        {list.data.map((r) => (
          <li key={String(r.id)} class="redemption-row">
            <div>
              <strong>{r.createdAt ? formatDateTime(r.createdAt) : `#${String(r.id)}`}</strong>{' '}
              {r.lines.map((l) => lineText(l, props.itemName)).join('，')}
              <span class="muted">
                {' '}
                · {L('共', 'total')} {r.total}
                {r.status === 'cancelled' ? ` · ${L('已取消', 'cancelled')}` : ''}
              </span>
            </div>
            <ReturnsOf r={r} onReprint={props.onReprint} />
            <div class="row">
              <button
                type="button"
                class="btn btn-secondary btn-small"
                onClick={() => props.onReprint(r)}
                data-testid={`reprint-${String(r.id)}`}
              >
                {L('补打小票', 'Reprint')}
              </button>
              {canReturn(r) && returning !== r.id ? (
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  onClick={() => setReturning(r.id)}
                  data-testid={`return-${String(r.id)}`}
                >
                  {L('退货', 'Return')}
                </button>
              ) : null}
              {r.status === 'cancelled' || r.returns?.length || cancelling === r.id ? null : (
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  onClick={() => setCancelling(r.id)}
                >
                  {L('取消这次兑换', 'Cancel')}
                </button>
              )}
            </div>
            {returning === r.id ? (
              <ReturnForm
                redemption={r}
                itemName={props.itemName}
                onStale={list.reload}
                onClose={() => setReturning(null)}
                onReturned={(ret) => {
                  setReturning(null);
                  list.reload();
                  props.onReturned(ret);
                }}
              />
            ) : null}
            {r.status === 'cancelled' || r.returns?.length || cancelling !== r.id ? null : (
              <form
                class="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!reason.trim()) {
                    return;
                  }
                  void action.run(async () => {
                    await submission.send('POST', `/redemptions/${enc(String(r.id))}/cancel`, {
                      reason: reason.trim(),
                    });
                    setCancelling(null);
                    setReason('');
                    list.reload();
                    props.onCancelled();
                  });
                }}
              >
                <Field label={L('取消原因', 'Reason')}>
                  <input
                    value={reason}
                    onInput={(e) => setReason(inputValue(e))}
                    maxLength={TEXT_MAX.reason}
                    required
                  />
                </Field>
                <button type="submit" class="btn btn-danger" disabled={action.busy}>
                  {L('确认取消，退回积分', 'Cancel and refund')}
                </button>
                <button type="button" class="btn btn-secondary" onClick={() => setCancelling(null)}>
                  {L('不取消', 'Keep it')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Finding a person who forgot the passbook: by name or the last four digits of a phone. */
function FindPerson(props: { onPick: (passbookNo: string) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PassbookMatch[] | null>(null);
  const action = useAction();
  return (
    <form
      class="card find-person stack"
      data-testid="find-person"
      onSubmit={(e) => {
        e.preventDefault();
        const text = q.trim();
        if (!text) {
          return;
        }
        void action.run(async () => {
          setFound(null);
          const body = await get<unknown>(`/passbooks${query({ q: text, limit: 20 })}`);
          setFound(itemsOf<PassbookMatch>(body));
        });
      }}
    >
      <Field
        label={L(
          '忘带存折？按姓名或手机后四位查找',
          'No passbook? Find by name or last 4 phone digits',
        )}
      >
        <input
          name="findPerson"
          value={q}
          onInput={(e) => setQ(inputValue(e))}
          autoComplete="off"
          spellcheck={false}
        />
      </Field>
      <button type="submit" class="btn btn-secondary" disabled={action.busy}>
        {L('查找', 'Find')}
      </button>
      <ErrorMsg error={action.error} />
      {found && found.length === 0 ? (
        <p class="muted">
          {L('没有找到这个人，请换个写法再试。', 'Nobody found; try another spelling.')}
        </p>
      ) : null}
      {found && found.length ? (
        <ul class="plain-list found-list" data-testid="found-list">
          {found.map((m) => (
            <li key={m.passbookNo} class="found-row">
              <div>
                <strong>{m.owner.name}</strong>{' '}
                <span class="tag">
                  {m.owner.type === 'household'
                    ? L('困难家庭', 'household')
                    : L('志愿者', 'volunteer')}
                </span>
                {m.active ? null : <span class="tag">{L('已停用', 'closed')}</span>}
                <div class="muted">
                  <span class="mono">{m.passbookNo}</span>
                  {m.phone ? ` · ${L('电话', 'phone')} ${m.phone}` : ''}
                  {m.teams.length ? ` · ${m.teams.join('、')}` : ''}
                </div>
              </div>
              <button
                type="button"
                class="btn btn-primary btn-small"
                onClick={() => props.onPick(m.passbookNo)}
                data-testid={`pick-${m.passbookNo}`}
              >
                {L('就是这位', 'This one')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/** The counter's day: what was redeemed and cancelled, items given out, coupons used; reprints. */
function DayPanel(props: {
  itemName: (id: number) => string | undefined;
  onReprint: (r: Redemption, ret?: RedemptionReturn) => void;
  onReturned: (ret: RedemptionReturn & { redemption: Redemption }) => void;
}) {
  const [returning, setReturning] = useState<Redemption['id'] | null>(null);
  const summary = useLoad((signal) => get<DaySummary>('/counter/day-summary', { signal }), []);
  const date = summary.data?.date;
  const list = useLoad(
    (signal) =>
      date
        ? getAll<Redemption>(`/redemptions${query({ date })}`, signal)
        : Promise.resolve<Redemption[]>([]),
    [date],
  );
  const ref = useRef<HTMLDivElement>(null);
  const [paper, setPaper] = useState<Paper>(savedPaper);
  if (summary.error) {
    return <ErrorMsg error={summary.error} />;
  }
  const s = summary.data;
  if (!s) {
    return <Loading />;
  }
  return (
    <div class="stack">
      <div class="day-summary" ref={ref} data-testid="day-summary">
        <h3>{L(`${s.date} 柜台日结`, `Counter day ${s.date}`)}</h3>
        <table class="receipt-lines">
          <tbody>
            <tr>
              <th>{L('兑换', 'Redemptions')}</th>
              <td class="num" data-testid="day-redemptions">
                {L(`${s.redemptions.count} 笔`, `${s.redemptions.count}`)}
              </td>
              <td class="num">{s.redemptions.points}</td>
            </tr>
            <tr>
              <th>{L('取消', 'Cancellations')}</th>
              <td class="num" data-testid="day-cancellations">
                {L(`${s.cancellations.count} 笔`, `${s.cancellations.count}`)}
              </td>
              <td class="num">
                {s.cancellations.count ? `−${s.cancellations.points}` : s.cancellations.points}
              </td>
            </tr>
            {s.returns ? (
              <tr>
                <th>{L('退货', 'Returns')}</th>
                <td class="num" data-testid="day-returns">
                  {L(
                    `${s.returns.count} 笔 · ${s.returns.units} 件`,
                    `${s.returns.count} · ${s.returns.units} units`,
                  )}
                </td>
                <td class="num">{s.returns.count ? `−${s.returns.points}` : s.returns.points}</td>
              </tr>
            ) : null}
            <tr>
              <th colSpan={2}>{L('净扣积分', 'Net points')}</th>
              <td class="num" data-testid="day-net">
                {s.netPoints}
              </td>
            </tr>
            <tr>
              <th colSpan={2}>{L('核销服务券', 'Coupons used')}</th>
              <td class="num" data-testid="day-coupons-used">
                {s.couponsUsed.count}
              </td>
            </tr>
          </tbody>
        </table>
        <h4>{L('发出物品', 'Items given out')}</h4>
        {s.items.length === 0 ? (
          <p class="muted">{L('今天还没有发出物品。', 'Nothing given out today.')}</p>
        ) : (
          <table class="receipt-lines" data-testid="day-items">
            <tbody>
              {s.items.map((i) => (
                <tr key={i.catalogItemId}>
                  <td>
                    <Unbroken text={i.name} />
                  </td>
                  <td class="num">× {i.quantity}</td>
                  <td class="num">{i.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div class="row no-print">
        <PaperChoice paper={paper} onChange={setPaper} />
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => printPart(ref.current, paper)}
        >
          {L('打印日结单', 'Print the day')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => {
            summary.reload();
            list.reload();
          }}
        >
          {L('刷新', 'Refresh')}
        </button>
      </div>
      <h3>{L('今天的兑换', "Today's redemptions")}</h3>
      {list.error ? <ErrorMsg error={list.error} /> : null}
      {!list.data ? <Loading /> : null}
      {list.data && list.data.length === 0 ? (
        <p class="muted">{L('今天还没有兑换。', 'No redemptions today.')}</p>
      ) : null}
      {list.data && list.data.length ? (
        <ul class="plain-list" data-testid="day-list">
          {list.data.map((r) => (
            <li key={String(r.id)} class="redemption-row">
              <div>
                <strong>No. {String(r.id)}</strong> {r.createdAt ? formatDateTime(r.createdAt) : ''}{' '}
                · {r.ownerName} <span class="mono">{r.passbookNo}</span>
                <span class="muted">
                  {' '}
                  · {r.lines.map((l) => lineText(l, props.itemName)).join('，')} ·{' '}
                  {L('共', 'total')} {r.total}
                  {r.status === 'cancelled' ? ` · ${L('已取消', 'cancelled')}` : ''}
                </span>
              </div>
              <ReturnsOf r={r} onReprint={props.onReprint} />
              <div class="row">
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  onClick={() => props.onReprint(r)}
                  data-testid={`day-reprint-${String(r.id)}`}
                >
                  {L('补打小票', 'Reprint')}
                </button>
                {canReturn(r) && returning !== r.id ? (
                  <button
                    type="button"
                    class="btn btn-secondary btn-small"
                    onClick={() => setReturning(r.id)}
                    data-testid={`day-return-${String(r.id)}`}
                  >
                    {L('退货', 'Return')}
                  </button>
                ) : null}
              </div>
              {returning === r.id ? (
                <ReturnForm
                  redemption={r}
                  itemName={props.itemName}
                  onStale={() => {
                    summary.reload();
                    list.reload();
                  }}
                  onClose={() => setReturning(null)}
                  onReturned={(ret) => {
                    setReturning(null);
                    props.onReturned(ret);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CounterPage(props: { session: Session }) {
  const windowState = useWindowStatus(30_000);
  const catalog = useLoad((signal) => getAll<CatalogItem>('/catalog-items', signal), []);
  const [typed, setTyped] = useState('');
  const [lastLookup, setLastLookup] = useState('');
  const [couponHint, setCouponHint] = useState(false);
  const [passbook, setPassbook] = useState<Passbook | null>(null);
  const [lookupBusy, setLookupBusy] = useState(false);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [cart, setCart] = useState<Cart>({});
  const [receipt, setReceipt] = useState<{
    r: Redemption;
    reprint: boolean;
    ret?: RedemptionReturn;
  } | null>(null);
  const [showDay, setShowDay] = useState(false);
  const [version, setVersion] = useState(0);
  const [submission, setSubmission] = useState(() => new Submission());
  /** One number per customer at the counter: answers for an earlier customer are dropped. */
  const customerRef = useRef(0);
  const [customerKey, setCustomerKey] = useState(0);
  const redeem = useAction();
  const lookupRef = useRef<HTMLInputElement>(null);

  /** Forgets the current customer, the cart, the receipt and every message, before anything else. */
  const clearCustomer = (): number => {
    const seq = ++customerRef.current;
    setCustomerKey(seq);
    setPassbook(null);
    setCart({});
    setReceipt(null);
    setLookupError(null);
    setLookupBusy(false);
    setCouponHint(false);
    redeem.setError(null);
    setSubmission(new Submission());
    return seq;
  };

  const loadPassbook = (number: string) => {
    const seq = clearCustomer();
    setLastLookup(number);
    setLookupBusy(true);
    windowState.refresh();
    get<Passbook>(`/passbooks/${enc(number)}${query({ limit: 5 })}`).then(
      (p) => {
        if (customerRef.current === seq) {
          setPassbook(p);
          setLookupBusy(false);
          setVersion((v) => v + 1);
        }
      },
      (err: unknown) => {
        if (customerRef.current === seq) {
          setLookupError(err);
          setLookupBusy(false);
        }
      },
    );
  };

  /** The same customer again (after a cancellation): new figures, same person, nothing cleared. */
  const refreshPassbook = (number: string) => {
    const seq = customerRef.current;
    get<Passbook>(`/passbooks/${enc(number)}${query({ limit: 5 })}`).then(
      (p) => {
        if (customerRef.current === seq) {
          setPassbook(p);
          setVersion((v) => v + 1);
        }
      },
      () => undefined,
    );
  };

  const lookupFromScan = useRef(loadPassbook);
  lookupFromScan.current = (number: string) => {
    setShowDay(false);
    setTyped(number);
    loadPassbook(number);
  };

  useEffect(() => lookupRef.current?.focus(), []);
  useEffect(() => onScan((number) => lookupFromScan.current(number)), []);
  useEffect(() => {
    // Typing outside a field goes to the passbook box (Enter on a focused button would press it).
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        !target ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        e.key.length !== 1 ||
        !/[0-9A-Za-z]/.test(e.key)
      ) {
        return;
      }
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable) {
        return;
      }
      const input = lookupRef.current;
      if (input) {
        input.value = '';
        setTyped('');
        input.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const items = useMemo(
    () => (catalog.data ?? []).filter((i) => i.active !== false),
    [catalog.data],
  );
  const itemName = (id: number) => catalog.data?.find((i) => i.id === id)?.name;
  const priceOf = (id: number) => catalog.data?.find((i) => i.id === id)?.price;

  const lines = items
    .filter((i) => (cart[i.id] ?? 0) > 0)
    .map((i) => ({ item: i, quantity: cart[i.id] }));
  const totalCents = lines.reduce(
    (sum, l) => sum + timesUnits(toCents(l.item.price) ?? 0, l.quantity),
    0,
  );
  const balanceCents = passbook ? (toCents(passbook.balance) ?? 0) : 0;
  const remainingCents = balanceCents - totalCents;
  const shortItem = lines.find((l) => l.quantity > stockOf(l.item));
  const windowClosed = windowState.status !== null && !windowState.status.open;
  // What the page already knows the service would refuse: the button waits, and says why.
  const blockedBy = windowClosed
    ? L('现在不是兑换期', 'the window is closed')
    : remainingCents < 0
      ? L('积分不够', 'not enough points')
      : shortItem
        ? L(
            `「${shortItem.item.name}」库存只剩 ${stockOf(shortItem.item)} 件，请减少数量`,
            `only ${stockOf(shortItem.item)} of "${shortItem.item.name}" left; lower the quantity`,
          )
        : null;

  const nextCustomer = () => {
    clearCustomer();
    setTyped('');
    setTimeout(() => lookupRef.current?.focus(), 0);
  };

  const doRedeem = (charged: Passbook) => {
    const seq = customerRef.current;
    void redeem
      .run(async () => {
        try {
          const r = await submission.send<Redemption>('POST', '/redemptions', {
            passbookNo: charged.passbookNo,
            lines: lines.map((l) => ({ catalogItemId: l.item.id, quantity: l.quantity })),
          });
          catalog.reload();
          if (customerRef.current !== seq) {
            return;
          }
          setReceipt({ r, reprint: false });
          setCart({});
          setSubmission(new Submission());
          if (r.balanceAfter !== undefined) {
            setPassbook({ ...charged, balance: r.balanceAfter });
          }
          setVersion((v) => v + 1);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'OUT_OF_STOCK') {
            // Show the stock as it is now, not as it was when the page loaded.
            catalog.reload();
          }
          if (customerRef.current !== seq) {
            return;
          }
          throw err;
        }
      })
      .finally(() => windowState.refresh());
  };

  const currentWindow = windowState.status?.window ?? null;
  const windowOf = (r: Redemption) =>
    currentWindow && r.windowId !== undefined && String(currentWindow.id) === String(r.windowId)
      ? currentWindow
      : null;
  const reprint = (r: Redemption, ret?: RedemptionReturn) => setReceipt({ r, reprint: true, ret });
  /** A return's receipt; the passbook on screen (if it is this one) shows the points back. */
  const returned = (ret: RedemptionReturn & { redemption: Redemption }) => {
    setReceipt({ r: ret.redemption, reprint: false, ret });
    catalog.reload();
    if (passbook?.passbookNo === ret.redemption.passbookNo) {
      refreshPassbook(passbook.passbookNo);
    }
  };

  return (
    <main class="page page-wide" data-testid="counter-page">
      <h1 class="sr-only">{L('兑换柜台', 'Shop counter')}</h1>
      <WindowBanner status={windowState.status} error={windowState.error} big />
      <div class="counter-grid">
        <div class="counter-left stack">
          <form
            class="lookup card"
            onSubmit={(e) => {
              e.preventDefault();
              const number = cleanPassbookNo(typed);
              if (looksLikeCouponCode(number)) {
                clearCustomer();
                setCouponHint(true);
                return;
              }
              if (number) {
                setShowDay(false);
                setTyped(number);
                loadPassbook(number);
              }
            }}
          >
            <Field
              label={L(
                '存折号（输入或扫描存折上的二维码）',
                'Passbook number (type, or scan the QR code)',
              )}
            >
              <input
                ref={lookupRef}
                name="lookup"
                class="input-big mono"
                value={typed}
                onInput={(e) => setTyped(inputValue(e))}
                autoComplete="off"
                autoCapitalize="characters"
                spellcheck={false}
                data-testid="lookup-input"
              />
            </Field>
            {/* Never disabled: a disabled default button would swallow Enter, and a new number must
                replace a lookup still under way. */}
            <button type="submit" class="btn btn-primary" aria-busy={lookupBusy}>
              {L('查询', 'Look up')}
            </button>
            <ErrorMsg error={lookupError} ctx={{ subject: 'passbook', passbookNo: lastLookup }} />
            {couponHint ? (
              <Msg kind="warn">
                {L(
                  '这是服务券的券码，不是存折号。核销服务券请用下面的「核销服务券」。',
                  'That is a coupon code, not a passbook number: use "Use a coupon" below.',
                )}
              </Msg>
            ) : null}
          </form>
          {passbook ? (
            <section class="card owner-card" data-testid="owner-card">
              <div class="owner-line">
                <span class="owner-name" data-testid="owner-name">
                  {passbook.owner.name}
                </span>
                <span class="tag">
                  {passbook.owner.type === 'household'
                    ? L('困难家庭', 'household')
                    : L('志愿者', 'volunteer')}
                </span>
              </div>
              <div class="passbook-no mono" data-testid="owner-passbook-no">
                {passbook.passbookNo}
              </div>
              <div class="balance-label">{L('积分余额', 'Balance')}</div>
              <div class="balance-big" data-testid="counter-balance">
                {passbook.balance}
              </div>
              <Link href={`/print/${enc(passbook.passbookNo)}`}>
                {L('打印存折', 'Print passbook')}
              </Link>
            </section>
          ) : null}
          <FindPerson
            key={`find-${customerKey}`}
            onPick={(number) => {
              setShowDay(false);
              setTyped(number);
              loadPassbook(number);
            }}
          />
          <div class="card use-coupon">
            <UseCouponByCode key={`coupon-${customerKey}`} />
          </div>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => setShowDay((v) => !v)}
            data-testid="show-day"
            aria-expanded={showDay}
          >
            {showDay
              ? L('收起今日日结', 'Hide the day')
              : L('今日兑换与日结', "Today's redemptions and close")}
          </button>
        </div>
        <div class="counter-right stack">
          {receipt ? (
            <Receipt
              redemption={receipt.r}
              ownerName={receipt.r.ownerName || passbook?.owner.name || ''}
              clerkName={
                (receipt.ret ? receipt.ret.createdByName : receipt.r.createdByName) ??
                props.session.name
              }
              window={windowOf(receipt.r)}
              itemName={itemName}
              priceOf={priceOf}
              reprint={receipt.reprint}
              returned={receipt.ret}
              onNext={receipt.reprint || receipt.ret ? () => setReceipt(null) : nextCustomer}
            />
          ) : null}
          {showDay && !receipt ? (
            <Section
              title={L('今日兑换与日结', "Today's redemptions and close")}
              testId="day-panel"
            >
              <DayPanel itemName={itemName} onReprint={reprint} onReturned={returned} />
            </Section>
          ) : null}
          {passbook && !receipt && !showDay ? (
            <Section title={L('选择兑换物品', 'Choose items')} testId="cart">
              {catalog.error ? <ErrorMsg error={catalog.error} /> : null}
              {!catalog.data && !catalog.error ? <Loading /> : null}
              <ul class="catalog">
                {items.map((item) => {
                  const stock = stockOf(item);
                  return (
                    <li
                      key={item.id}
                      class={`catalog-item ${stock <= 0 ? 'sold-out' : ''}`}
                      data-testid={`item-${item.id}`}
                    >
                      <div class="catalog-info">
                        <span class="catalog-name">{item.name}</span>
                        <span class="muted">
                          {item.kind === 'service_coupon'
                            ? L('服务券', 'coupon')
                            : L('物品', 'goods')}{' '}
                          ·{' '}
                          <span data-testid={`stock-${item.id}`}>
                            {stock > 0
                              ? L(`库存 ${stock}`, `${stock} in stock`)
                              : L('已兑完', 'out of stock')}
                          </span>
                        </span>
                      </div>
                      <span class="catalog-price">
                        {item.price} <small>{L('分', 'pts')}</small>
                      </span>
                      <Stepper
                        item={item}
                        value={cart[item.id] ?? 0}
                        onChange={(n) => setCart((prev) => ({ ...prev, [item.id]: n }))}
                      />
                    </li>
                  );
                })}
              </ul>
              <div class="totals" aria-live="polite">
                <div>
                  {L('合计', 'Total')}{' '}
                  <strong data-testid="cart-total">{formatCents(totalCents)}</strong>
                </div>
                <div class={remainingCents < 0 ? 'short' : ''}>
                  {L('兑换后余额', 'Left after')}{' '}
                  <strong data-testid="cart-remaining">{formatCents(remainingCents)}</strong>
                </div>
              </div>
              {remainingCents < 0 ? (
                <Msg kind="warn">
                  {L(
                    `积分不够，还差 ${formatCents(-remainingCents)} 分。请减少物品。`,
                    `${formatCents(-remainingCents)} points short. Remove some items.`,
                  )}
                </Msg>
              ) : null}
              {windowState.status && !windowState.status.open ? (
                <Msg kind="warn">
                  {L(
                    '现在不是兑换期，兑换会被拒绝。',
                    'The window is closed: a redemption will be refused.',
                  )}
                </Msg>
              ) : null}
              {blockedBy && lines.length > 0 ? (
                <p class="redeem-blocked" id="redeem-blocked" data-testid="redeem-blocked">
                  {L(`兑换按钮已停用：${blockedBy}。`, `Redeem is off: ${blockedBy}.`)}
                </p>
              ) : null}
              <ErrorMsg
                error={redeem.error}
                ctx={{ itemName: (id) => itemName(Number(id)) }}
                testId="redeem-error"
              />
              <button
                type="button"
                class="btn btn-primary btn-big"
                disabled={redeem.busy || lines.length === 0 || blockedBy !== null}
                onClick={() => doRedeem(passbook)}
                data-testid="redeem"
                aria-describedby={blockedBy && lines.length > 0 ? 'redeem-blocked' : undefined}
              >
                {redeem.busy ? (
                  L('正在兑换…', 'Redeeming…')
                ) : lines.length === 0 ? (
                  L('请先选择物品', 'Choose items first')
                ) : (
                  <>
                    <span class="redeem-who">
                      {L(
                        `确认兑换 · ${passbook.owner.name} ${passbook.passbookNo}`,
                        `Redeem for ${passbook.owner.name} ${passbook.passbookNo}`,
                      )}
                    </span>{' '}
                    <span class="redeem-amount">
                      {L(
                        `（扣 ${formatCents(totalCents)} 分）`,
                        `(${formatCents(totalCents)} points)`,
                      )}
                    </span>
                  </>
                )}
              </button>
            </Section>
          ) : null}
          {passbook && !showDay ? (
            <Section
              title={L('这本存折的服务券', 'Coupons of this passbook')}
              testId="passbook-coupons"
            >
              <CouponsOfPassbook
                key={`coupons-${customerKey}`}
                passbookNo={passbook.passbookNo}
                itemName={itemName}
                version={version}
              />
            </Section>
          ) : null}
          {passbook && !showDay ? (
            <Section title={L('兑换记录', 'Redemptions')}>
              <RecentRedemptions
                key={`recent-${customerKey}`}
                passbookNo={passbook.passbookNo}
                version={version}
                itemName={itemName}
                onCancelled={() => refreshPassbook(passbook.passbookNo)}
                onReprint={reprint}
                onReturned={returned}
              />
            </Section>
          ) : null}
          {passbook && !showDay && passbook.owner.type === 'household' ? (
            <HouseholdOrdersSection
              key={`orders-${customerKey}`}
              householdId={passbook.owner.id}
              householdName={passbook.owner.name}
            />
          ) : null}
        </div>
      </div>
      <StaffWishesSection />
    </main>
  );
}
