import { useState } from 'preact/hooks';
import { get, itemsOf, post } from '../api';
import {
  clockTime,
  deadlineText,
  eventDay,
  eventErrorSentence,
  placesLeft,
  signupClosed,
  type MyEvent,
} from '../events';
import { L } from '../i18n';
import { EventWhen } from '../ui/event-when';
import { ErrorMsg, Loading, Msg, Section, Unbroken, useAction, useLoad } from '../ui/components';

/** What the volunteer has done about the event, in a line: signed up, checked in at 09:02. */
function MyState(props: { event: MyEvent }) {
  const e = props.event;
  const a = e.myAttendance;
  const parts: string[] = [];
  if (e.mySignup === 'signed_up') {
    parts.push(L('✓ 您已报名', '✓ You are signed up'));
  } else if (e.mySignup === 'withdrawn') {
    parts.push(L('您已取消报名', 'You withdrew'));
  }
  if (a?.checkInAt) {
    parts.push(L(`已签到 ${clockTime(a.checkInAt)}`, `checked in ${clockTime(a.checkInAt)}`));
  }
  if (a?.checkOutAt) {
    parts.push(L(`已签退 ${clockTime(a.checkOutAt)}`, `checked out ${clockTime(a.checkOutAt)}`));
  }
  if (parts.length === 0) {
    return null;
  }
  return (
    <p
      class={`event-mine ${e.mySignup === 'signed_up' || a?.checkInAt ? 'event-mine-yes' : ''}`}
      data-testid="my-state"
    >
      {parts.join(' · ')}
    </p>
  );
}

/** Places and deadline: "还剩 3 个名额（共 20 个）· 报名截止 12月11日 18:00". */
function SignupFacts(props: { event: MyEvent }) {
  const s = props.event.signup;
  if (!s) {
    return (
      <p class="muted">
        {L('不用报名，到现场扫码签到即可。', 'No sign-up needed: check in at the event.')}
      </p>
    );
  }
  const left = placesLeft(props.event);
  const closed = signupClosed(props.event);
  const places =
    left === null
      ? L(`已报名 ${s.signedUp} 人`, `${s.signedUp} signed up`)
      : left === 0
        ? L(
            `名额已满（共 ${s.capacity} 个）`,
            `Full (${s.capacity} ${s.capacity === 1 ? 'place' : 'places'})`,
          )
        : L(`还剩 ${left} 个名额（共 ${s.capacity} 个）`, `${left} of ${s.capacity} places left`);
  return (
    <div class="event-signup">
      <p class="event-places" data-testid="places">
        <Unbroken text={places} />
      </p>
      {s.deadline ? (
        <p class="event-deadline" data-testid="deadline">
          {closed ? (
            L('报名已截止', 'Sign-up closed')
          ) : (
            <Unbroken
              text={L(
                `报名截止 ${deadlineText(s.deadline)}`,
                `Sign up by ${deadlineText(s.deadline)}`,
              )}
            />
          )}
        </p>
      ) : null}
    </div>
  );
}

function EventCard(props: { event: MyEvent; onChanged: () => void }) {
  const e = props.event;
  const action = useAction();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const left = placesLeft(e);
  const closed = signupClosed(e);
  const signedUp = e.mySignup === 'signed_up';
  const checkedIn = Boolean(e.myAttendance?.checkInAt);
  const canSignUp = e.signup !== null && !signedUp && !closed && left !== 0 && !checkedIn;
  const canWithdraw = e.signup !== null && signedUp && !closed && !checkedIn;
  const teams = e.teams
    .map((t) => t.name)
    .filter(Boolean)
    .join('、');

  const signUp = () =>
    void action.run(async () => {
      setDone(null);
      try {
        await post(`/me/events/${e.id}/signup`, {});
      } finally {
        // Full or closed: the list shows the places as they are now.
        props.onChanged();
      }
      setDone(
        L(
          `报名成功！请在 ${eventDay(e.date)} ${e.startsAt} 前到「${e.place}」，扫现场的二维码签到。`,
          `Signed up! Be at ${e.place} by ${e.startsAt} on ${eventDay(e.date)} and scan the code there to check in.`,
        ),
      );
    });
  const withdraw = () =>
    void action.run(async () => {
      setDone(null);
      try {
        await post(`/me/events/${e.id}/withdraw`, {});
      } finally {
        props.onChanged();
      }
      setConfirmWithdraw(false);
      setDone(L('已取消报名。', 'You have withdrawn.'));
    });

  return (
    <li class="event-card" data-testid={`event-${e.id}`}>
      <h3 class="event-title">{e.title}</h3>
      <p class="event-when">
        <EventWhen date={e.date} startsAt={e.startsAt} endsAt={e.endsAt} />
      </p>
      <p class="event-where">
        <Unbroken text={e.place} />
        {teams ? <span class="muted"> · {teams}</span> : null}
      </p>
      {e.description ? <p class="muted event-description">{e.description}</p> : null}
      <SignupFacts event={e} />
      <MyState event={e} />
      {done ? (
        <Msg kind="ok" testId="event-done">
          {done}
        </Msg>
      ) : null}
      {action.error ? (
        <Msg kind="error" testId="event-error">
          {eventErrorSentence(action.error, e)}
        </Msg>
      ) : null}
      {canSignUp ? (
        <button
          type="button"
          class="btn btn-primary btn-big"
          disabled={action.busy}
          onClick={signUp}
        >
          {action.busy ? L('正在报名…', 'Signing up…') : L('我要报名', 'Sign me up')}
        </button>
      ) : null}
      {canWithdraw && !confirmWithdraw ? (
        <button
          type="button"
          class="btn btn-secondary"
          disabled={action.busy}
          onClick={() => {
            action.setError(null);
            setDone(null);
            setConfirmWithdraw(true);
          }}
        >
          {L('取消报名', 'Withdraw')}
        </button>
      ) : null}
      {canWithdraw && confirmWithdraw ? (
        <div class="confirm stack" data-testid="withdraw-confirm">
          <p class="confirm-text">
            {L(
              `确定不参加「${e.title}」了吗？名额会让给别人。`,
              `Not going to "${e.title}"? Your place goes to someone else.`,
            )}
          </p>
          <div class="row">
            <button type="button" class="btn btn-danger" disabled={action.busy} onClick={withdraw}>
              {L('确定取消报名', 'Yes, withdraw')}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              disabled={action.busy}
              onClick={() => setConfirmWithdraw(false)}
            >
              {L('不取消', 'Keep my place')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** 活动报名: planned events open to the volunteer, to sign up for and withdraw from. */
export function MyEventsSection() {
  const events = useLoad(
    (signal) => get<unknown>('/me/events', { signal }).then((b) => itemsOf<MyEvent>(b)),
    [],
  );
  return (
    <Section title={L('活动报名', 'Events')} testId="my-events">
      {events.error && !events.data ? <ErrorMsg error={events.error} /> : null}
      {!events.data && !events.error ? <Loading /> : null}
      {events.data && events.data.length === 0 ? (
        <p class="muted">{L('近期没有您可以参加的活动。', 'No upcoming events open to you.')}</p>
      ) : null}
      {events.data && events.data.length > 0 ? (
        <>
          <ul class="plain-list event-list">
            {events.data.map((e) => (
              <EventCard key={e.id} event={e} onChanged={events.reload} />
            ))}
          </ul>
          <p class="muted small">
            {L(
              '到了活动现场，用手机扫描队长屏幕上的二维码签到；离开时再扫一次签退。',
              'At the event, scan the code on the leader’s screen to check in, and again to check out.',
            )}
          </p>
        </>
      ) : null}
    </Section>
  );
}
