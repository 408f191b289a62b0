import { useState } from 'preact/hooks';
import { get, getAll, itemsOf, Submission, type Session } from '../api';
import { couponStatusLabel, formatHours, hardshipLabel, trimZeros } from '../format';
import { L } from '../i18n';
import { formatCents, toCents } from '../points';
import type { CatalogItem, Coupon, Donation, HouseholdChoice, Passbook } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Msg,
  Section,
  Link,
  Stars,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';
import { MoreButton, StatementList, useWindowStatus, WindowBanner } from '../ui/passbook';
import { MyEventsSection } from './my-events';
import { WishWallSection } from './wishes';
import { MyObjectionsSection } from './my-objections';
import { MyMenuSection } from './orders';

/** The passbook read by its owner, with "more" following the statement's cursor. */
function usePassbook(path: string) {
  const loaded = useLoad((signal) => get<Passbook>(path, { signal }), [path]);
  const more = useAction();
  const loadMore = () =>
    void more.run(async () => {
      const current = loaded.data;
      if (!current?.nextCursor) {
        return;
      }
      const page = await get<Passbook>(
        `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(current.nextCursor)}`,
      );
      loaded.setData({
        ...current,
        entries: [...current.entries, ...page.entries],
        nextCursor: page.nextCursor,
      });
    });
  return { ...loaded, loadMore, moreBusy: more.busy, moreError: more.error };
}

export function BalanceCard(props: { passbook: Passbook; label?: string }) {
  const p = props.passbook;
  return (
    <div class="balance-card" data-testid="balance-card">
      <div class="balance-label">{props.label ?? L('我的积分余额', 'My points balance')}</div>
      <div class="balance-big" data-testid="balance">
        {p.balance}
      </div>
      <div class="balance-unit">{L('分', 'points')}</div>
    </div>
  );
}

