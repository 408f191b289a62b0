import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { enc, get, getAll, itemsOf, post, query, Submission, type Session } from '../api';
import { couponStatusLabel, formatDateTime } from '../format';
import { L } from '../i18n';
import { formatCents, timesUnits, toCents } from '../points';
import type { CatalogItem, Coupon, Passbook, Redemption } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Link,
  Loading,
  Msg,
  Section,
  useAction,
  useLoad,
} from '../ui/components';
import { useWindowStatus, WindowBanner } from '../ui/passbook';
import { cleanPassbookNo, looksLikeCouponCode } from '../passbook-no';

type Cart = Record<number, number>;

const stockOf = (item: CatalogItem): number => Number(item.stock);

/** Prints only the receipt (the print stylesheet hides the rest while this class is on). */
function printReceipt(): void {
  document.body.classList.add('print-receipt');
  const done = () => {
    document.body.classList.remove('print-receipt');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some browsers never fire afterprint; the class must not stay on.
  setTimeout(done, 1000);
}

function Receipt(props: {
  redemption: Redemption;
  passbook: Passbook;
  itemName: (id: number) => string | undefined;
  priceOf: (id: number) => string | undefined;
  onNext: () => void;
}) {
  const r = props.redemption;
  const coupons = r.coupons ?? [];
  return (
    <section class="card receipt" data-testid="receipt" aria-live="polite">
      <h2>{L('兑换成功', 'Redeemed')}</h2>
      <p class="receipt-head">
        {L('爱心存折 · 公益坊兑换小票', 'Love Passbook · shop receipt')}
        <br />
        {props.passbook.owner.name} · {r.passbookNo}
        <br />
        {formatDateTime(r.createdAt ?? new Date().toISOString())}
      </p>
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
      {coupons.length ? (
        <div class="receipt-coupons">
          <h3>{L('服务券（凭券码享受服务，请妥善保管）', 'Service coupons (keep the codes)')}</h3>
          <ul data-testid="receipt-coupons">
            {coupons.map((c) => (
              <li key={c.code}>
                <span>
                  {c.itemName ?? props.itemName(c.catalogItemId) ?? L('服务券', 'Coupon')}
                </span>
                <code class="coupon-code coupon-code-big">{c.code}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="row no-print">
        <button type="button" class="btn btn-secondary" onClick={printReceipt}>
          {L('打印小票', 'Print receipt')}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          onClick={props.onNext}
          data-testid="next-customer"
        >
          {L('下一位', 'Next customer')}
        </button>
      </div>
    </section>
  );
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

function RecentRedemptions(props: {
  passbookNo: string;
  version: number;
  itemName: (id: number) => string | undefined;
  onCancelled: () => void;
}) {
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
              {r.lines
                .map(
                  (l) =>
                    `${l.name ?? props.itemName(l.catalogItemId) ?? `#${l.catalogItemId}`} × ${String(l.quantity)}`,
                )
                .join('，')}
              <span class="muted">
                {' '}
                · {L('共', 'total')} {r.total}
                {r.status && r.status !== 'completed' && r.status !== 'posted'
                  ? ` · ${r.status === 'cancelled' ? L('已取消', 'cancelled') : r.status}`
                  : ''}
              </span>
            </div>
            {r.status === 'cancelled' ? null : cancelling === r.id ? (
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
                  <input value={reason} onInput={(e) => setReason(inputValue(e))} required />
                </Field>
                <button type="submit" class="btn btn-danger" disabled={action.busy}>
                  {L('确认取消，退回积分', 'Cancel and refund')}
                </button>
                <button type="button" class="btn btn-secondary" onClick={() => setCancelling(null)}>
                  {L('不取消', 'Keep it')}
                </button>
              </form>
            ) : (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                onClick={() => setCancelling(r.id)}
              >
                {L('取消这次兑换', 'Cancel')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CounterPage(_props: { session: Session }) {
  const windowState = useWindowStatus(30_000);
  const catalog = useLoad((signal) => getAll<CatalogItem>('/catalog-items', signal), []);
  const [typed, setTyped] = useState('');
  const [lastLookup, setLastLookup] = useState('');
  const [couponHint, setCouponHint] = useState(false);
  const [passbook, setPassbook] = useState<Passbook | null>(null);
  const [cart, setCart] = useState<Cart>({});
  const [receipt, setReceipt] = useState<Redemption | null>(null);
  const [version, setVersion] = useState(0);
  const [submission, setSubmission] = useState(() => new Submission());
  const lookup = useAction();
  const redeem = useAction();
  const lookupRef = useRef<HTMLInputElement>(null);

  useEffect(() => lookupRef.current?.focus(), []);
  useEffect(() => {
    // A scanner types the number and Enter wherever the focus is. With the focus on a button that
    // Enter would press it, so typing outside a field goes to the passbook box instead.
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

  const loadPassbook = (number: string) =>
    lookup.run(async () => {
      setLastLookup(number);
      windowState.refresh();
      const p = await get<Passbook>(`/passbooks/${enc(number)}${query({ limit: 5 })}`);
      setPassbook(p);
      setCart({});
      setReceipt(null);
      redeem.setError(null);
      setSubmission(new Submission());
      setVersion((v) => v + 1);
    });

  const nextCustomer = () => {
    setPassbook(null);
    setCart({});
    setReceipt(null);
    setTyped('');
    redeem.setError(null);
    lookup.setError(null);
    setSubmission(new Submission());
    setTimeout(() => lookupRef.current?.focus(), 0);
  };

  const doRedeem = () =>
    void redeem
      .run(async () => {
        if (!passbook) {
          return;
        }
        const r = await submission.send<Redemption>('POST', '/redemptions', {
          passbookNo: passbook.passbookNo,
          lines: lines.map((l) => ({ catalogItemId: l.item.id, quantity: l.quantity })),
        });
        setReceipt(r);
        setCart({});
        setSubmission(new Submission());
        if (r.balanceAfter !== undefined) {
          setPassbook({ ...passbook, balance: r.balanceAfter });
        }
        catalog.reload();
        setVersion((v) => v + 1);
      })
      .finally(() => windowState.refresh());

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
              setCouponHint(looksLikeCouponCode(number));
              if (looksLikeCouponCode(number)) {
                return;
              }
              if (number) {
                setTyped(number);
                void loadPassbook(number);
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
            <button type="submit" class="btn btn-primary" disabled={lookup.busy}>
              {L('查询', 'Look up')}
            </button>
            <ErrorMsg error={lookup.error} ctx={{ subject: 'passbook', passbookNo: lastLookup }} />
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
              <div class="passbook-no mono">{passbook.passbookNo}</div>
              <div class="balance-label">{L('积分余额', 'Balance')}</div>
              <div class="balance-big" data-testid="counter-balance">
                {passbook.balance}
              </div>
              <Link href={`/print/${enc(passbook.passbookNo)}`}>
                {L('打印存折', 'Print passbook')}
              </Link>
            </section>
          ) : null}
          <div class="use-coupon">
            <UseCouponByCode />
          </div>
        </div>
        <div class="counter-right stack">
          {receipt && passbook ? (
            <Receipt
              redemption={receipt}
              passbook={passbook}
              itemName={itemName}
              priceOf={priceOf}
              onNext={nextCustomer}
            />
          ) : null}
          {passbook && !receipt ? (
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
                          {stock > 0
                            ? L(`库存 ${stock}`, `${stock} in stock`)
                            : L('已兑完', 'out of stock')}
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
              <ErrorMsg
                error={redeem.error}
                ctx={{ itemName: (id) => itemName(Number(id)) }}
                testId="redeem-error"
              />
              <button
                type="button"
                class="btn btn-primary btn-big"
                disabled={redeem.busy || lines.length === 0}
                onClick={doRedeem}
                data-testid="redeem"
              >
                {redeem.busy
                  ? L('正在兑换…', 'Redeeming…')
                  : L(
                      `兑换（扣 ${formatCents(totalCents)} 分）`,
                      `Redeem (${formatCents(totalCents)} points)`,
                    )}
              </button>
            </Section>
          ) : null}
          {passbook ? (
            <Section
              title={L('这本存折的服务券', 'Coupons of this passbook')}
              testId="passbook-coupons"
            >
              <CouponsOfPassbook
                passbookNo={passbook.passbookNo}
                itemName={itemName}
                version={version}
              />
            </Section>
          ) : null}
          {passbook ? (
            <Section title={L('兑换记录', 'Redemptions')}>
              <RecentRedemptions
                passbookNo={passbook.passbookNo}
                version={version}
                itemName={itemName}
                onCancelled={() => void loadPassbook(passbook.passbookNo)}
              />
            </Section>
          ) : null}
        </div>
      </div>
    </main>
  );
}
