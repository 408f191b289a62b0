/**
 * The leader's events on a phone (/leader/events): the list of their events, planning one, and the
 * day screen of one event (/leader/events/:id): sign-ups, check-in by scanner, camera, self-scan QR
 * or a tap on the name, 补录 of a forgotten check-out, photos, and closing the event into records.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ApiError,
  currentSession,
  del,
  get,
  post,
  put,
  query,
  Submission,
  type Session,
} from '../api';
import type { components } from '../api-schema';
import { publicAddress } from '../community';
import type { AttendanceView, EventItemView, EventView } from '../events';
import { loadTeamMembers, loadTeams } from '../endpoints';
import { formatDateTime, localInputToIso, todayLocal, trimZeros, unitLabel } from '../format';
import { L } from '../i18n';
import { TEXT_MAX } from '../limits';
import { cleanPassbookNo } from '../passbook-no';
import { formatCents, toCents } from '../points';
import { navigate } from '../router';
import { onScan } from '../scanner';
import type { Member, ServiceRecord, Standard, Team } from '../types';
import { CameraScan } from '../ui/camera-scan';
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
import { QrCode } from '../ui/qr';

// ---- The contract's shapes: the schemas generated into ../api-schema.ts ----

type SignupView = components['schemas']['EventSignupRowDto'];
type CheckInCode = components['schemas']['CheckinCodeDto'];
type PhotoView = components['schemas']['EventPhotoViewDto'];

const PASSBOOK_RE = /^[VH][0-9A-Z]{7}$/;

/** "09:32" of an instant, in the community's zone. */
function clock(iso: string | null): string {
  return iso ? formatDateTime(iso).slice(11) : '';
}

function statusLabel(status: EventView['status']): string {
  switch (status) {
    case 'planned':
      return L('计划中', 'planned');
    case 'closed':
      return L('已结束记分', 'closed');
    case 'cancelled':
      return L('已取消', 'cancelled');
  }
}

function itemLabel(item: EventItemView | undefined, code: string | null): string {
  return item?.name ?? code ?? L('（未选项目）', '(no item)');
}

// ---- /leader/events and /leader/events/:id ----

export function LeaderEventsPage(props: { session: Session; path: string }) {
  const m = /^\/leader\/events\/(\d+)$/.exec(props.path);
  if (m) {
    return <EventDay eventId={Number(m[1])} />;
  }
  return <EventList />;
}

/** Today's events first, then the coming ones (soonest first), then the past (latest first). */
function byDay(events: EventView[], today: string): EventView[] {
  const rank = (e: EventView) => (e.date === today ? 0 : e.date > today ? 1 : 2);
  return [...events].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) {
      return r;
    }
    if (rank(a) === 1) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : a.startsAt < b.startsAt ? -1 : 1;
    }
    return a.date < b.date ? 1 : a.date > b.date ? -1 : a.startsAt < b.startsAt ? -1 : 1;
  });
}

