import { eventDay } from '../events';

/**
 * "12月2日（周三） 09:00–11:30" that breaks only where a narrow phone (at 200 % zoom) needs it:
 * before the weekday and before the times, never inside a date or the times.
 */
export function EventWhen(props: { date: string; startsAt: string; endsAt: string }) {
  const day = eventDay(props.date);
  const cut = day.indexOf('（');
  return (
    <>
      {cut > 0 ? (
        <>
          <span class="nowrap">{day.slice(0, cut)}</span>
          <span class="nowrap">{day.slice(cut)}</span>
        </>
      ) : (
        <span class="nowrap">{day}</span>
      )}{' '}
      <span class="nowrap">
        {props.startsAt}–{props.endsAt}
      </span>
    </>
  );
}