function YearFacts(props: { passbook: Passbook }) {
  const p = props.passbook;
  return (
    <dl class="facts">
      {p.earnedThisYear !== undefined ? (
        <div>
          <dt>{L('今年获得积分', 'Earned this year')}</dt>
          <dd data-testid="earned-this-year">{p.earnedThisYear}</dd>
        </div>
      ) : null}
      {p.starsThisYear ? (
        <div>
          <dt>{L('今年星级（按目前积分）', 'Stars this year (so far)')}</dt>
          <dd data-testid="stars-this-year">
            <Stars stars={p.starsThisYear.stars} />
            <small>
              {p.starsThisYear.nextAtPoints
                ? L(
                    `今年积分满 ${trimZeros(p.starsThisYear.nextAtPoints)} 分升一星`,
                    `next star at ${trimZeros(p.starsThisYear.nextAtPoints)} points`,
                  )
                : L('已满五星', 'five stars')}
            </small>
          </dd>
        </div>
      ) : null}
      {p.hours ? (
        <div>
          <dt>{L('服务时长', 'Service hours')}</dt>
          <dd>
            {L(`累计 ${formatHours(p.hours.total)}`, `${formatHours(p.hours.total)} in all`)}
            <small>
              {L(
                `今年 ${formatHours(p.hours.thisYear)}`,
                `${formatHours(p.hours.thisYear)} this year`,
              )}
            </small>
            {(p.transfers ?? []).map((t) => (
              <small key={t.toPassbookNo} data-testid="hours-carried">
                {L(
                  `含从${t.fromCommunity}转入 ${formatHours(t.hours)}（原存折 ${t.fromPassbookNo}）`,
                  `incl. ${formatHours(t.hours)} carried from ${t.fromCommunity} (passbook ${t.fromPassbookNo})`,
                )}
              </small>
            ))}
          </dd>
        </div>
      ) : null}
      {p.hoursGrade ? (
        <div>
          <dt>{L('时长星级', 'Hours grade')}</dt>
          <dd>
            <Stars stars={p.hoursGrade.stars} />
            <small>
              {p.hoursGrade.nextAtHours
                ? L(
                    `累计满 ${formatHours(p.hoursGrade.nextAtHours)}升一星`,
                    `next star at ${formatHours(p.hoursGrade.nextAtHours)}`,
                  )
                : L('已是最高星级', 'top grade reached')}
            </small>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function CouponList(props: { coupons: Coupon[]; itemName: (id: number) => string | undefined }) {
  if (props.coupons.length === 0) {
    return <p class="muted">{L('没有服务券。', 'No coupons.')}</p>;
  }
  return (
    <ul class="coupons" data-testid="my-coupons">
      {props.coupons.map((c) => (
        <li key={c.code} class={`coupon coupon-${c.status}`}>
          <span class="coupon-name">
            {c.itemName ?? props.itemName(c.catalogItemId) ?? L('服务券', 'Coupon')}
          </span>
          <code class="coupon-code">{c.code}</code>
          <span class="coupon-status">{couponStatusLabel(c.status)}</span>
        </li>
      ))}
    </ul>
  );
}

function DonateForm(props: { balance: string; onDone: () => void }) {
  const households = useLoad((signal) => getAll<HouseholdChoice>('/households', signal), []);
  const [householdId, setHouseholdId] = useState('');
  const [points, setPoints] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ donation: Donation; name: string } | null>(null);
  const [submission] = useState(() => new Submission());
  const action = useAction();
  const chosen = households.data?.find((h) => String(h.id) === householdId);
  const cents = toCents(points);
  const balanceCents = toCents(props.balance) ?? 0;
  const problem =
    points.trim() === ''
      ? null
      : cents === null || cents <= 0
        ? L('请填写大于0的积分，最多两位小数。', 'Enter points above 0, at most two decimals.')
        : cents > balanceCents
          ? L(`您的余额只有 ${props.balance} 分。`, `Your balance is only ${props.balance}.`)
          : null;
  const ready = Boolean(chosen) && cents !== null && cents > 0 && !problem;

  if (done) {
    return (
      <div class="stack">
        <Msg kind="ok" testId="donation-done">
          {L(
            `谢谢您！已把 ${done.donation.points} 分捐给 ${done.name}。现在余额 ${done.donation.balanceAfter} 分。`,
            `Thank you! ${done.donation.points} points went to ${done.name}. Your balance is now ${done.donation.balanceAfter}.`,
          )}
        </Msg>
        <button type="button" class="btn btn-secondary" onClick={() => setDone(null)}>
          {L('再捐一次', 'Give again')}
        </button>
      </div>
    );
  }
  if (households.error) {
    return <ErrorMsg error={households.error} />;
  }
  if (!households.data) {
    return <Loading />;
  }
  if (confirming && chosen && cents !== null) {
    return (
      <div class="confirm stack" data-testid="donate-confirm">
        <p class="confirm-text">
          {L(
            `确认把 ${formatCents(cents)} 分捐给「${chosen.name}」（${hardshipLabel(chosen.hardship)}）吗？捐出后不能收回。`,
            `Give ${formatCents(cents)} points to "${chosen.name}" (${hardshipLabel(chosen.hardship)})? A gift cannot be taken back.`,
          )}
        </p>
        <ErrorMsg error={action.error} ctx={{ subject: 'household' }} />
        <div class="row">
          <button
            type="button"
            class="btn btn-primary btn-big"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                const donation = await submission.send<Donation>('POST', '/donations', {
                  householdId: chosen.id,
                  points: formatCents(cents),
                });
                setDone({ donation, name: chosen.name });
                setConfirming(false);
                setPoints('');
                props.onDone();
              })
            }
          >
            {action.busy ? L('正在捐赠…', 'Giving…') : L('确认捐赠', 'Yes, give')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={action.busy}
            onClick={() => setConfirming(false)}
          >
            {L('返回修改', 'Go back')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      class="stack"
      data-testid="donate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) {
          action.setError(null);
          setConfirming(true);
        }
      }}
    >
      {households.data.length === 0 ? (
        <p class="muted">{L('目前没有登记的困难家庭。', 'No households are registered yet.')}</p>
      ) : (
        <>
          <Field label={L('捐给哪个家庭', 'Give to')}>
            <select
              name="householdId"
              value={householdId}
              onChange={(e) => setHouseholdId(inputValue(e))}
              required
            >
              <option value="">{L('请选择', 'Choose')}</option>
              {households.data.map((h) => (
                <option key={h.id} value={String(h.id)}>
                  {h.name}（{hardshipLabel(h.hardship)}）
                </option>
              ))}
            </select>
          </Field>
          <Field label={L('捐多少积分', 'How many points')}>
            <input
              name="points"
              class="input-big"
              inputMode="decimal"
              value={points}
              onInput={(e) => setPoints(inputValue(e))}
              required
            />
          </Field>
          {problem ? <Msg kind="warn">{problem}</Msg> : null}
          <button type="submit" class="btn btn-primary btn-big" disabled={!ready}>
            {L('下一步', 'Next')}
          </button>
        </>
      )}
    </form>
  );
}