function EventList() {
  const [version, setVersion] = useState(0);
  const events = useLoad(
    (signal) =>
      get<{ items: EventView[] }>(`/events${query({ limit: 100 })}`, { signal }).then(
        (b) => b.items,
      ),
    [version],
  );
  const [planning, setPlanning] = useState(false);
  const today = todayLocal();
  const list = byDay(events.data ?? [], today);
  return (
    <main class="page page-phone ev" data-testid="leader-events">
      <p class="ev-back">
        <Link href="/leader">{L('‹ 记录活动', '‹ Log activity')}</Link>
      </p>
      <h1>{L('我的活动', 'My events')}</h1>
      {planning ? (
        <PlanEvent
          onCancel={() => setPlanning(false)}
          onCreated={(e) => {
            setVersion((v) => v + 1);
            navigate(`/leader/events/${e.id}`);
          }}
        />
      ) : (
        <button
          type="button"
          class="btn btn-primary btn-big ev-wide"
          onClick={() => setPlanning(true)}
          data-testid="plan-event"
        >
          {L('＋ 计划新活动', '+ Plan an event')}
        </button>
      )}
      {events.error ? <ErrorMsg error={events.error} /> : null}
      {!events.data && !events.error ? <Loading /> : null}
      {events.data && list.length === 0 ? (
        <p class="muted">{L('还没有活动。', 'No events yet.')}</p>
      ) : null}
      <ul class="ev-list" data-testid="event-list">
        {list.map((e) => (
          <li key={e.id}>
            <a
              class={`ev-card ev-${e.status} ${e.date === today ? 'ev-today' : ''}`}
              href={`/leader/events/${e.id}`}
              onClick={(ev) => {
                ev.preventDefault();
                navigate(`/leader/events/${e.id}`);
              }}
              data-testid={`event-${e.id}`}
            >
              <span class="ev-card-title">{e.title}</span>
              <span class="ev-card-when">
                {e.date === today ? <strong>{L('今天', 'Today')} </strong> : `${e.date} `}
                <span class="nowrap">
                  {e.startsAt}–{e.endsAt}
                </span>
              </span>
              <span class="ev-card-place muted">{e.place}</span>
              <span class="ev-card-foot">
                <span class={`tag ev-status-${e.status}`}>{statusLabel(e.status)}</span>
                {e.signup ? (
                  <span class="muted">
                    {L(
                      `报名 ${e.signup.signedUp}${e.signup.capacity ? `/${e.signup.capacity}` : ''} 人`,
                      `${e.signup.signedUp}${e.signup.capacity ? `/${e.signup.capacity}` : ''} signed up`,
                    )}
                  </span>
                ) : null}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

function PlanEvent(props: { onCancel: () => void; onCreated: (e: EventView) => void }) {
  const teams = useLoad((signal) => loadTeams(signal), []);
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(todayLocal());
  const [startsAt, setStartsAt] = useState('08:30');
  const [endsAt, setEndsAt] = useState('11:30');
  const [teamIds, setTeamIds] = useState<number[]>([]);
  const [itemCodes, setItemCodes] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [withSignup, setWithSignup] = useState(false);
  const [audience, setAudience] = useState<'teams' | 'community'>('teams');
  const [capacity, setCapacity] = useState('');
  const [deadline, setDeadline] = useState('');
  const standard = useLoad(
    (signal) => get<Standard>(`/standard${query({ date })}`, { signal }),
    [date],
  );
  const action = useAction();

  useEffect(() => {
    if (teams.data?.length === 1 && teamIds.length === 0) {
      setTeamIds([teams.data[0].id]);
    }
  }, [teams.data]);

  const toggle = <T,>(list: T[], v: T): T[] =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  const capacityOk = capacity.trim() === '' || /^[1-9]\d{0,4}$/.test(capacity.trim());
  const deadlineIso = deadline ? localInputToIso(deadline) : null;
  const timesOk = startsAt !== '' && endsAt !== '' && startsAt < endsAt;
  const ready =
    title.trim() !== '' &&
    place.trim() !== '' &&
    date !== '' &&
    timesOk &&
    teamIds.length > 0 &&
    itemCodes.length > 0 &&
    (!withSignup || (capacityOk && (deadline === '' || deadlineIso !== null)));

  const submit = (e: Event) => {
    e.preventDefault();
    if (!ready) {
      return;
    }
    void action.run(async () => {
      const created = await post<EventView>('/events', {
        title: title.trim(),
        place: place.trim(),
        date,
        startsAt,
        endsAt,
        teamIds,
        itemCodes,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(withSignup
          ? {
              signup: {
                audience,
                ...(capacity.trim() ? { capacity: Number(capacity.trim()) } : {}),
                ...(deadlineIso ? { deadline: deadlineIso } : {}),
              },
            }
          : {}),
      });
      props.onCreated(created);
    });
  };

  return (
    <form class="card stack" onSubmit={submit} data-testid="plan-form">
      <h2>{L('计划新活动', 'Plan an event')}</h2>
      <Field label={L('活动名称', 'Title')}>
        <input
          name="title"
          value={title}
          maxLength={TEXT_MAX.activityTitle}
          onInput={(e) => setTitle(inputValue(e))}
          required
        />
      </Field>
      <Field label={L('地点', 'Place')}>
        <input
          name="place"
          value={place}
          maxLength={TEXT_MAX.eventPlace}
          onInput={(e) => setPlace(inputValue(e))}
          required
        />
      </Field>
      <Field label={L('日期', 'Date')}>
        <input
          name="date"
          type="date"
          value={date}
          onInput={(e) => setDate(inputValue(e))}
          required
        />
      </Field>
      <div class="ev-two">
        <Field label={L('开始', 'Starts')}>
          <input
            name="startsAt"
            type="time"
            value={startsAt}
            onInput={(e) => setStartsAt(inputValue(e))}
            required
          />
        </Field>
        <Field label={L('结束', 'Ends')}>
          <input
            name="endsAt"
            type="time"
            value={endsAt}
            onInput={(e) => setEndsAt(inputValue(e))}
            required
          />
        </Field>
      </div>
      {!timesOk && startsAt && endsAt ? (
        <Msg kind="warn">{L('结束时间要晚于开始时间。', 'The end must be after the start.')}</Msg>
      ) : null}
      <fieldset class="ev-fieldset">
        <legend>{L('服务队', 'Teams')}</legend>
        {teams.error ? <ErrorMsg error={teams.error} ctx={{ subject: 'team' }} /> : null}
        {!teams.data && !teams.error ? <Loading /> : null}
        <div class="ev-checks">
          {(teams.data ?? []).map((t: Team) => (
            <label key={t.id} class="ev-check">
              <input
                type="checkbox"
                name="teamIds"
                value={String(t.id)}
                checked={teamIds.includes(t.id)}
                onChange={() => setTeamIds(toggle(teamIds, t.id))}
              />
              <span>{t.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="ev-fieldset">
        <legend>{L('服务项目（可多选）', 'Service items (one or more)')}</legend>
        {standard.error ? <ErrorMsg error={standard.error} /> : null}
        {!standard.data && !standard.error ? <Loading /> : null}
        {(standard.data?.categories ?? []).map((c) => (
          <div key={c.code} class="ev-category">
            <h3>{c.name}</h3>
            <div class="ev-checks">
              {c.items.map((i) => (
                <label key={i.code} class="ev-check">
                  <input
                    type="checkbox"
                    name="itemCodes"
                    value={i.code}
                    checked={itemCodes.includes(i.code)}
                    onChange={() => setItemCodes(toggle(itemCodes, i.code))}
                  />
                  <span>
                    {i.name}
                    <small class="muted">
                      {' '}
                      {trimZeros(i.pointsPerUnit)} {L('分', 'pts')}/{unitLabel(i.unit)}
                    </small>
                  </span>
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <Field label={L('说明（可不填）', 'Description (optional)')}>
        <textarea
          name="description"
          value={description}
          maxLength={TEXT_MAX.eventDescription}
          rows={2}
          onInput={(e) => setDescription(inputValue(e))}
        />
      </Field>
      <label class="ev-check ev-check-strong">
        <input
          type="checkbox"
          name="withSignup"
          checked={withSignup}
          onChange={(e) => setWithSignup(e.currentTarget.checked)}
        />
        <span>{L('开放志愿者报名', 'Open for sign-up')}</span>
      </label>
      {withSignup ? (
        <div class="stack ev-signup-box">
          <div class="ev-checks">
            <label class="ev-check">
              <input
                type="radio"
                name="audience"
                checked={audience === 'teams'}
                onChange={() => setAudience('teams')}
              />
              <span>{L('本队队员', 'Members of the teams')}</span>
            </label>
            <label class="ev-check">
              <input
                type="radio"
                name="audience"
                checked={audience === 'community'}
                onChange={() => setAudience('community')}
              />
              <span>{L('全社区志愿者', 'Every volunteer')}</span>
            </label>
          </div>
          <Field
            label={L('名额（可不填）', 'Places (optional)')}
            hint={L('不填表示不限人数', 'Empty: no limit')}
          >
            <input
              name="capacity"
              inputMode="numeric"
              value={capacity}
              class={capacityOk ? '' : 'invalid'}
              onInput={(e) => setCapacity(inputValue(e))}
            />
          </Field>
          <Field
            label={L('报名截止（可不填）', 'Sign-up deadline (optional)')}
            hint={L('不填则到活动开始为止', 'Empty: until the event starts')}
          >
            <input
              name="deadline"
              type="datetime-local"
              value={deadline}
              onInput={(e) => setDeadline(inputValue(e))}
            />
          </Field>
        </div>
      ) : null}
      <ErrorMsg error={action.error} ctx={{ subject: 'team' }} />
      <div class="ev-buttons">
        <button
          type="submit"
          class="btn btn-primary btn-big"
          disabled={!ready || action.busy}
          data-testid="create-event"
        >
          {action.busy ? L('正在保存…', 'Saving…') : L('保存活动', 'Save the event')}
        </button>
        <button type="button" class="btn btn-secondary btn-big" onClick={props.onCancel}>
          {L('取消', 'Cancel')}
        </button>
      </div>
    </form>
  );
}

// ---- One event's day screen ----

type Ask =
  | { kind: 'checkout'; person: AttendanceView }
  | { kind: 'correct'; person: AttendanceView }
  | { kind: 'edit'; person: AttendanceView };

function EventDay(props: { eventId: number }) {
  const id = props.eventId;
  const base = `/events/${id}`;
  const event = useLoad((signal) => get<EventView>(base, { signal }), [id]);
  const attendance = useLoad(
    (signal) =>
      get<{ items: AttendanceView[] }>(`${base}/attendance`, { signal }).then((b) => b.items),
    [id],
  );
  const signups = useLoad(
    (signal) =>
      event.data?.signup
        ? get<{ items: SignupView[] }>(`${base}/signups`, { signal }).then((b) => b.items)
        : Promise.resolve([] as SignupView[]),
    [id, Boolean(event.data?.signup)],
  );
  const [ask, setAsk] = useState<Ask | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'info' | 'warn'; text: string } | null>(null);
  const [itemCode, setItemCode] = useState('');
  const action = useAction();
  const ev = event.data;
  const people = attendance.data ?? [];
  const planned = ev?.status === 'planned';

  useEffect(() => {
    if (ev && ev.items.length === 1 && itemCode === '') {
      setItemCode(ev.items[0].code);
    }
  }, [ev]);

  useEffect(() => {
    if (notice?.kind !== 'ok') {
      return undefined;
    }
    const timer = window.setTimeout(() => setNotice(null), 8_000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const refresh = () => {
    event.reload();
    attendance.reload();
    signups.reload();
  };

  const upsert = (view: AttendanceView) =>
    attendance.setData((prev) => {
      const list = prev ?? [];
      return list.some((p) => p.memberId === view.memberId)
        ? list.map((p) => (p.memberId === view.memberId ? view : p))
        : [...list, view];
    });

  const checkIn = (who: { passbookNo: string } | { memberId: number }) =>
    action.run(async () => {
      setNotice(null);
      const view = await post<AttendanceView>(`${base}/check-in`, {
        ...who,
        ...(itemCode ? { itemCode } : {}),
      });
      upsert(view);
      setNotice({
        kind: 'ok',
        text: L(
          `${view.name} 已签到 ${clock(view.checkInAt)}`,
          `${view.name} checked in at ${clock(view.checkInAt)}`,
        ),
      });
    });

  const checkOut = (person: AttendanceView) =>
    action.run(async () => {
      setNotice(null);
      const view = await post<AttendanceView>(`${base}/check-out`, { memberId: person.memberId });
      upsert(view);
      setAsk(null);
      setNotice({
        kind: 'ok',
        text: L(
          `${view.name} 已签退 ${clock(view.checkOutAt)}${view.hours ? `，${trimZeros(view.hours)} 小时` : ''}`,
          `${view.name} checked out at ${clock(view.checkOutAt)}${view.hours ? `, ${trimZeros(view.hours)} h` : ''}`,
        ),
      });
    });

  /** A scan or a tap: check in; a second one of someone checked in asks before checking out. */
  const arrive = (
    person: AttendanceView | undefined,
    who: { passbookNo: string } | { memberId: number },
  ) => {
    if (!planned || event.data?.date !== todayLocal()) {
      return;
    }
    if (person?.checkInAt && !person.checkOutAt) {
      setNotice(null);
      setAsk({ kind: 'checkout', person });
      return;
    }
    if (person?.checkInAt && person.checkOutAt) {
      setAsk(null);
      setNotice({
        kind: 'info',
        text: L(
          `${person.name} 已经签到 ${clock(person.checkInAt)}、签退 ${clock(person.checkOutAt)}。时间不对请点「补录」。`,
          `${person.name} already checked in at ${clock(person.checkInAt)} and out at ${clock(person.checkOutAt)}. Use 补录 to correct.`,
        ),
      });
      return;
    }
    setAsk(null);
    void checkIn(who);
  };

  const onPassbook = useRef<(no: string) => void>(() => undefined);
  onPassbook.current = (raw: string) => {
    const no = cleanPassbookNo(raw);
    if (!PASSBOOK_RE.test(no)) {
      setNotice({
        kind: 'warn',
        text: L(`「${raw}」不是存折号。`, `"${raw}" is not a passbook number.`),
      });
      return;
    }
    arrive(
      people.find((p) => p.passbookNo === no),
      { passbookNo: no },
    );
  };
  useEffect(() => onScan((no) => onPassbook.current(no)), []);

  if (event.error) {
    return (
      <main class="page page-phone ev">
        <ErrorMsg error={event.error} />
        <p>
          <Link href="/leader/events">{L('‹ 我的活动', '‹ My events')}</Link>
        </p>
      </main>
    );
  }
  if (!ev) {
    return (
      <main class="page page-phone ev">
        <Loading />
      </main>
    );
  }
  const itemOf = (code: string | null) => ev.items.find((i) => i.code === code);
  // The service checks people in and out on the event's date only (NOT_EVENT_DAY).
  const eventDay = ev.date === todayLocal();
  const open = people.filter((p) => p.checkInAt && !p.checkOutAt);
  const counted = people.filter((p) => p.hours !== null || p.quantity !== null);
  // The list, once loaded, is newer than the event's own count.
  const signedUp = signups.data
    ? signups.data.filter((x) => x.status === 'signed_up').length
    : (ev.signup?.signedUp ?? 0);
  const totalHoursCents = people.reduce((s, p) => s + (toCents(p.hours ?? '0') ?? 0), 0);

  return (
    <main
      class={`page page-phone ev ${ask?.kind === 'checkout' || notice || action.error ? 'ev-sheet-room' : ''}`}
      data-testid="event-day"
    >
      <p class="ev-back">
        <Link href="/leader/events">{L('‹ 我的活动', '‹ My events')}</Link>
      </p>
      <h1 data-testid="event-title">{ev.title}</h1>
      <p class="ev-meta">
        <span class="nowrap">{ev.date}</span>{' '}
        <span class="nowrap">
          {ev.startsAt}–{ev.endsAt}
        </span>{' '}
        <span class={`tag ev-status-${ev.status}`} data-testid="event-status">
          {statusLabel(ev.status)}
        </span>
      </p>
      <p class="ev-meta">{ev.place}</p>
      <p class="muted ev-meta">
        {ev.teams.map((t) => t.name ?? `#${t.id}`).join('、')} ·{' '}
        {ev.items.map((i) => i.name ?? i.code).join('、')}
      </p>
      {ev.cancelReason ? (
        <Msg kind="info">{L(`已取消：${ev.cancelReason}`, `Cancelled: ${ev.cancelReason}`)}</Msg>
      ) : null}

      {planned && !eventDay ? (
        <Msg kind="info" testId="not-event-day">
          {L(
            `签到、签退在活动当天（${ev.date}）开放；现在可以先手工添加参加人员。`,
            `Check-in opens on the day of the event (${ev.date}); participants may be added by hand now.`,
          )}
        </Msg>
      ) : null}
      {planned && eventDay ? (
        <section class="card stack ev-scan" data-testid="scan-box">
          <h2>{L('签到', 'Check-in')}</h2>
          <ScanForm onSubmit={(text) => onPassbook.current(text)} />
          {ev.items.length > 1 ? (
            <Field label={L('签到时记为', 'Check in for')}>
              <select
                name="checkinItem"
                value={itemCode}
                onChange={(e) => setItemCode(inputValue(e))}
              >
                <option value="">{L('稍后再选项目', 'Choose the item later')}</option>
                {ev.items.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name ?? i.code}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <CameraScan onCode={(no) => onPassbook.current(no)} />
        </section>
      ) : null}

      {planned && eventDay ? <SelfCheckInCode eventId={id} /> : null}

      <Section
        title={L(`参加人员（${people.length}）`, `Participants (${people.length})`)}
        testId="attendance"
      >
        <p class="muted small">
          {L(
            `在场 ${open.length} 人 · 合计 ${trimZeros(formatCents(totalHoursCents))} 小时。点名字签到或签退。`,
            `${open.length} here now · ${trimZeros(formatCents(totalHoursCents))} h in all. Tap a name to check in or out.`,
          )}
        </p>
        {attendance.error ? <ErrorMsg error={attendance.error} /> : null}
        {!attendance.data && !attendance.error ? <Loading /> : null}
        <ul class="ev-people" data-testid="attendance-list">
          {people.map((p) => (
            <li
              key={p.memberId}
              class={`ev-person ${p.checkInAt && !p.checkOutAt ? 'ev-here' : ''}`}
              data-testid={`att-${p.memberId}`}
            >
              <button
                type="button"
                class="ev-person-name"
                disabled={!planned || !eventDay}
                onClick={() => arrive(p, { memberId: p.memberId })}
                data-testid={`tap-${p.memberId}`}
              >
                <strong>{p.name}</strong>
                <small class="mono muted">{p.passbookNo}</small>
              </button>
              <div class="ev-person-facts">
                <span>{itemLabel(itemOf(p.itemCode), p.itemCode)}</span>
                {p.checkInAt || p.checkOutAt ? (
                  <span class="nowrap" data-testid="att-times">
                    {clock(p.checkInAt) || '?'}–{clock(p.checkOutAt) || L('在场', 'here')}
                  </span>
                ) : p.quantity ? (
                  <span class="nowrap">
                    {L('手工登记', 'by hand')}
                    {itemOf(p.itemCode)?.unit === 'time'
                      ? ` ${trimZeros(p.quantity)} ${unitLabel('time')}`
                      : ''}
                  </span>
                ) : null}
                <span class="nowrap ev-hours" data-testid="att-hours">
                  {p.hours !== null ? `${trimZeros(p.hours)} ${L('小时', 'h')}` : '—'}
                </span>
                {p.correction ? (
                  <span
                    class="tag ev-corrected"
                    data-testid="att-corrected"
                    title={p.correction.reason}
                  >
                    {L('补录', 'corrected')}：{p.correction.reason}
                  </span>
                ) : null}
                {p.note ? <span class="muted">{p.note}</span> : null}
              </div>
              {planned ? (
                <div class="ev-person-actions">
                  <button
                    type="button"
                    class="btn btn-secondary btn-small"
                    onClick={() => setAsk({ kind: 'correct', person: p })}
                    data-testid={`correct-${p.memberId}`}
                  >
                    {L('补录', 'Correct')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary btn-small"
                    onClick={() => setAsk({ kind: 'edit', person: p })}
                    data-testid={`edit-${p.memberId}`}
                  >
                    {L('修改', 'Edit')}
                  </button>
                </div>
              ) : null}
              {ask && ask.kind !== 'checkout' && ask.person.memberId === p.memberId ? (
                ask.kind === 'correct' ? (
                  <CorrectionForm
                    event={ev}
                    person={p}
                    onDone={(view) => {
                      upsert(view);
                      setAsk(null);
                    }}
                    onCancel={() => setAsk(null)}
                  />
                ) : (
                  <HandForm
                    event={ev}
                    person={p}
                    candidates={[]}
                    onDone={(view) => {
                      if (view) {
                        upsert(view);
                      } else {
                        attendance.setData((prev) =>
                          (prev ?? []).filter((x) => x.memberId !== p.memberId),
                        );
                      }
                      setAsk(null);
                    }}
                    onCancel={() => setAsk(null)}
                  />
                )
              ) : null}
            </li>
          ))}
        </ul>
        {planned ? (
          <AddByHand
            event={ev}
            signups={signups.data ?? []}
            people={people}
            onDone={(view) => view && upsert(view)}
          />
        ) : null}
      </Section>

      {ev.signup ? (
        <Section
          title={L(
            `报名（${signedUp}${ev.signup.capacity ? `/${ev.signup.capacity}` : ''}）`,
            `Sign-ups (${signedUp}${ev.signup.capacity ? `/${ev.signup.capacity}` : ''})`,
          )}
          testId="signups"
          actions={
            <button type="button" class="btn btn-secondary btn-small" onClick={refresh}>
              {L('刷新', 'Refresh')}
            </button>
          }
        >
          <p class="muted small">
            {ev.signup.audience === 'teams'
              ? L('本队队员可报名', 'Open to the teams')
              : L('全社区志愿者可报名', 'Open to every volunteer')}
            {ev.signup.deadline
              ? L(
                  `，截止 ${formatDateTime(ev.signup.deadline)}`,
                  `, until ${formatDateTime(ev.signup.deadline)}`,
                )
              : ''}
          </p>
          {signups.error ? <ErrorMsg error={signups.error} /> : null}
          {signups.data && signups.data.length === 0 ? (
            <p class="muted">{L('还没有人报名。', 'Nobody has signed up yet.')}</p>
          ) : null}
          <ul class="ev-people" data-testid="signup-list">
            {(signups.data ?? []).map((s) => {
              const here = people.find((p) => p.memberId === s.memberId);
              return (
                <li
                  key={s.memberId}
                  class={`ev-person ${s.status === 'withdrawn' ? 'ev-withdrawn' : ''}`}
                  data-testid={`signup-${s.memberId}`}
                >
                  <button
                    type="button"
                    class="ev-person-name"
                    disabled={!planned || !eventDay || s.status === 'withdrawn'}
                    onClick={() => arrive(here, { memberId: s.memberId })}
                    data-testid={`tap-signup-${s.memberId}`}
                  >
                    <strong>{s.name}</strong>
                    <small class="mono muted">{s.passbookNo}</small>
                  </button>
                  <div class="ev-person-facts">
                    {s.status === 'withdrawn' ? (
                      <span class="muted">
                        {L('已退出报名', 'withdrew')} {s.withdrawnAt ? clock(s.withdrawnAt) : ''}
                      </span>
                    ) : (
                      <span class="muted">
                        {L('报名于', 'signed up')} {formatDateTime(s.signedUpAt)}
                      </span>
                    )}
                    {here?.checkInAt ? (
                      <span class="tag">
                        {here.checkOutAt ? L('已签退', 'out') : L('已签到', 'in')}
                      </span>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}

      <Photos eventId={id} canUpload={ev.status !== 'cancelled'} canDelete={planned} />

      {ev.status !== 'cancelled' ? (
        <CloseEvent
          event={ev}
          people={people}
          counted={counted.length}
          onClosed={() => {
            event.reload();
            attendance.reload();
          }}
          onOpenNames={(ids) => people.filter((p) => ids.includes(p.memberId)).map((p) => p.name)}
        />
      ) : null}
      {planned ? <CancelEvent eventId={id} onCancelled={(view) => event.setData(view)} /> : null}
      {planned && (ask?.kind === 'checkout' || notice || action.error) ? (
        // At the bottom of the screen wherever the leader scrolled: a tap far down the list is
        // answered (and a second scan asked about) where it is seen.
        <div class="ev-sheet" data-testid="ev-sheet">
          {ask?.kind === 'checkout' ? (
            <div class="ev-ask" role="alertdialog" aria-live="assertive" data-testid="ask-checkout">
              <p class="ev-ask-text">
                {L(
                  `${ask.person.name}（${clock(ask.person.checkInAt)} 签到）签退？`,
                  `Check out ${ask.person.name} (in at ${clock(ask.person.checkInAt)})?`,
                )}
              </p>
              <div class="ev-buttons">
                <button
                  type="button"
                  class="btn btn-primary btn-big"
                  disabled={action.busy}
                  onClick={() => void checkOut(ask.person)}
                  data-testid="confirm-checkout"
                >
                  {L('签退', 'Check out')}
                </button>
                <button
                  type="button"
                  class="btn btn-secondary btn-big"
                  onClick={() => setAsk(null)}
                >
                  {L('不签退', 'Not now')}
                </button>
              </div>
            </div>
          ) : null}
          {notice ? (
            <Msg kind={notice.kind} testId="scan-notice">
              {notice.text}
            </Msg>
          ) : null}
          <ErrorMsg error={action.error} ctx={{ subject: 'passbook' }} testId="scan-error" />
          {notice || action.error ? (
            <button
              type="button"
              class="btn-link ev-sheet-close"
              onClick={() => {
                setNotice(null);
                action.setError(null);
              }}
            >
              {L('知道了', 'OK')}
            </button>
          ) : null}
        </div>
      ) : null}
    </main>
  );
}

/** The scan box: a USB scanner types here (or anywhere: see scanner.ts); a person may type too. */
function ScanForm(props: { onSubmit: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      class="ev-scan-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) {
          props.onSubmit(text.trim());
          setText('');
        }
      }}
    >
      <Field label={L('扫存折二维码或输入存折号', 'Scan the passbook QR code or type its number')}>
        <input
          name="scan"
          class="input-big mono"
          value={text}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={TEXT_MAX.scannedPassbook}
          onInput={(e) => setText(inputValue(e))}
          data-testid="scan-input"
        />
      </Field>
      <button type="submit" class="btn btn-primary btn-big" disabled={!text.trim()}>
        {L('签到', 'Check in')}
      </button>
    </form>
  );
}

/** The rotating code volunteers scan with their own phone (签到码), fetched again before it expires. */
function SelfCheckInCode(props: { eventId: number }) {
  const [shown, setShown] = useState(false);
  const [code, setCode] = useState<CheckInCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!shown) {
      return undefined;
    }
    let live = true;
    let timer: number | undefined;
    const load = () => {
      get<CheckInCode>(`/events/${props.eventId}/check-in-code`).then(
        (c) => {
          if (!live) {
            return;
          }
          setCode(c);
          setError(null);
          // A few seconds before it goes stale, so a volunteer never scans a dead code.
          const wait = Date.parse(c.validUntil) - Date.now() - 5_000;
          timer = window.setTimeout(load, Math.max(2_000, Math.min(wait, 60_000)));
        },
        (err: unknown) => {
          if (live) {
            setError(err);
            timer = window.setTimeout(load, 10_000);
          }
        },
      );
    };
    load();
    const tick = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      live = false;
      window.clearTimeout(timer);
      window.clearInterval(tick);
    };
  }, [shown, props.eventId]);
  const left = code ? Math.max(0, Math.round((Date.parse(code.validUntil) - now) / 1000)) : 0;
  return (
    <section class="card stack" data-testid="self-checkin">
      <div class="card-head">
        <h2>{L('志愿者自助签到码', 'Self check-in code')}</h2>
      </div>
      <button
        type="button"
        class="btn btn-secondary btn-big ev-wide"
        onClick={() => setShown(!shown)}
        aria-expanded={shown}
        data-testid="toggle-code"
      >
        {shown ? L('收起签到码', 'Hide the code') : L('显示签到码（大）', 'Show the code (big)')}
      </button>
      {shown ? (
        <div class="ev-code">
          {error ? <ErrorMsg error={error} /> : null}
          {code ? (
            <>
              <QrCode
                text={`${publicAddress()}${code.path}`}
                label={L('自助签到二维码', 'Self check-in QR code')}
                size="min(86vw, 22rem)"
              />
              <p class="ev-code-text">
                {L('志愿者用手机扫码签到、签退', 'Volunteers scan this with their phone')}
              </p>
              <p class="muted small" data-testid="code-valid">
                {L(
                  `每 ${code.rotatesEverySeconds} 秒更换，本码还有 ${left} 秒`,
                  `Changes every ${code.rotatesEverySeconds} s; ${left} s left`,
                )}
              </p>
              <span class="sr-only" data-testid="code-value">
                {code.code}
              </span>
            </>
          ) : !error ? (
            <Loading />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** 补录: a forgotten check-out (or check-in) set by the leader, with a reason kept and shown. */
function CorrectionForm(props: {
  event: EventView;
  person: AttendanceView;
  onDone: (view: AttendanceView) => void;
  onCancel: () => void;
}) {
  const { event, person } = props;
  const [inAt, setInAt] = useState(clock(person.checkInAt) || event.startsAt);
  const [outAt, setOutAt] = useState(clock(person.checkOutAt) || event.endsAt);
  const [reason, setReason] = useState('');
  const action = useAction();
  const ready = reason.trim() !== '' && inAt !== '' && outAt !== '' && inAt < outAt;
  return (
    <form
      class="ev-inline stack"
      data-testid="correction-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) {
          return;
        }
        void action.run(async () => {
          const body: Record<string, string> = { reason: reason.trim() };
          if (inAt !== clock(person.checkInAt)) {
            body.checkInAt = localInputToIso(`${event.date}T${inAt}`) ?? '';
          }
          if (outAt !== clock(person.checkOutAt)) {
            body.checkOutAt = localInputToIso(`${event.date}T${outAt}`) ?? '';
          }
          props.onDone(
            await post<AttendanceView>(
              `/events/${event.id}/attendance/${person.memberId}/correction`,
              body,
            ),
          );
        });
      }}
    >
      <p class="small">
        {L(
          `补录 ${person.name} 的签到/签退时间（${event.date}）`,
          `Correct ${person.name}'s times (${event.date})`,
        )}
      </p>
      <div class="ev-two">
        <Field label={L('签到', 'In')}>
          <input
            type="time"
            name="checkInAt"
            value={inAt}
            onInput={(e) => setInAt(inputValue(e))}
          />
        </Field>
        <Field label={L('签退', 'Out')}>
          <input
            type="time"
            name="checkOutAt"
            value={outAt}
            onInput={(e) => setOutAt(inputValue(e))}
          />
        </Field>
      </div>
      <Field label={L('补录原因（必填）', 'Reason (required)')}>
        <input
          name="reason"
          value={reason}
          maxLength={TEXT_MAX.reason}
          placeholder={L('如：忘记签退', 'e.g. forgot to check out')}
          onInput={(e) => setReason(inputValue(e))}
        />
      </Field>
      <ErrorMsg error={action.error} />
      <div class="ev-buttons">
        <button
          type="submit"
          class="btn btn-primary"
          disabled={!ready || action.busy}
          data-testid="save-correction"
        >
          {L('保存补录', 'Save')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={props.onCancel}>
          {L('取消', 'Cancel')}
        </button>
      </div>
    </form>
  );
}

/** The item and quantity of one participant (PUT), or a participant removed (DELETE). */
function HandForm(props: {
  event: EventView;
  person: AttendanceView | null;
  candidates: { memberId: number; name: string; passbookNo: string }[];
  onDone: (view: AttendanceView | null) => void;
  onCancel?: () => void;
}) {
  const { event, person } = props;
  const [memberId, setMemberId] = useState(person ? String(person.memberId) : '');
  const [itemCode, setItemCode] = useState(
    person?.itemCode ?? (event.items.length === 1 ? event.items[0].code : ''),
  );
  const [quantity, setQuantity] = useState(person?.quantity ? trimZeros(person.quantity) : '');
  const [note, setNote] = useState(person?.note ?? '');
  const action = useAction();
  const item = event.items.find((i) => i.code === itemCode);
  const timed = Boolean(person?.checkInAt);
  const qtyOk =
    quantity.trim() === '' ||
    (toCents(quantity) !== null &&
      (toCents(quantity) ?? 0) > 0 &&
      (item?.unit !== 'time' || (toCents(quantity) ?? 0) % 100 === 0));
  const ready = memberId !== '' && itemCode !== '' && qtyOk && (timed || quantity.trim() !== '');
  const send = () =>
    void action.run(async () => {
      props.onDone(
        await put<AttendanceView>(`/events/${event.id}/attendance/${memberId}`, {
          itemCode,
          ...(quantity.trim() ? { quantity: quantity.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    });
  return (
    <form
      class="ev-inline stack"
      data-testid={person ? 'edit-form' : 'hand-form'}
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) {
          send();
        }
      }}
    >
      {person ? null : (
        <Field label={L('志愿者', 'Volunteer')}>
          <select name="memberId" value={memberId} onChange={(e) => setMemberId(inputValue(e))}>
            <option value="">{L('请选择', 'Choose')}</option>
            {props.candidates.map((c) => (
              <option key={c.memberId} value={String(c.memberId)}>
                {c.name} {c.passbookNo}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={L('服务项目', 'Service item')}>
        <select name="itemCode" value={itemCode} onChange={(e) => setItemCode(inputValue(e))}>
          <option value="">{L('请选择', 'Choose')}</option>
          {event.items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name ?? i.code}
              {i.unit ? `（${unitLabel(i.unit)}）` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={
          item?.unit
            ? L(`数量（${unitLabel(item.unit)}）`, `Quantity (${unitLabel(item.unit)})`)
            : L('数量', 'Quantity')
        }
        hint={
          timed ? L('不填则按签到签退时间计', 'Empty: counted from the check-in times') : undefined
        }
      >
        <input
          name="quantity"
          inputMode="decimal"
          value={quantity}
          class={qtyOk ? '' : 'invalid'}
          onInput={(e) => setQuantity(inputValue(e))}
        />
      </Field>
      <Field label={L('备注（可不填）', 'Note (optional)')}>
        <input
          name="note"
          value={note}
          maxLength={TEXT_MAX.note}
          onInput={(e) => setNote(inputValue(e))}
        />
      </Field>
      <ErrorMsg error={action.error} />
      <div class="ev-buttons">
        <button
          type="submit"
          class="btn btn-primary"
          disabled={!ready || action.busy}
          data-testid="save-hand"
        >
          {person ? L('保存', 'Save') : L('加入', 'Add')}
        </button>
        {props.onCancel ? (
          <button type="button" class="btn btn-secondary" onClick={props.onCancel}>
            {L('取消', 'Cancel')}
          </button>
        ) : null}
        {person ? (
          <button
            type="button"
            class="btn btn-danger"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await del(`/events/${event.id}/attendance/${person.memberId}`);
                props.onDone(null);
              })
            }
            data-testid="remove-person"
          >
            {L('移出名单', 'Remove')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A participant logged by hand: one of the teams' members or of the sign-ups. */
function AddByHand(props: {
  event: EventView;
  signups: SignupView[];
  people: AttendanceView[];
  onDone: (view: AttendanceView | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  const teamIds = props.event.teams.map((t) => t.id).join(',');
  const members = useLoad(
    async (signal) => {
      if (!open) {
        return [] as Member[];
      }
      const lists = await Promise.all(
        props.event.teams.map((t) => loadTeamMembers(t.id, signal).catch(() => [] as Member[])),
      );
      return lists.flat();
    },
    [open, teamIds],
  );
  const candidates = useMemo(() => {
    const seen = new Set(props.people.map((p) => p.memberId));
    const out: { memberId: number; name: string; passbookNo: string }[] = [];
    for (const s of props.signups) {
      if (s.status === 'signed_up' && !seen.has(s.memberId)) {
        seen.add(s.memberId);
        out.push({ memberId: s.memberId, name: s.name, passbookNo: s.passbookNo });
      }
    }
    for (const m of members.data ?? []) {
      if (!seen.has(m.id)) {
        seen.add(m.id);
        out.push({ memberId: m.id, name: m.name, passbookNo: m.passbookNo });
      }
    }
    return out;
  }, [props.people, props.signups, members.data]);
  if (!open) {
    return (
      <button
        type="button"
        class="btn btn-secondary btn-big ev-wide"
        onClick={() => setOpen(true)}
        data-testid="add-by-hand"
      >
        {L('＋ 手工添加参加人员', '+ Add a participant by hand')}
      </button>
    );
  }
  return (
    <div class="stack">
      <h3>{L('手工添加参加人员', 'Add a participant by hand')}</h3>
      {members.error ? <ErrorMsg error={members.error} /> : null}
      <HandForm
        key={key}
        event={props.event}
        person={null}
        candidates={candidates}
        onDone={(view) => {
          props.onDone(view);
          setKey((k) => k + 1);
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      ok(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => fail(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** A phone's photo is sent at web size: the service keeps evidence photos, not camera originals. */
const PHOTO_EDGE_PX = 1600;
const PHOTO_KEEP_BYTES = 1_000_000;

/** The photo as {contentType, base64}: small ones as they are, big ones redrawn as a JPEG. */
async function photoPayload(file: File): Promise<{ contentType: string; data: string }> {
  const data = await readAsBase64(file);
  if (file.size <= PHOTO_KEEP_BYTES) {
    return { contentType: file.type, data };
  }
  try {
    // A data: address, since the pages' CSP allows no blob: images.
    const image = new Image();
    image.src = `data:${file.type};base64,${data}`;
    await image.decode();
    const scale = Math.min(1, PHOTO_EDGE_PX / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', 0.85);
    return { contentType: 'image/jpeg', data: url.slice(url.indexOf(',') + 1) };
  } catch {
    // Not decodable here: sent as it is, and the service says what it thinks of it.
    return { contentType: file.type, data };
  }
}

/** The image through the session's token, as a data: address (the pages' CSP allows no blob:). */
function PhotoThumb(props: { eventId: number; photo: PhotoView }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const token = currentSession()?.token;
    fetch(`/api/events/${props.eventId}/photos/${props.photo.id}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    })
      .then((r) => (r.ok ? r.blob() : null))
      .then((b) =>
        b
          ? new Promise<string>((ok) => {
              const reader = new FileReader();
              reader.onload = () => ok(typeof reader.result === 'string' ? reader.result : '');
              reader.readAsDataURL(b);
            })
          : null,
      )
      .then((data) => {
        if (data && live) {
          setUrl(data);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [props.photo.id]);
  return url ? (
    <img class="ev-photo" src={url} alt={L('活动照片', 'Event photo')} data-testid="photo" />
  ) : (
    <span class="ev-photo ev-photo-empty" data-testid="photo" />
  );
}

function Photos(props: { eventId: number; canUpload: boolean; canDelete: boolean }) {
  const photos = useLoad(
    (signal) =>
      get<{ items: PhotoView[] }>(`/events/${props.eventId}/photos`, { signal }).then(
        (b) => b.items,
      ),
    [props.eventId],
  );
  const action = useAction();
  const [warn, setWarn] = useState<string | null>(null);
  const upload = (files: FileList | null) => {
    const list = Array.from(files ?? []);
    if (list.length === 0) {
      return;
    }
    setWarn(null);
    void action.run(async () => {
      for (const file of list) {
        if (!PHOTO_TYPES.includes(file.type)) {
          setWarn(
            L(
              `「${file.name}」不是 JPEG、PNG 或 WebP 照片，没有上传。`,
              `"${file.name}" is not a JPEG, PNG or WebP photo; not uploaded.`,
            ),
          );
          continue;
        }
        const saved = await post<PhotoView>(
          `/events/${props.eventId}/photos`,
          await photoPayload(file),
        );
        photos.setData((prev) => [...(prev ?? []), saved]);
      }
    });
  };
  return (
    <Section title={L('活动照片', 'Photos')} testId="photos">
      {photos.error ? <ErrorMsg error={photos.error} /> : null}
      <div class="ev-photos">
        {(photos.data ?? []).map((p) => (
          <div key={p.id} class="ev-photo-box">
            <PhotoThumb eventId={props.eventId} photo={p} />
            {props.canDelete ? (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    await del(`/events/${props.eventId}/photos/${p.id}`);
                    photos.setData((prev) => (prev ?? []).filter((x) => x.id !== p.id));
                  })
                }
              >
                {L('删除', 'Delete')}
              </button>
            ) : null}
          </div>
        ))}
      </div>
      {props.canUpload ? (
        <label class="btn btn-secondary btn-big ev-wide ev-file">
          {action.busy
            ? L('正在上传…', 'Uploading…')
            : L('拍照或选照片上传', 'Take or choose photos')}
          <input
            type="file"
            accept="image/*"
            multiple
            class="sr-only"
            onChange={(e) => {
              upload(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
            data-testid="photo-input"
          />
        </label>
      ) : null}
      {warn ? <Msg kind="warn">{warn}</Msg> : null}
      <ErrorMsg error={action.error} />
    </Section>
  );
}

/** Why one participant cannot become a service record yet (attendance-lines.ts reasons). */
function rowProblem(reason: unknown): string {
  switch (reason) {
    case 'STILL_CHECKED_IN':
      return L('还没签退', 'still checked in');
    case 'ITEM_NOT_CHOSEN':
      return L('没有选服务项目', 'no item chosen');
    case 'ITEM_NOT_IN_STANDARD':
      return L('项目不在现行积分标准里', 'item not in the standard');
    case 'QUANTITY_REQUIRED':
      return L('没有签到签退，请填写服务小时数', 'no times: enter the hours');
    case 'NO_TIME_IN_EVENT':
      return L(
        '签到签退之间不足一个计时单位（或不在活动时间内）',
        'less than one counted unit of time within the event',
      );
    default:
      return L('信息不完整', 'incomplete');
  }
}

/** What the close refusals mean for the leader, with the names the details give by id. */
function closeProblem(
  err: unknown,
  nameOf: (memberId: unknown) => string,
): { text: string; duplicate: boolean } | null {
  if (!(err instanceof ApiError)) {
    return null;
  }
  const d = err.details;
  const reason = typeof d.reason === 'string' ? d.reason : '';
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  // Rows that cannot become a record yet, one field per participant with its reason.
  const rows = list(d.fields).filter((f) => f.memberId !== undefined);
  if (err.code === 'VALIDATION_FAILED' && rows.length > 0) {
    const parts = rows.map((f) => `${nameOf(f.memberId)}：${rowProblem(f.reason)}`);
    return {
      duplicate: false,
      text: L(
        `还不能结束：${parts.join('；')}。请点「修改」或「补录」改好后再结束。`,
        `Not yet: ${parts.join('; ')}. Fix them with Edit or 补录, then close.`,
      ),
    };
  }
  switch (reason) {
    case 'ATTENDANCE_OPEN': {
      const names = list(d.memberIds).map((id) => nameOf(id));
      return {
        duplicate: false,
        text: L(
          `还有人签到后没有签退：${names.join('、')}。请先给他们签退，忘记签退的用「补录」填上时间，再结束活动。`,
          `Checked in but not out: ${names.join(', ')}. Check them out (or 补录 a forgotten check-out) first.`,
        ),
      };
    }
    case 'EVENT_EMPTY':
      return {
        duplicate: false,
        text: L(
          '还没有任何人参加（没有签到，也没有手工添加），没有可以记分的。',
          'Nobody attended (no check-in, nobody added by hand): there is nothing to record.',
        ),
      };
    case 'LIKELY_DUPLICATE': {
      const names = [...new Set(list(d.duplicates).map((x) => nameOf(x.memberId)))];
      return {
        duplicate: true,
        text: L(
          `${names.join('、')} 今天已经有同一项目的服务记录，可能重复记了。如果这确实是另一次服务，请按「确认是另一次服务」；如果是记重了，请在名单里点「修改」→「移出名单」。`,
          `${names.join(', ')} already have a record of the same item today: maybe logged twice. If this really is another service, confirm; otherwise remove them.`,
        ),
      };
    }
    case 'OVERLAPPING_SERVICE': {
      const parts = list(d.overlaps).map((x) => {
        const where =
          typeof x.eventTitle === 'string' ? x.eventTitle : L('另一条记录', 'another record');
        const from = typeof x.startedAt === 'string' ? clock(x.startedAt) : '?';
        const to = typeof x.endedAt === 'string' ? clock(x.endedAt) : '?';
        return L(
          `${nameOf(x.memberId)} 在「${where}」${from}–${to}`,
          `${nameOf(x.memberId)} at "${where}" ${from}–${to}`,
        );
      });
      return {
        duplicate: false,
        text: L(
          `服务时间和已有记录重叠：${parts.join('；')}。一个人同一时间只能在一处服务，请「补录」改正时间或把他移出名单。`,
          `Overlaps an existing record: ${parts.join('; ')}. Correct the times (补录) or remove them.`,
        ),
      };
    }
    default:
      return null;
  }
}

function CloseEvent(props: {
  event: EventView;
  people: AttendanceView[];
  counted: number;
  onClosed: () => void;
  onOpenNames: (ids: number[]) => string[];
}) {
  const [submission] = useState(() => new Submission());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ServiceRecord[] | null>(null);
  const action = useAction();
  const nameOf = (id: unknown) =>
    props.people.find((p) => p.memberId === Number(id))?.name ??
    L(`志愿者 #${String(id)}`, `volunteer #${String(id)}`);
  const problem = closeProblem(action.error, nameOf);
  const close = (confirmDuplicate: boolean) =>
    void action
      .run(async () => {
        const res = await submission.send<{ event: EventView; records: ServiceRecord[] }>(
          'POST',
          `/events/${props.event.id}/close`,
          confirmDuplicate ? { confirmDuplicate: true } : {},
        );
        setResult(res.records);
        props.onClosed();
      })
      // After a refusal its explanation stands alone; the question is asked again on the next try.
      .then(() => setConfirming(false));
  if (result) {
    const points = result.reduce((s, r) => s + (toCents(r.points) ?? 0), 0);
    const pending = result.filter((r) => r.status === 'pending').length;
    return (
      <Msg kind="ok" testId="close-done">
        {L(
          `活动已结束：记了 ${result.length} 条服务记录，共 ${formatCents(points)} 分${pending ? `（${pending} 条待管理员审核后入账）` : ''}。`,
          `Closed: ${result.length} records, ${formatCents(points)} points${pending ? ` (${pending} await approval)` : ''}.`,
        )}
      </Msg>
    );
  }
  if (props.event.status === 'closed') {
    return (
      <Msg kind="info" testId="closed-already">
        {L(
          `活动已于 ${formatDateTime(props.event.closedAt ?? '')} 结束记分。`,
          `Closed on ${formatDateTime(props.event.closedAt ?? '')}.`,
        )}
      </Msg>
    );
  }
  const open = props.people.filter((p) => p.checkInAt && !p.checkOutAt);
  return (
    <section class="card stack" data-testid="close-event">
      <h2>{L('结束活动并记分', 'Close and record')}</h2>
      <p class="muted small">
        {L(
          `结束后按签到签退时间（或手工填的数量）给 ${props.counted} 人记服务记录，之后不能再签到。`,
          `Records for ${props.counted} people from their times (or quantities); no check-in after that.`,
        )}
      </p>
      {open.length ? (
        <Msg kind="warn">
          {L(
            `还有 ${open.length} 人在场未签退：${open.map((p) => p.name).join('、')}。`,
            `${open.length} still checked in: ${open.map((p) => p.name).join(', ')}.`,
          )}
        </Msg>
      ) : null}
      {problem ? (
        <Msg kind="error" testId="close-error">
          {problem.text}
        </Msg>
      ) : (
        <ErrorMsg
          error={action.error}
          testId="close-error"
          ctx={{
            memberName: (id) => props.people.find((p) => p.memberId === Number(id))?.name,
            standardItemName: (code) =>
              props.event.items.find((i) => i.code === String(code))?.name ?? undefined,
          }}
        />
      )}
      {problem?.duplicate ? (
        <button
          type="button"
          class="btn btn-primary btn-big ev-wide"
          disabled={action.busy}
          onClick={() => close(true)}
          data-testid="confirm-distinct"
        >
          {L('确认是另一次服务', 'Confirm: another service')}
        </button>
      ) : null}
      {confirming ? (
        <div class="ev-ask" data-testid="ask-close">
          <p class="ev-ask-text">
            {L(`结束「${props.event.title}」并记分？`, `Close "${props.event.title}" and record?`)}
          </p>
          <div class="ev-buttons">
            <button
              type="button"
              class="btn btn-primary btn-big"
              disabled={action.busy}
              onClick={() => close(false)}
              data-testid="confirm-close"
            >
              {action.busy ? L('正在记分…', 'Recording…') : L('结束并记分', 'Close')}
            </button>
            <button
              type="button"
              class="btn btn-secondary btn-big"
              onClick={() => setConfirming(false)}
            >
              {L('再等等', 'Not yet')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class={`btn ${problem?.duplicate ? 'btn-secondary' : 'btn-primary'} btn-big ev-wide`}
          onClick={() => {
            action.setError(null);
            setConfirming(true);
          }}
          data-testid="close-button"
        >
          {L('结束活动并记分', 'Close the event')}
        </button>
      )}
    </section>
  );
}

function CancelEvent(props: { eventId: number; onCancelled: (view: EventView) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  if (!open) {
    return (
      <p class="ev-cancel-link">
        <button type="button" class="btn-link" onClick={() => setOpen(true)}>
          {L('取消这次活动…', 'Cancel this event…')}
        </button>
      </p>
    );
  }
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          return;
        }
        void action.run(async () => {
          props.onCancelled(
            await post<EventView>(`/events/${props.eventId}/cancel`, { reason: reason.trim() }),
          );
          setOpen(false);
        });
      }}
    >
      <Field label={L('取消原因（报名的志愿者会看到）', 'Reason (volunteers see it)')}>
        <input
          name="cancelReason"
          value={reason}
          maxLength={TEXT_MAX.reason}
          onInput={(e) => setReason(inputValue(e))}
        />
      </Field>
      <ErrorMsg error={action.error} />
      <div class="ev-buttons">
        <button type="submit" class="btn btn-danger" disabled={!reason.trim() || action.busy}>
          {L('取消活动', 'Cancel the event')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
          {L('不取消', 'Keep it')}
        </button>
      </div>
    </form>
  );
}
