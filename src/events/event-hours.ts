import { zonedTime } from '../common/clock';
import { Cents } from '../common/points';

/** How served minutes become hours: to a step of minutes, down (never more than served), to the nearest, or up. */
export interface HoursRounding {
  stepMinutes: number;
  mode: 'down' | 'nearest' | 'up';
}

export const DEFAULT_HOURS_ROUNDING: HoursRounding = { stepMinutes: 15, mode: 'down' };

/** The instants an event's local start and end times stand for in the community's zone. */
export function eventBounds(
  event: { eventDate: string; startsAt: string; endsAt: string },
  timeZone: string,
): { from: string; to: string } {
  return {
    from: zonedTime(event.eventDate, `${event.startsAt}:00`, timeZone).toISOString(),
    to: zonedTime(event.eventDate, `${event.endsAt}:00`, timeZone).toISOString(),
  };
}

/**
 * The time a participant served, from check-in to check-out held within the event's hours, and the
 * hours (hundredths) it counts for by the rounding rule. Checking in early or leaving late earns
 * nothing extra; null when nothing of the time lies within the event.
 */
export function servedTime(
  bounds: { from: string; to: string },
  checkInAt: string,
  checkOutAt: string,
  rounding: HoursRounding,
): { startedAt: string; endedAt: string; hours: Cents } | null {
  const start = Math.max(Date.parse(checkInAt), Date.parse(bounds.from));
  const end = Math.min(Date.parse(checkOutAt), Date.parse(bounds.to));
  if (!(end > start)) {
    return null;
  }
  const minutes = (end - start) / 60_000;
  const steps = minutes / rounding.stepMinutes;
  const rounded =
    rounding.mode === 'down'
      ? Math.floor(steps + 1e-9)
      : rounding.mode === 'up'
        ? Math.ceil(steps - 1e-9)
        : Math.round(steps);
  // Hours in hundredths: step minutes x steps / 60 x 100, rounded half-up to a hundredth.
  const hours = Math.round((rounded * rounding.stepMinutes * 100) / 60);
  return {
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(end).toISOString(),
    hours,
  };
}