/** What the shop offers now, so people come to the counter knowing what they can get. */
function ShopOffer(props: {
  catalog: { data?: CatalogItem[]; error: unknown };
  balance: string | null;
}) {
  const { data, error } = props.catalog;
  if (error) {
    return <ErrorMsg error={error} />;
  }
  if (!data) {
    return <Loading />;
  }
  const items = data.filter((i) => i.active !== false);
  if (items.length === 0) {
    return (
      <p class="muted">{L('公益坊暂时没有可兑换的物品。', 'Nothing on offer at the moment.')}</p>
    );
  }
  const balance = props.balance === null ? null : Number(props.balance);
  return (
    <ul class="plain-list shop-offer">
      {items.map((item) => {
        const stock = Number(item.stock);
        const affordable = balance !== null && balance >= Number(item.price);
        return (
          <li key={item.id} class="shop-offer-row">
            <span class="catalog-name">
              <Unbroken text={item.name} />
              <span class="muted nowrap">
                {' '}
                · {item.kind === 'service_coupon' ? L('服务券', 'coupon') : L('物品', 'goods')}
              </span>
            </span>
            <span class="catalog-price">
              {item.price} <small>{L('分', 'pts')}</small>
            </span>
            <span class={`muted ${stock > 0 ? '' : 'short'}`}>
              <span class="nowrap">
                {stock > 0 ? L(`还有 ${stock} 件`, `${stock} left`) : L('已兑完', 'all gone')}
              </span>
              {stock > 0 && affordable ? (
                <span class="nowrap"> · {L('积分够', 'you have enough')}</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function VolunteerPage(props: { session: Session }) {
  const passbook = usePassbook('/me/passbook');
  const coupons = useLoad(
    (signal) => get<unknown>('/me/coupons', { signal }).then((b) => itemsOf<Coupon>(b)),
    [],
  );
  const catalog = useLoad((signal) => getAll<CatalogItem>('/catalog-items', signal), []);
  const windowState = useWindowStatus();
  const [donateOpen, setDonateOpen] = useState(false);
  const itemName = (id: number) => catalog.data?.find((i) => i.id === id)?.name;
  const p = passbook.data;
  return (
    <main class="page page-phone" data-testid="volunteer-page">
      <h1 class="sr-only">{L('我的存折', 'My passbook')}</h1>
      {passbook.error && !p ? (
        <ErrorMsg error={passbook.error} ctx={{ subject: 'passbook' }} />
      ) : null}
      {!p && !passbook.error ? <Loading /> : null}
      {p ? (
        <>
          <div class="owner-line">
            <span class="owner-name">{p.owner.name}</span>
            <span class="passbook-no">
              {L('存折号', 'No.')} <strong>{p.passbookNo}</strong>
            </span>
          </div>
          <BalanceCard passbook={p} />
          <YearFacts passbook={p} />
        </>
      ) : null}
      <WishWallSection />
      <MyEventsSection />
      <MyMenuSection />
      <MyObjectionsSection />
      <WindowBanner status={windowState.status} error={windowState.error} />
      <Section title={L('公益坊现在可以兑换', 'What the shop offers now')} testId="shop-offer">
        <ShopOffer catalog={catalog} balance={p?.balance ?? null} />
      </Section>
      <Section title={L('我的服务券', 'My coupons')}>
        {coupons.error ? (
          <ErrorMsg error={coupons.error} />
        ) : coupons.data ? (
          <CouponList coupons={coupons.data} itemName={itemName} />
        ) : (
          <Loading />
        )}
      </Section>
      {p ? (
        <details
          class="card donate"
          open={donateOpen}
          onToggle={(e) => setDonateOpen(e.currentTarget.open)}
        >
          <summary>
            <h2>{L('爱心捐赠', 'Give to a household')}</h2>
            <span class="muted">
              {L(
                '把积分捐给附近的孤寡老人、残疾人和困难家庭',
                'Give points to elderly, disabled and hardship households nearby',
              )}
            </span>
          </summary>
          {donateOpen ? <DonateForm balance={p.balance} onDone={passbook.reload} /> : null}
        </details>
      ) : null}
      {p ? (
        <Section title={L('存折明细', 'Statement')}>
          <ErrorMsg error={passbook.moreError} />
          <StatementList
            entries={p.entries}
            more={
              <MoreButton
                nextCursor={p.nextCursor}
                onMore={passbook.loadMore}
                busy={passbook.moreBusy}
              />
            }
          />
        </Section>
      ) : null}
      {p ? (
        <p class="no-print">
          <Link href={`/print/${encodeURIComponent(p.passbookNo)}`}>
            {L('打印我的存折', 'Print my passbook')}
          </Link>
        </p>
      ) : null}
      <p class="muted small">
        {L(
          `您好，${props.session.name}。用完请点右上角「退出」。`,
          `Hello ${props.session.name}. Tap "Log out" when you are done.`,
        )}
      </p>
    </main>
  );
}
