import { useState } from 'preact/hooks';
import type { components } from '../api-schema';
import { get, getAll, itemsOf, post, query, Submission } from '../api';
import { loadTeamMembers } from '../endpoints';
import { L } from '../i18n';
import { TEXT_MAX } from '../limits';
import type { Member, Standard } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Msg,
  Section,
  Stars,
  useAction,
  useLoad,
} from '../ui/components';

// The service menu (点单): the menu and "my orders" on /me, a household's order at the counter,
// and the team's orders on the leader's page (accept with assignees, decline, confirm done).

// The answers' types: the schemas generated into ../api-schema.ts.
export type MenuItemView = components['schemas']['MenuItemViewDto'];

export type OrderStatus = OrderView['status'];

export type OrderView = components['schemas']['OrderViewDto'];

/** The state of an order in words a resident reads. */
export function orderStatusLabel(status: OrderStatus): string {
  switch (status) {
    case 'placed':
      return L('已下单，等待服务队接单', 'Placed: waiting for the team');
    case 'accepted':
      return L('服务队已接单', 'Accepted by the team');
    case 'declined':
      return L('服务队婉拒了', 'Declined by the team');
    case 'done':
      return L('服务已完成', 'Done');
    case 'cancelled':
      return L('已取消', 'Cancelled');
  }
}

/** Preferred time, place and note of an order. */
function OrderFacts(props: { order: OrderView }) {
  const o = props.order;
  return (
    <>
      <p class="muted">
        {L('时间', 'When')}：{o.preferredTime} · {L('地点', 'Where')}：{o.place}
      </p>
      {o.note ? <p class="muted">{o.note}</p> : null}
      {o.assignees.length > 0 ? (
        <p class="muted" data-testid="assignees">
          {L('服务志愿者', 'Volunteers')}：{o.assignees.map((a) => a.name).join('、')}
        </p>
      ) : null}
      {o.status === 'declined' && o.declineReason ? (
        <p class="muted">
          {L('原因', 'Reason')}：{o.declineReason}
        </p>
      ) : null}
      {o.rating ? (
        <p data-testid="order-rating">
          <Stars stars={o.rating.stars} /> {o.rating.comment ?? ''}
        </p>
      ) : null}
    </>
  );
}

/** Preferred time, place and note: the order form of a resident (on /me) or a household (counter). */
function OrderForm(props: {
  item: MenuItemView;
  path: string;
  extra?: Record<string, unknown>;
  onDone: (order: OrderView) => void;
  onCancel: () => void;
}) {
  const [preferredTime, setPreferredTime] = useState('');
  const [place, setPlace] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const ready = preferredTime.trim() !== '' && place.trim() !== '';
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const order = await post<OrderView>(props.path, {
        menuItemId: props.item.id,
        ...props.extra,
        preferredTime: preferredTime.trim(),
        place: place.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onDone(order);
    });
  };
  return (
    <form class="stack" onSubmit={submit} data-testid="order-form">
      <Field
        label={L('希望的时间', 'Preferred time')}
        hint={L('如：周六上午', 'e.g. Saturday morning')}
      >
        <input
          value={preferredTime}
          maxLength={TEXT_MAX.preferredTime}
          onInput={(e) => setPreferredTime(inputValue(e))}
          data-testid="order-time"
        />
      </Field>
      <Field
        label={L('服务地点', 'Place')}
        hint={L('如：3号楼2单元501', 'e.g. building 3, flat 501')}
      >
        <input
          value={place}
          maxLength={TEXT_MAX.orderPlace}
          onInput={(e) => setPlace(inputValue(e))}
          data-testid="order-place"
        />
      </Field>
      <Field label={L('备注（可不填）', 'Note (optional)')}>
        <input value={note} maxLength={TEXT_MAX.note} onInput={(e) => setNote(inputValue(e))} />
      </Field>
      <ErrorMsg error={action.error} testId="order-error" />
      <div class="row">
        <button
          type="submit"
          class="btn btn-primary btn-big"
          disabled={!ready || action.busy}
          data-testid="order-submit"
        >
          {action.busy ? L('正在下单…', 'Ordering…') : L('确认点单', 'Place the order')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onCancel}>
          {L('不点了', 'Back')}
        </button>
      </div>
    </form>
  );
}

