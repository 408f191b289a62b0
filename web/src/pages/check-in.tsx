import { useEffect, useState } from 'preact/hooks';
import { get, itemsOf, post } from '../api';
import {
  checkInParams,
  clockTime,
  eventErrorSentence,
  type AttendanceView,
  type MyEvent,
} from '../events';
import { formatHours } from '../format';
import { L } from '../i18n';
import { EventWhen } from '../ui/event-when';
import { Link, Loading, Msg, useAction } from '../ui/components';

type Outcome =
  | { kind: 'checked-in'; view: AttendanceView; already: boolean }
  | { kind: 'checked-out'; view: AttendanceView; already: boolean };

function outcomeOf(view: AttendanceView, already: boolean): Outcome {
  return view.checkOutAt
    ? { kind: 'checked-out', view, already }
    : { kind: 'checked-in', view, already };
}

function EventLine(props: { event: MyEvent | null }) {
  const e = props.event;
  if (!e) {
    return null;
  }
  return (
    <div class="checkin-event" data-testid="checkin-event">
      <h2>{e.title}</h2>
      <p class="muted">
        <EventWhen date={e.date} startsAt={e.startsAt} endsAt={e.endsAt} />
      </p>
      <p class="muted">{e.place}</p>
    </div>
  );
}

function Result(props: { outcome: Outcome }) {
  const { view, already, kind } = props.outcome;
  if (kind === 'checked-out') {
    return (
      <div class="checkin-result checkin-ok" role="status" data-testid="check-in-result">
        <div class="checkin-big">
          {already
            ? L(
                `已签退 ${clockTime(view.checkOutAt!)}`,
                `Checked out ${clockTime(view.checkOutAt!)}`,
              )
            : L(
                `签退成功 ${clockTime(view.checkOutAt!)}`,
                `Checked out ${clockTime(view.checkOutAt!)}`,
              )}
        </div>
        <p>
          {view.checkInAt
            ? L(`签到 ${clockTime(view.checkInAt)}。`, `Checked in ${clockTime(view.checkInAt)}. `)
            : ''}
          {view.hours
            ? L(
                `这次服务约 ${formatHours(view.hours)}，队长结束活动后记入存折。`,
                `About ${formatHours(view.hours)} of service, credited when the leader closes the event.`,
              )
            : L(
                '队长结束活动后，服务记录会记入您的存折。',
                'Your service is credited when the leader closes the event.',
              )}
        </p>
        <p>{L('谢谢您的服务！', 'Thank you for serving!')}</p>
      </div>
    );
  }
  return (
    <div class="checkin-result checkin-ok" role="status" data-testid="check-in-result">
      <div class="checkin-big">
        {already
          ? L(`已签到 ${clockTime(view.checkInAt!)}`, `Checked in ${clockTime(view.checkInAt!)}`)
          : L(`签到成功 ${clockTime(view.checkInAt!)}`, `Checked in ${clockTime(view.checkInAt!)}`)}
      </div>
      <p>
        {L(
          '离开时请再扫一次现场屏幕上的二维码，然后点「签退」。',
          'When you leave, scan the code on the screen again and tap "Check out".',
        )}
      </p>
    </div>
  );
}

/**
 * Self check-in (签到) by the code on the leader's screen. Opening the address checks the
 * volunteer in (a repeat is harmless); once in, the same address offers the check-out, which
 * needs a fresh scan near the end, since the code changes every minute.
 */
export function CheckInPage() {
  const params = checkInParams(location.search);
  const [event, setEvent] = useState<MyEvent | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const checkIn = useAction();
  const checkOut = useAction();

  useEffect(() => {
    if (!params) {
      return;
    }
    const ctrl = new AbortController();
    void checkIn.run(async () => {
      // Where the volunteer stands decides what the scan means; the list may not hold the event
      // (not open to them, over): then the check-in itself says why.
      const mine = await get<unknown>('/me/events', { signal: ctrl.signal })
        .then((b) => itemsOf<MyEvent>(b).find((e) => e.id === params.eventId) ?? null)
        .catch(() => null);
      if (ctrl.signal.aborted) {
        return;
      }
      setEvent(mine);
      const a = mine?.myAttendance;
      if (a?.checkInAt) {
        setOutcome(
          outcomeOf(
            {
              checkInAt: a.checkInAt,
              checkOutAt: a.checkOutAt,
              hours: null,
            } as AttendanceView,
            true,
          ),
        );
        return;
      }
      const view = await post<AttendanceView>(
        `/me/events/${params.eventId}/check-in`,
        { code: params.code },
        { signal: ctrl.signal },
      );
      setOutcome(outcomeOf(view, false));
    });
    return () => ctrl.abort();
  }, [params?.eventId, params?.code]);

  const doCheckOut = () =>
    void checkOut.run(async () => {
      if (!params) {
        return;
      }
      const view = await post<AttendanceView>(`/me/events/${params.eventId}/check-out`, {
        code: params.code,
      });
      setOutcome(outcomeOf(view, false));
    });

  return (
    <main class="page page-phone" data-testid="check-in-page">
      <h1>{L('活动签到', 'Event check-in')}</h1>
      <div class="card stack">
        <EventLine event={event} />
        {!params ? (
          <Msg kind="error" testId="check-in-error">
            {L(
              '这个签到地址不完整，请重新扫描现场屏幕上的二维码。',
              'This check-in address is incomplete: scan the code on the screen at the event again.',
            )}
          </Msg>
        ) : null}
        {params && checkIn.busy ? <Loading /> : null}
        {checkIn.error ? (
          <Msg kind="error" testId="check-in-error">
            {eventErrorSentence(checkIn.error, event ?? undefined)}
          </Msg>
        ) : null}
        {outcome ? <Result outcome={outcome} /> : null}
        {checkOut.error ? (
          <Msg kind="error" testId="check-in-error">
            {eventErrorSentence(checkOut.error, event ?? undefined)}
          </Msg>
        ) : null}
        {outcome?.kind === 'checked-in' ? (
          <button
            type="button"
            class="btn btn-primary btn-big"
            disabled={checkOut.busy}
            onClick={doCheckOut}
            data-testid="check-out"
          >
            {checkOut.busy ? L('正在签退…', 'Checking out…') : L('签退', 'Check out')}
          </button>
        ) : null}
      </div>
      <p>
        <Link href="/me">{L('回到我的存折', 'Back to my passbook')}</Link>
      </p>
    </main>
  );
}

/** What the login page says above the form when a check-in address was opened logged out. */
export function checkInLoginIntro(): string {
  return L(
    '请先用存折号和密码登录，登录后自动为您签到。',
    'Log in with your passbook number and PIN first; you are checked in right after.',
  );
}