/** The menu as cards, each with its 点单 button opening the order form. */
function MenuList(props: {
  items: MenuItemView[];
  path: string;
  extra?: Record<string, unknown>;
  onOrdered: (order: OrderView) => void;
}) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <ul class="plain-list event-list">
      {props.items.map((item) => (
        <li class="event-card" key={item.id} data-testid={`menu-${item.id}`}>
          <h3 class="event-title">{item.title}</h3>
          <p class="muted">
            {item.teamName ?? ''} · {item.availability}
          </p>
          {item.description ? <p class="muted event-description">{item.description}</p> : null}
          {open === item.id ? (
            <OrderForm
              item={item}
              path={props.path}
              extra={props.extra}
              onCancel={() => setOpen(null)}
              onDone={(order) => {
                setOpen(null);
                props.onOrdered(order);
              }}
            />
          ) : (
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => setOpen(item.id)}
              data-testid={`order-${item.id}`}
            >
              {L('我要点单', 'Order this')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Stars 1–5 and a short comment, given once after the order is done. */
function RatingForm(props: { path: string; onDone: () => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const action = useAction();
  return (
    <div class="stack" data-testid="rating-form">
      <div class="row" role="radiogroup" aria-label={L('评分', 'Rating')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            type="button"
            key={n}
            role="radio"
            aria-checked={stars === n}
            class={`btn ${stars >= n ? 'btn-primary' : 'btn-secondary'}`}
            onClick={() => setStars(n)}
            data-testid={`star-${n}`}
          >
            {n}★
          </button>
        ))}
      </div>
      <Field label={L('说两句（可不填）', 'A comment (optional)')}>
        <input
          value={comment}
          maxLength={TEXT_MAX.ratingComment}
          onInput={(e) => setComment(inputValue(e))}
          data-testid="rating-comment"
        />
      </Field>
      <ErrorMsg error={action.error} testId="rating-error" />
      <button
        type="button"
        class="btn btn-primary"
        disabled={stars === 0 || action.busy}
        data-testid="rating-submit"
        onClick={() =>
          void action.run(async () => {
            await post(props.path, {
              rating: stars,
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            });
            props.onDone();
          })
        }
      >
        {L('提交评价', 'Send the rating')}
      </button>
    </div>
  );
}

/** One order as its orderer sees it: state, facts, cancel before done, rate after. */
function MyOrderCard(props: { order: OrderView; base: string; onChanged: () => void }) {
  const o = props.order;
  const action = useAction();
  const open = o.status === 'placed' || o.status === 'accepted';
  return (
    <li class="event-card" data-testid={`my-order-${o.id}`}>
      <h3 class="event-title">{o.title}</h3>
      <p
        class={`event-mine ${o.status === 'done' ? 'event-mine-yes' : ''}`}
        data-testid="order-status"
      >
        {orderStatusLabel(o.status)}
      </p>
      <OrderFacts order={o} />
      <ErrorMsg error={action.error} />
      {open ? (
        <button
          type="button"
          class="btn btn-secondary"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await post(`${props.base}/${o.id}/cancel`, {});
              props.onChanged();
            })
          }
        >
          {L('取消这张单', 'Cancel this order')}
        </button>
      ) : null}
      {o.status === 'done' && !o.rating ? (
        <RatingForm path={`${props.base}/${o.id}/rating`} onDone={props.onChanged} />
      ) : null}
    </li>
  );
}

/** 服务菜单 and 我的点单 on the volunteer page. */
export function MyMenuSection() {
  const menu = useLoad(
    (signal) => get<{ items: MenuItemView[] }>('/menu-items', { signal }).then((b) => b.items),
    [],
  );
  const orders = useLoad(
    (signal) => get<unknown>('/me/orders', { signal }).then((b) => itemsOf<OrderView>(b)),
    [],
  );
  const [placed, setPlaced] = useState<OrderView | null>(null);
  return (
    <>
      <Section title={L('服务菜单（点单）', 'Service menu')} testId="my-menu">
        {menu.error ? <ErrorMsg error={menu.error} /> : null}
        {!menu.data && !menu.error ? <Loading /> : null}
        {menu.data && menu.data.length === 0 ? (
          <p class="muted">{L('菜单上暂时没有服务。', 'Nothing on the menu yet.')}</p>
        ) : null}
        {placed ? (
          <Msg kind="ok" testId="order-placed">
            {L(
              `点单成功：「${placed.title}」。服务队接单后，这里会显示谁来为您服务。`,
              `Ordered "${placed.title}". Once the team accepts, you will see who comes.`,
            )}
          </Msg>
        ) : null}
        {menu.data && menu.data.length > 0 ? (
          <MenuList
            items={menu.data}
            path="/me/orders"
            onOrdered={(order) => {
              setPlaced(order);
              orders.reload();
            }}
          />
        ) : null}
      </Section>
      <Section title={L('我的点单', 'My orders')} testId="my-orders">
        {orders.error ? <ErrorMsg error={orders.error} /> : null}
        {orders.data && orders.data.length === 0 ? (
          <p class="muted">{L('您还没有点过单。', 'No orders yet.')}</p>
        ) : null}
        {orders.data && orders.data.length > 0 ? (
          <ul class="plain-list event-list">
            {orders.data.map((o) => (
              <MyOrderCard key={o.id} order={o} base="/me/orders" onChanged={orders.reload} />
            ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}

/** At the counter: ordering for the household whose passbook is open, and its orders. */
export function HouseholdOrdersSection(props: { householdId: number; householdName: string }) {
  const menu = useLoad(
    (signal) => get<{ items: MenuItemView[] }>('/menu-items', { signal }).then((b) => b.items),
    [],
  );
  const orders = useLoad(
    (signal) =>
      get<unknown>(`/orders${query({ householdId: props.householdId })}`, { signal }).then((b) =>
        itemsOf<OrderView>(b),
      ),
    [props.householdId],
  );
  const [placed, setPlaced] = useState<OrderView | null>(null);
  return (
    <Section
      title={L(`为「${props.householdName}」点单`, `Order for ${props.householdName}`)}
      testId="household-orders"
    >
      {placed ? (
        <Msg kind="ok" testId="order-placed">
          {L(`已为这户下单：「${placed.title}」。`, `Ordered "${placed.title}" for the household.`)}
        </Msg>
      ) : null}
      {menu.error ? <ErrorMsg error={menu.error} /> : null}
      {menu.data ? (
        <MenuList
          items={menu.data}
          path="/orders"
          extra={{ householdId: props.householdId }}
          onOrdered={(order) => {
            setPlaced(order);
            orders.reload();
          }}
        />
      ) : null}
      {orders.data && orders.data.length > 0 ? (
        <>
          <h3>{L('这户的点单', "The household's orders")}</h3>
          <ul class="plain-list event-list">
            {orders.data.map((o) => (
              <MyOrderCard key={o.id} order={o} base="/orders" onChanged={orders.reload} />
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

/** A placed order on the leader's page: accept (ticking the team's members) or decline with a reason. */
function PlacedActions(props: { order: OrderView; members: Member[]; onChanged: () => void }) {
  const [ticked, setTicked] = useState<number[]>([]);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const toggle = (id: number) =>
    setTicked((t) => (t.includes(id) ? t.filter((x) => x !== id) : [...t, id]));
  const o = props.order;
  return (
    <div class="stack">
      <fieldset class="stack">
        <legend>{L('派谁去服务', 'Who goes')}</legend>
        {props.members.map((m) => (
          <label class="row" key={m.id}>
            <input
              type="checkbox"
              checked={ticked.includes(m.id)}
              onChange={() => toggle(m.id)}
              data-testid={`assign-${o.id}-${m.id}`}
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      <ErrorMsg error={action.error} />
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={ticked.length === 0 || action.busy}
          data-testid={`accept-${o.id}`}
          onClick={() =>
            void action.run(async () => {
              await post(`/orders/${o.id}/accept`, { memberIds: ticked });
              props.onChanged();
            })
          }
        >
          {L(`接单（${ticked.length} 人）`, `Accept (${ticked.length})`)}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => setDeclining(!declining)}>
          {L('婉拒', 'Decline')}
        </button>
      </div>
      {declining ? (
        <div class="stack">
          <Field label={L('婉拒的原因（居民会看到）', 'Why (the resident sees it)')}>
            <input
              value={reason}
              maxLength={TEXT_MAX.reason}
              onInput={(e) => setReason(inputValue(e))}
              data-testid={`decline-reason-${o.id}`}
            />
          </Field>
          <button
            type="button"
            class="btn btn-danger"
            disabled={reason.trim() === '' || action.busy}
            data-testid={`decline-${o.id}`}
            onClick={() =>
              void action.run(async () => {
                await post(`/orders/${o.id}/decline`, { reason: reason.trim() });
                props.onChanged();
              })
            }
          >
            {L('确定婉拒', 'Decline the order')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** An accepted order: each assignee's quantity (hours or times), then confirm done. */
function AcceptedActions(props: { order: OrderView; onChanged: () => void }) {
  const o = props.order;
  const [quantities, setQuantities] = useState<Record<number, string>>(() =>
    Object.fromEntries(o.assignees.map((a) => [a.memberId, o.unit === 'time' ? '1' : ''])),
  );
  const [submission] = useState(() => new Submission());
  const action = useAction();
  const unit = o.unit === 'hour' ? L('小时', 'hours') : L('次', 'times');
  const served = o.assignees.filter((a) => (quantities[a.memberId] ?? '').trim() !== '');
  return (
    <div class="stack">
      {o.assignees.map((a) => (
        <Field
          key={a.memberId}
          label={`${a.name}（${unit}）`}
          hint={L('没去的留空', 'Blank: did not serve')}
        >
          <input
            inputMode="decimal"
            value={quantities[a.memberId] ?? ''}
            onInput={(e) => setQuantities({ ...quantities, [a.memberId]: inputValue(e) })}
            data-testid={`quantity-${o.id}-${a.memberId}`}
          />
        </Field>
      ))}
      <ErrorMsg error={action.error} ctx={{ subject: 'team' }} />
      <button
        type="button"
        class="btn btn-primary"
        disabled={served.length === 0 || action.busy}
        data-testid={`done-${o.id}`}
        onClick={() =>
          void action.run(async () => {
            await submission.send('POST', `/orders/${o.id}/done`, {
              volunteers: served.map((a) => ({
                memberId: a.memberId,
                quantity: quantities[a.memberId].trim(),
              })),
            });
            props.onChanged();
          })
        }
      >
        {L('确认服务完成', 'Confirm done')}
      </button>
    </div>
  );
}

/** 发布服务: a leader puts a service of their team on the menu (an item of today's standard). */
function PublishMenuItem(props: { teamId: number; onDone: () => void }) {
  const standard = useLoad((signal) => get<Standard>('/standard', { signal }), []);
  const [itemCode, setItemCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [availability, setAvailability] = useState('');
  const [open, setOpen] = useState(false);
  const action = useAction();
  const ready = itemCode !== '' && title.trim() !== '' && availability.trim() !== '';
  if (!open) {
    return (
      <button type="button" class="btn btn-secondary" onClick={() => setOpen(true)}>
        {L('发布一项服务到菜单', 'Put a service on the menu')}
      </button>
    );
  }
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await post('/menu-items', {
        teamId: props.teamId,
        itemCode,
        title: title.trim(),
        availability: availability.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setOpen(false);
      setTitle('');
      setDescription('');
      setAvailability('');
      props.onDone();
    });
  };
  return (
    <form class="stack" onSubmit={submit} data-testid="publish-menu-item">
      <Field label={L('记分项目', 'Scoring item')}>
        <select value={itemCode} onChange={(e) => setItemCode(inputValue(e))}>
          <option value="">{L('请选择', 'Choose')}</option>
          {(standard.data?.categories ?? []).flatMap((c) =>
            c.items.map((i) => (
              <option key={i.code} value={i.code}>
                {c.name} · {i.name}
              </option>
            )),
          )}
        </select>
      </Field>
      <Field label={L('服务名称', 'Title')}>
        <input
          value={title}
          maxLength={TEXT_MAX.menuTitle}
          onInput={(e) => setTitle(inputValue(e))}
        />
      </Field>
      <Field label={L('服务说明（可不填）', 'Description (optional)')}>
        <textarea
          value={description}
          maxLength={TEXT_MAX.menuDescription}
          onInput={(e) => setDescription(inputValue(e))}
        />
      </Field>
      <Field
        label={L('服务时间', 'When it is offered')}
        hint={L('如：每周六上午', 'e.g. Saturday mornings')}
      >
        <input
          value={availability}
          maxLength={TEXT_MAX.availability}
          onInput={(e) => setAvailability(inputValue(e))}
        />
      </Field>
      <ErrorMsg error={action.error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={!ready || action.busy}>
          {L('发布', 'Publish')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
          {L('不发布', 'Back')}
        </button>
      </div>
    </form>
  );
}

/** 服务队的点单 on the leader's page: the teams' orders, newest first. */
export function TeamOrdersSection(props: { teamId: number | null; onLogged?: () => void }) {
  const orders = useLoad(
    (signal) =>
      props.teamId === null
        ? Promise.resolve([] as OrderView[])
        : getAll<OrderView>(`/orders${query({ teamId: props.teamId })}`, signal),
    [props.teamId],
  );
  const members = useLoad(
    (signal) =>
      props.teamId === null
        ? Promise.resolve([] as Member[])
        : loadTeamMembers(props.teamId, signal),
    [props.teamId],
  );
  return (
    <Section title={L('居民点单', 'Orders from residents')} testId="team-orders">
      {props.teamId !== null ? (
        <PublishMenuItem teamId={props.teamId} onDone={orders.reload} />
      ) : null}
      {orders.error ? <ErrorMsg error={orders.error} /> : null}
      {orders.data && orders.data.length === 0 ? (
        <p class="muted">{L('还没有居民点这个队的服务。', 'No orders for this team yet.')}</p>
      ) : null}
      {orders.data && orders.data.length > 0 ? (
        <ul class="plain-list event-list">
          {orders.data.map((o) => (
            <li class="event-card" key={o.id} data-testid={`team-order-${o.id}`}>
              <h3 class="event-title">
                {o.title} · {o.orderedFor.name}
              </h3>
              <p class="event-mine" data-testid="order-status">
                {orderStatusLabel(o.status)}
              </p>
              <OrderFacts order={o} />
              {o.status === 'placed' ? (
                <PlacedActions order={o} members={members.data ?? []} onChanged={orders.reload} />
              ) : null}
              {o.status === 'accepted' ? (
                <AcceptedActions
                  order={o}
                  onChanged={() => {
                    orders.reload();
                    props.onLogged?.();
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
